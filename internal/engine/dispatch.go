package engine

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// dispatch claims executions while a worker slot is free and runs each in its own goroutine,
// until stop is cancelled. With no due execution it waits for a wake-up or the next poll.
//
// While every slot is busy it claims the next due execution ahead (one, see claimAhead), so
// that a slot that frees starts it at once: a draining worker's claim is then made while its
// slots work, not between one execution and the next. At shutdown a claim held ahead is
// released like the running ones.
func (e *Engine) dispatch(stop, work context.Context, running *sync.WaitGroup) {
	slots := make(chan struct{}, e.cfg.Workers)
	poll := time.NewTicker(e.cfg.PollInterval)
	defer poll.Stop()
	var ahead *heldClaim
	defer func() {
		if ahead != nil {
			ahead.release(e)
		}
	}()
	for {
		e.beat.Store(time.Now().UnixNano())
		if ahead == nil && len(slots) == cap(slots) {
			ahead = e.claimAhead(stop, work)
		}
		select {
		case slots <- struct{}{}:
		case <-stop.Done():
			return
		case <-poll.C:
			continue // every slot is busy: the loop is alive all the same
		}
		var c *claimed
		if ahead != nil {
			c, ahead = ahead.take(e), nil
		}
		for c == nil {
			e.beat.Store(time.Now().UnixNano())
			var err error
			if c, err = e.claimWithFlowControl(stop); err != nil && stop.Err() == nil {
				e.log.Error("claim execution", "error", err)
			}
			if c != nil {
				break
			}
			select {
			case <-stop.Done():
				return
			case <-e.wake:
			case <-poll.C:
			}
		}
		running.Add(1)
		go func(c claimed) {
			defer running.Done()
			defer func() { <-slots }()
			e.execute(stop, work, c)
		}(*c)
	}
}

// heldClaim is an execution claimed ahead of a free slot. Its lease is renewed while it
// waits, as a running execution's is, so a long wait (every slot busy with slow steps) does
// not let another worker take it over; a cancel that comes meanwhile is noticed by that
// renewal, and the claim is then dropped.
type heldClaim struct {
	c         claimed
	lost      atomic.Bool
	stopLease func()
}

// claimAhead claims the next due execution and starts renewing its lease, or returns nil
// when none is due.
func (e *Engine) claimAhead(stop, work context.Context) *heldClaim {
	c, err := e.claimWithFlowControl(stop)
	if err != nil && stop.Err() == nil {
		e.log.Error("claim execution ahead", "error", err)
	}
	if c == nil {
		return nil
	}
	h := &heldClaim{c: *c}
	h.stopLease = e.keepLease(work, *c, func() { h.lost.Store(true) })
	return h
}

// take hands the held execution to a slot: its renewals stop (the run keeps its own lease);
// nil if the lease was lost while it waited.
func (h *heldClaim) take(e *Engine) *claimed {
	h.stopLease()
	if h.lost.Load() {
		e.log.Info("claimed ahead, then lost (cancelled or taken over) before a slot was free", "execution_id", h.c.ID)
		e.freeSlot(h.c)
		return nil
	}
	return &h.c
}

// release gives the held execution back at shutdown, runnable at once.
func (h *heldClaim) release(e *Engine) {
	h.stopLease()
	if !h.lost.Load() {
		e.release(h.c, 0, e.log.With("execution_id", h.c.ID, "attempt", h.c.Attempt))
	}
	e.freeSlot(h.c)
}
