package changes

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/metrics"
)

// Filter selects the events of one subscription; zero ids match everything.
type Filter struct {
	Kind Kind
	// ID is the workflow of a WorkflowChanged subscription.
	ID uuid.UUID
	// Execution and Workflow narrow execution and log subscriptions.
	Execution uuid.UUID
	Workflow  uuid.UUID
}

func (f Filter) matches(e Event) bool {
	if e.Kind != f.Kind {
		return false
	}
	switch e.Kind {
	case WorkflowChanged:
		return f.ID == uuid.Nil || f.ID == e.ID
	case ExecutionChanged, LogAdded:
		return (f.Execution == uuid.Nil || f.Execution == e.executionID()) &&
			(f.Workflow == uuid.Nil || f.Workflow == e.Workflow)
	default:
		return false
	}
}

// Subscription receives the events of its filter until it is closed or cut off.
type Subscription struct {
	hub    *Hub
	filter Filter
	caller string
	conn   *connection
	events chan Event
	// gone is closed when the hub cut the subscription off (it fell behind, or the hub
	// stopped).
	gone     chan struct{}
	cutOnce  sync.Once
	lagging  atomic.Bool
	closeOne sync.Once
}

// connection counts the subscriptions of one WebSocket connection.
type connection struct{ n atomic.Int32 }

type connectionKey struct{}

// WithConnection marks ctx as one connection's: Subscribe bounds the subscriptions made
// with it (HubConfig.PerConnection).
func WithConnection(ctx context.Context) context.Context {
	return context.WithValue(ctx, connectionKey{}, &connection{})
}

// Subscribe starts a subscription of caller (a user id) to the events f selects, within
// the limits per caller and per connection.
func (h *Hub) Subscribe(ctx context.Context, caller string, f Filter) (*Subscription, error) {
	conn, _ := ctx.Value(connectionKey{}).(*connection)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, ErrStopped
	}
	if h.perCaller[caller] >= h.cfg.PerCaller {
		return nil, fmt.Errorf("%w: at most %d at once per caller", ErrTooManySubscriptions, h.cfg.PerCaller)
	}
	if conn != nil {
		if int(conn.n.Add(1)) > h.cfg.PerConnection {
			conn.n.Add(-1)
			return nil, fmt.Errorf("%w: at most %d at once per connection", ErrTooManySubscriptions, h.cfg.PerConnection)
		}
	}
	h.perCaller[caller]++
	s := &Subscription{hub: h, filter: f, caller: caller, conn: conn,
		events: make(chan Event, h.cfg.Buffer), gone: make(chan struct{})}
	h.subs[s] = struct{}{}
	h.signal()
	metrics.Subscriptions.Inc()
	return s, nil
}

// Subscriptions counts the hub's open subscriptions.
func (h *Hub) Subscriptions() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// Events is where the subscription's events arrive.
func (s *Subscription) Events() <-chan Event { return s.events }

// Gone is closed when the hub cut the subscription off; Err says why.
func (s *Subscription) Gone() <-chan struct{} { return s.gone }

// Err says why the hub cut the subscription off: ErrTooSlow (the subscriber fell behind)
// or ErrStopped (the server is stopping).
func (s *Subscription) Err() error {
	if s.lagging.Load() {
		return ErrTooSlow
	}
	return ErrStopped
}

// offer hands the subscription an event, or cuts it off when its buffer is full: a slow
// subscriber never holds up the hub. Called with the hub's lock held.
func (s *Subscription) offer(e Event) {
	select {
	case s.events <- e:
	default:
		s.lagging.Store(true)
		metrics.SubscribersCut.Inc()
		s.cut()
		delete(s.hub.subs, s)
		s.release()
	}
}

func (s *Subscription) cut() { s.cutOnce.Do(func() { close(s.gone) }) }

// release gives back the subscription's place in the limits. Called with the hub's lock
// held.
func (s *Subscription) release() {
	s.closeOne.Do(func() {
		s.hub.signal()
		metrics.Subscriptions.Dec()
		s.hub.perCaller[s.caller]--
		if s.hub.perCaller[s.caller] <= 0 {
			delete(s.hub.perCaller, s.caller)
		}
		if s.conn != nil {
			s.conn.n.Add(-1)
		}
	})
}

// Close ends the subscription.
func (s *Subscription) Close() {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	delete(s.hub.subs, s)
	s.release()
	s.cut()
}
