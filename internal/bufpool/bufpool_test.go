package bufpool_test

import (
	"bytes"
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
