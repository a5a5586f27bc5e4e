package engine

import (
	"context"
	"errors"
	"time"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/metrics"
)

// maxRenewInterval bounds the time between renewals, so that a cancel interrupts a running
// step (an in-flight webhook) within about a second whatever the lease duration.
const maxRenewInterval = time.Second

// keepLease renews the lease on c every third of the lease duration (at least every second)
// until the returned stop function is called. When a renewal finds the lease lost (the
// execution was cancelled or taken over), it calls lost, which interrupts the running step,
// and stops renewing.
func (e *Engine) keepLease(ctx context.Context, c claimed, lost func()) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(min(e.cfg.LeaseDuration/3, maxRenewInterval))
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			err := saveFenced(ctx, c.ID, e.fenced(e.db.Client, c))
			switch {
			case errors.Is(err, errLeaseLost):
				e.log.Info("lease lost while running; interrupting the step", "execution_id", c.ID, "attempt", c.Attempt)
				lost()
				return
			case err != nil && ctx.Err() == nil:
				e.log.Warn("renew lease", "execution_id", c.ID, "error", err)
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// reap returns executions whose lease expired (their worker crashed or hung) to PENDING, so
// they are claimed again and resume at their current step. It runs until ctx is cancelled.
func (e *Engine) reap(ctx context.Context) {
	interval := min(max(e.cfg.LeaseDuration/2, 100*time.Millisecond), 15*time.Second)
	database.Reap(ctx, interval, func(ctx context.Context, now time.Time) (int, error) {
		return e.db.Client.WorkflowExecution.Update().
			Where(
				workflowexecution.StatusEQ(workflowexecution.StatusRUNNING),
				workflowexecution.LeaseExpiresAtLT(now),
			).
			SetStatus(workflowexecution.StatusPENDING).
			SetRunAt(now).
			ClearLeaseExpiresAt().
			Save(ctx)
	}, func(n int) {
		metrics.LeaseReclaims.Add(float64(n))
		e.log.Warn("reaped executions with expired leases", "count", n)
		e.Wake()
	}, func(err error) {
		e.log.Error("reap expired leases", "error", err)
	})
}
