package bufpool_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/flowline/flowline/internal/bufpool"
)

func TestGetIsEmpty(t *testing.T) {
	b := bufpool.Get()
	b.WriteString("answer")
	bufpool.Put(b)
	if got := bufpool.Get(); got.Len() != 0 {
		t.Fatalf("a lent buffer holds %q", got.String())
	}
}

func TestPutDropsHugeBuffers(t *testing.T) {
	huge := bytes.NewBuffer(make([]byte, 0, bufpool.MaxRetained+1))
	bufpool.Put(huge) // must not panic, and is not kept
	bufpool.Put(nil)
	for range 4 {
		if bufpool.Get() == huge {
			t.Fatal("a buffer above MaxRetained was kept")
		}
	}
}

func TestBorrowLendsOnlyUnderLoans(t *testing.T) {
	if b := bufpool.Borrow(context.Background()); b != nil {
		t.Fatal("a buffer lent without loans to give it back")
	}
	ctx, loans := bufpool.WithLoans(context.Background())
	a, b := bufpool.Borrow(ctx), bufpool.Borrow(ctx)
	if a == nil || b == nil || a == b {
		t.Fatalf("two loans gave %p and %p", a, b)
	}
	a.WriteString("first answer")
	loans.Return()
	loans.Return() // a second Return gives nothing back twice
	for range 4 {
		if got := bufpool.Get(); got.Len() != 0 {
			t.Fatalf("a returned buffer still holds %q", got.String())
		}
	}
}
