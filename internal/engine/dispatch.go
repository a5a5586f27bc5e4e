package engine

import (
	"context"
	"sync"
	"time"
)

// dispatch claims executions while a worker slot is free and runs each in its own goroutine,
// until stop is cancelled. With no due execution it waits for a wake-up or the next poll.
func (e *Engine) dispatch(stop, work context.Context, running *sync.WaitGroup) {
	slots := make(chan struct{}, e.cfg.Workers)
	poll := time.NewTicker(e.cfg.PollInterval)
	defer poll.Stop()
	for {
		e.beat.Store(time.Now().UnixNano())
		select {
		case slots <- struct{}{}:
		case <-stop.Done():
			return
		case <-poll.C:
			continue // every slot is busy: the loop is alive all the same
		}
		for {
			e.beat.Store(time.Now().UnixNano())
			c, err := e.claimWithFlowControl(stop)
			if err != nil && stop.Err() == nil {
				e.log.Error("claim execution", "error", err)
			}
			if c != nil {
				running.Add(1)
				go func() {
					defer running.Done()
					defer func() { <-slots }()
					e.execute(stop, work, *c)
				}()
				break
			}
			select {
			case <-stop.Done():
				return
			case <-e.wake:
			case <-poll.C:
			}
		}
	}
}
