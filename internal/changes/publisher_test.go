package changes

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
)

// gatedBus records each batch it is given and holds Publish until the test releases it.
type gatedBus struct {
	batches chan []Event
	release chan struct{}
}

func (b *gatedBus) Publish(_ context.Context, events []Event) error {
	b.batches <- append([]Event(nil), events...)
	<-b.release
	return nil
}

func (*gatedBus) Listen(context.Context, func([]Event), func()) error { return nil }
func (*gatedBus) Close() error                                        { return nil }
func (*gatedBus) String() string                                      { return "gated" }

// An idle publisher sends an event at once; events that arrive while a batch is being sent,
// or within pace of it, go out together, no sooner than pace after it.
func TestPublisherPacesBatches(t *testing.T) {
	bus := &gatedBus{batches: make(chan []Event, 10), release: make(chan struct{})}
	p := NewPublisher(bus, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); p.Run(ctx) }()
	t.Cleanup(func() { cancel(); close(bus.release); <-done })

	event := func() Event { return Event{Kind: ExecutionChanged, ID: uuid.New()} }
	first := event()
	p.Publish(first)
	if got := <-bus.batches; len(got) != 1 || got[0] != first {
		t.Fatalf("first batch = %v, want the one event", got)
	}
	// Five events queue while the first batch is still being sent.
	var next []Event
	for range 5 {
		e := event()
		next = append(next, e)
		p.Publish(e)
	}
	bus.release <- struct{}{}
	sent := time.Now()
	got := <-bus.batches
	if waited := time.Since(sent); waited < pace {
		t.Errorf("second batch %v after the first, want at least %v", waited, pace)
	}
	if len(got) != len(next) {
		t.Fatalf("second batch has %d events, want the %d queued in one", len(got), len(next))
	}
	for i := range next {
		if got[i] != next[i] {
			t.Errorf("event %d = %v, want %v", i, got[i], next[i])
		}
	}
	bus.release <- struct{}{}
}
