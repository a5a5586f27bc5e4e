package engine

import (
	"context"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/metrics"
	"github.com/flowline/flowline/internal/workflow"
)

// checkGoal evaluates the workflow's goal before a step (and before the conditions of a fresh
// run), with the client as it is now. When the goal holds, the execution ends COMPLETED with
// exitReason GOAL_MET in a fenced write, and r.done is set. A goal that cannot be evaluated
// fails the execution, as invalid conditions do. Client changes end met goals too, in the
// changing transaction (events.EndMetGoals): this check catches changes made by the run's own
// steps and goals on values that change without a client write (now, trigger data).
func (r *run) checkGoal(ctx context.Context) error {
	if !r.def.HasGoal() {
		return nil
	}
	now := r.e.now()
	wctx, err := r.workflowContext(ctx, now)
	if err != nil {
		return err
	}
	met, _, err := workflow.GoalMet(r.def, wctx)
	if err != nil {
		return r.failExecution(ctx, "invalid goal: "+err.Error())
	}
	if !met {
		return nil
	}
	err = saveFenced(ctx, r.c.ID, r.fenced(r.e.db.Client).
		SetStatus(workflowexecution.StatusCOMPLETED).
		SetExitReason(workflowexecution.ExitReasonGOAL_MET).
		SetExitMessage(events.GoalMetMessage).
		SetCompletedAt(now).
		ClearLeaseExpiresAt())
	if err == nil {
		r.done = true
		metrics.ExecutionsFinished.WithLabelValues(string(workflowexecution.StatusCOMPLETED)).Inc()
		r.log.Debug("goal met; execution completed", "step", r.step)
	}
	return err
}
