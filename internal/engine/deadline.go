package engine

import (
	"context"
	"fmt"
	"time"

	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// computeDeadline returns when the execution times out: ExecutionTimeout after it started,
// plus the time it was asleep in DELAY steps of this run (read from their log rows).
func (r *run) computeDeadline(ctx context.Context) (time.Time, error) {
	started := r.e.now()
	if r.ex.StartedAt != nil {
		started = *r.ex.StartedAt
	}
	deadline := started.Add(r.e.cfg.ExecutionTimeout)
	if !r.hasDelay() {
		return deadline, nil
	}
	logs, err := r.e.db.Client.WorkflowExecutionLog.Query().
		Where(
			workflowexecutionlog.ExecutionID(r.c.ID),
			workflowexecutionlog.ActionTypeEQ(spec.ActionDelay),
			workflowexecutionlog.StatusEQ(workflowexecutionlog.StatusSUCCESS),
			workflowexecutionlog.ExecutedAtGTE(started),
		).
		All(ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("read delays: %w", err)
	}
	for _, l := range logs {
		if ms, ok := l.OutputData[outDelayMs].(float64); ok && ms > 0 {
			deadline = deadline.Add(time.Duration(ms) * time.Millisecond)
		}
	}
	return deadline, nil
}

// hasDelay reports whether the definition has a DELAY step.
func (r *run) hasDelay() bool {
	found := false
	workflow.Walk(r.def.Actions, func(_ string, a *spec.Action) {
		found = found || a.Type == spec.ActionDelay
	})
	return found
}

// timeoutMessage is the errorMessage of a timed-out execution.
func (r *run) timeoutMessage() string {
	return fmt.Sprintf("execution timed out: it ran longer than %s (time asleep in DELAY steps not counted)", r.e.cfg.ExecutionTimeout)
}
