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
// Claims are made in batches and ahead of need. A slot that finds nothing held claims for
// itself, for every other free slot and for the depth held ahead, in one statement; while
// every slot is busy and nothing is held it claims that depth ahead. A slot that frees then
// starts a held execution at once, and a draining worker pays one claim's round trip per
// depth executions instead of one per execution, made while its slots work. The depth is
// WORKERS while recent runs are quick (runPace) and one otherwise: executions held by a
// worker whose slots are slow would wait there while another worker could run them. Held
// executions keep their leases and are handed back at shutdown like the running ones.
func (e *Engine) dispatch(stop, work context.Context, running *sync.WaitGroup) {
	slots := make(chan struct{}, e.cfg.Workers)
	var pace runPace
	poll := time.NewTicker(e.cfg.PollInterval)
	defer poll.Stop()
	var ahead heldClaims
	defer func() { ahead.release(e) }()
	for {
		e.beat.Store(time.Now().UnixNano())
		if len(ahead) == 0 && len(slots) == cap(slots) {
			ahead.hold(work, e, e.claimSome(stop, pace.depth(e.cfg.Workers)))
		}
		select {
		case slots <- struct{}{}:
		case <-stop.Done():
			return
		case <-poll.C:
			continue // every slot is busy: the loop is alive all the same
		}
		c := ahead.take(e)
		for c == nil {
			e.beat.Store(time.Now().UnixNano())
			// This slot, the other free ones (len(slots) counts this one) and the ones ahead.
			if cs := e.claimSome(stop, cap(slots)-len(slots)+1+pace.depth(e.cfg.Workers)); len(cs) > 0 {
				c = &cs[0]
				ahead.hold(work, e, cs[1:])
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
			start := time.Now()
			e.execute(stop, work, c)
			pace.add(time.Since(start))
		}(*c)
	}
}

// quickRun is the mean run duration up to which a worker holds WORKERS executions ahead: a
// run this short takes a few claims' round trips on a busy database, so the claims are worth
// batching; longer runs gain little from a claim saved.
const quickRun = 50 * time.Millisecond

// runPace is the mean duration of a worker's recent runs, weighted towards the latest.
type runPace struct{ mean atomic.Int64 } // nanoseconds; 0 before the first run

// add counts a run that took d.
func (p *runPace) add(d time.Duration) {
	for {
		old := p.mean.Load()
		next := int64(d)
		if old != 0 {
			next = old + (int64(d)-old)/8
		}
		if p.mean.CompareAndSwap(old, next) {
			return
		}
	}
}

// depth is how many executions to hold ahead of a worker's slots: all of them while recent
// runs are quick, else one.
func (p *runPace) depth(workers int) int {
	if mean := time.Duration(p.mean.Load()); mean > 0 && mean <= quickRun {
		return max(workers, 1)
	}
	return 1
}

// claimSome claims up to n executions, logging a failure (the next loop or poll tries again).
func (e *Engine) claimSome(ctx context.Context, n int) []claimed {
	cs, err := e.claimWithFlowControl(ctx, n)
	if err != nil && ctx.Err() == nil {
		e.log.Error("claim executions", "error", err)
	}
	return cs
}

// heldClaims are the executions claimed ahead of a free slot, oldest first.
type heldClaims []*heldClaim

// hold keeps cs claimed until a slot takes them.
func (q *heldClaims) hold(work context.Context, e *Engine, cs []claimed) {
	for _, c := range cs {
		h := &heldClaim{c: c}
		h.stopLease = e.keepLease(work, c, func() { h.lost.Store(true) })
		*q = append(*q, h)
	}
}

// take hands the oldest held execution whose lease held to a slot; nil when none is left.
func (q *heldClaims) take(e *Engine) *claimed {
	for len(*q) > 0 {
		h := (*q)[0]
		(*q)[0] = nil
		*q = (*q)[1:]
		if c := h.take(e); c != nil {
			return c
		}
	}
	return nil
}

// release gives every held execution back at shutdown.
func (q *heldClaims) release(e *Engine) {
	for _, h := range *q {
		h.release(e)
	}
	*q = nil
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
