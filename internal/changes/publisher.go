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
	var last time.Time // when the last batch was sent
	send := func(ctx context.Context) {
		if len(batch) == 0 {
			return
		}
		if err := p.bus.Publish(ctx, batch); err != nil && ctx.Err() == nil {
			p.log.Warn("publish change events: subscribers catch up on final statuses", "events", len(batch), "error", err)
		}
		batch = batch[:0]
		last = time.Now()
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
			p.gather(ctx, &batch, last.Add(pace))
			send(ctx)
		}
	}
}

// pace is the least time between two batches. An idle bus sends an event at once; a busy one
// gathers what arrives until pace has passed since the last batch, so it sends at most
// 1/pace notification statements a second however fast the engine commits steps. On
// PostgreSQL each is a transaction of its own (NOTIFY gives it a transaction id and a commit
// to flush), and at one every 2 ms (the earlier linger) they cost the engine about a tenth
// of its rate; subscribers of a busy engine see their events up to this much later.
const pace = 10 * time.Millisecond

// gather adds to batch the events queued already and those that arrive until the time until,
// up to a batch.
func (p *Publisher) gather(ctx context.Context, batch *[]Event, until time.Time) {
	var timeout <-chan time.Time
	if wait := time.Until(until); wait > 0 {
		timer := time.NewTimer(wait)
		defer timer.Stop()
		timeout = timer.C
	}
	for len(*batch) < batchSize {
		select {
		case e := <-p.queue:
			*batch = append(*batch, e)
			continue
		case <-ctx.Done():
			return
		default:
		}
		if timeout == nil {
			return // nothing more queued, and no reason to wait for it
		}
		select {
		case e := <-p.queue:
			*batch = append(*batch, e)
		case <-timeout:
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
