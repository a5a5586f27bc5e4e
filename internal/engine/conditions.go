package engine

import (
	"context"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/metrics"
	"github.com/flowline/flowline/internal/workflow"
)

// checkConditions evaluates the workflow's conditions at the start of a run. When they do not
// pass, the execution is COMPLETED with every action logged SKIPPED, the explanation in each
// row's outputData. Invalid conditions fail the execution.
func (r *run) checkConditions(ctx context.Context) error {
	if len(r.def.Conditions) == 0 {
		return r.conditionsPassed(ctx) // no conditions always pass; no need to read the client
	}
	now := r.e.now()
	wctx, err := r.workflowContext(ctx, now)
	if err != nil {
		return err
	}
	passed, ex, err := workflow.EvaluateConditions(r.def.Conditions, wctx)
	if err != nil {
		return r.failExecution(ctx, "invalid conditions: "+err.Error())
	}
	if passed {
		return r.conditionsPassed(ctx)
	}
	explanation := toMap(ex)
	err = r.e.inTx(ctx, func(tx *ent.Client) error {
		err := saveFenced(ctx, r.c.ID, r.fenced(tx).
			SetCurrentStep(r.prog.Len()).
			SetStatus(workflowexecution.StatusCOMPLETED).
			SetCompletedAt(now).
			ClearLeaseExpiresAt())
		if err != nil {
			return err
		}
		// One SKIPPED row per top-level step: nested steps did not get as far as being chosen.
		var rows []*ent.WorkflowExecutionLogCreate
		for i, in := range r.prog.Instrs {
			if in.Action == nil || in.Op == workflow.OpJump || in.Op == workflow.OpNext || !workflow.IsTopLevel(in.Path) {
				continue
			}
			a := *in.Action
			rows = append(rows, r.logRow(tx, i, a, workflowexecutionlog.StatusSKIPPED,
				workflow.RedactConfig(a.Type, a.Config),
				map[string]any{outReason: "the conditions did not pass", outExplanation: explanation},
				"", now))
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.WorkflowExecutionLog.CreateBulk(rows...).Exec(ctx)
	})
	if err == nil {
		r.done = true
		metrics.ExecutionsFinished.WithLabelValues(string(workflowexecution.StatusCOMPLETED)).Inc()
		r.log.Debug("conditions did not pass; execution completed with skipped steps")
	}
	return err
}

// conditionsPassed notes that this run's conditions passed, so that resuming it (after a
// crash, or a retry from the failed step) does not evaluate them again against a client that
// may have changed since. The run's next fenced write records it (see run.fenced).
func (r *run) conditionsPassed(context.Context) error {
	r.ex.ConditionsChecked = true
	return nil
}
