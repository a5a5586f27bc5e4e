// Package bufpool lends byte buffers for answers that are built in memory before they are
// sent (a 20×10×10 dashboard read is about 250 KB): a buffer grown for one answer serves the
// next instead of being grown again, by doubling, from nothing.
package bufpool

import (
	"bytes"
	"context"
	"sync"
)

// MaxRetained is the largest buffer given back to the pool: a rare huge answer (up to the
// response limit, 4 MiB by default) is left to the garbage collector rather than kept alive
// for the life of the process.
const MaxRetained = 1 << 20

var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Get returns an empty buffer.
func Get() *bytes.Buffer {
	b, _ := pool.Get().(*bytes.Buffer)
	return b
}

// Put gives b back; b must not be used afterwards, nor any slice of its bytes.
func Put(b *bytes.Buffer) {
	if b == nil || b.Cap() > MaxRetained {
		return
	}
	b.Reset()
	pool.Put(b)
}

// Loans are the buffers lent for one request, given back together once its answer is sent.
// A request borrows from one goroutine at a time (its answer is written once, at the end).
type Loans struct{ bufs []*bytes.Buffer }

type loansKey struct{}

// WithLoans returns a context under which Borrow lends buffers, and the loans to Return once
// nothing holds their bytes any more.
func WithLoans(ctx context.Context) (context.Context, *Loans) {
	l := &Loans{}
	return context.WithValue(ctx, loansKey{}, l), l
}

// Borrow lends an empty buffer, to be given back by the Return of ctx's loans; it returns
// nil when ctx has none (the caller then allocates its own).
func Borrow(ctx context.Context) *bytes.Buffer {
	l, _ := ctx.Value(loansKey{}).(*Loans)
	if l == nil {
		return nil
	}
	b := Get()
	l.bufs = append(l.bufs, b)
	return b
}

// Return gives every lent buffer back; their bytes must not be used afterwards.
func (l *Loans) Return() {
	for _, b := range l.bufs {
		Put(b)
	}
	l.bufs = nil
}
