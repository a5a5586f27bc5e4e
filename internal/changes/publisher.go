package changes

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/flowline/flowline/internal/metrics"
)

// queueSize bounds the events waiting to be published: a writer never waits for the bus.
const queueSize = 10000

// batchSize bounds one Publish call.
const batchSize = 500

// Publisher sends committed events on the bus from a goroutine of its own, so writers
// (the engine's step transactions, mutations) never wait for it.
type Publisher struct {
	bus     Bus
	log     *slog.Logger
	queue   chan Event
	dropped atomic.Int64
}

// NewPublisher returns a publisher to bus; Run sends what it is given.
func NewPublisher(bus Bus, logger *slog.Logger) *Publisher {
	if logger == nil {
		logger = slog.Default()
	}
	return &Publisher{bus: bus, log: logger, queue: make(chan Event, queueSize)}
}

// Publish queues events without waiting. When the queue is full they are dropped and
// counted: subscribers catch up on final statuses through the Hub's sweep.
func (p *Publisher) Publish(events ...Event) {
	for _, e := range events {
		select {
		case p.queue <- e:
		default:
			p.dropped.Add(1)
			metrics.ChangeEventsDropped.WithLabelValues("publisher").Inc()
		}
	}
}

// Dropped is how many events were dropped because the queue was full.
func (p *Publisher) Dropped() int64 { return p.dropped.Load() }

// Run publishes queued events in batches until ctx ends, then sends what is left (for at
// most a second).
func (p *Publisher) Run(ctx context.Context) {
	batch := make([]Event, 0, batchSize)
	send := func(ctx context.Context) {
		if len(batch) == 0 {
			return
		}
		if err := p.bus.Publish(ctx, batch); err != nil && ctx.Err() == nil {
			p.log.Warn("publish change events: subscribers catch up on final statuses", "events", len(batch), "error", err)
		}
		batch = batch[:0]
	}
	for {
		select {
		case <-ctx.Done():
			flush, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
			p.drain(flush, &batch, send)
			cancel()
			return
		case e := <-p.queue:
			batch = append(batch, e)
			p.gather(ctx, &batch)
			send(ctx)
		}
	}
}

// linger is how long a batch waits for more events after its first: a busy engine commits a
// step every millisecond or so, and one notification statement for each doubled the
// database's statements per step; subscribers see their events this much later.
const linger = 2 * time.Millisecond

// gather adds to batch the events that arrive within linger, up to a batch.
func (p *Publisher) gather(ctx context.Context, batch *[]Event) {
	timer := time.NewTimer(linger)
	defer timer.Stop()
	for len(*batch) < batchSize {
		select {
		case e := <-p.queue:
			*batch = append(*batch, e)
		case <-timer.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// drain sends what is still queued when Run stops.
func (p *Publisher) drain(ctx context.Context, batch *[]Event, send func(context.Context)) {
	for {
		select {
		case e := <-p.queue:
			*batch = append(*batch, e)
			if len(*batch) == batchSize {
				send(ctx)
			}
		default:
			send(ctx)
			return
		}
	}
}
