// Package bufpool lends byte buffers for answers that are built in memory before they are
// sent (a 20×10×10 dashboard read is about 250 KB): a buffer grown for one answer serves the
// next instead of being grown again, by doubling, from nothing.
package bufpool

import (
	"bytes"
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
