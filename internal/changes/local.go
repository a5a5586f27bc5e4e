package changes

import (
	"context"
	"sync"
)

// LocalBus delivers events within this process only: the bus of a single SQLite process,
// and of tests.
type LocalBus struct {
	mu        sync.RWMutex
	listeners map[int]func([]Event)
	next      int
}

// NewLocalBus returns an empty in-process bus.
func NewLocalBus() *LocalBus { return &LocalBus{listeners: map[int]func([]Event){}} }

// Publish hands the batch to every listener of this process.
func (b *LocalBus) Publish(_ context.Context, events []Event) error {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for _, deliver := range b.listeners {
		deliver(events)
	}
	return nil
}

// Listen delivers until ctx ends; nothing is ever lost in between, so resync is called
// once, at the start.
func (b *LocalBus) Listen(ctx context.Context, deliver func([]Event), resync func()) error {
	b.mu.Lock()
	id := b.next
	b.next++
	b.listeners[id] = deliver
	b.mu.Unlock()
	resync()
	<-ctx.Done()
	b.mu.Lock()
	delete(b.listeners, id)
	b.mu.Unlock()
	return nil
}

// Close does nothing: the bus holds no connection.
func (b *LocalBus) Close() error { return nil }

func (b *LocalBus) String() string { return "local (this process only)" }
