package events

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent/dialect/sql"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/schema"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/workflow"
)

// GoalMetMessage is the exit message of an execution ended because its goal held.
const GoalMetMessage = "the workflow's goal was met"

type changingExecutionKey struct{}

// FromExecution marks ctx as the context of a step of execution id: a client change it makes
// does not end that execution on its goal (the step's own fenced write would then fail and
// roll the change back); the engine checks the goal before its next step instead.
func FromExecution(ctx context.Context, id uuid.UUID) context.Context {
	return context.WithValue(ctx, changingExecutionKey{}, id)
}

// EndMetGoals ends, in tx, the client's active (PENDING or RUNNING) executions whose pinned
// definition has a goal that holds for the client as it is after the change (ev.Client): each
// becomes COMPLETED with exitReason GOAL_MET. A delayed execution ends at once, and a running
// one's next fenced write fails, so its worker stops before the next step (as with a cancel).
// It commits with the change, on any replica: goals need no process to watch them.
func (r Raiser) EndMetGoals(ctx context.Context, tx *ent.Client, ev Event) error {
	if ev.ClientID == nil || ev.Client == nil {
		return nil
	}
	self, _ := ctx.Value(changingExecutionKey{}).(uuid.UUID)
	// Only executions with a goal are read (a definition without one has no "goal" key), so
	// the usual change, of a client whose runs have none, reads no row and no workflow.
	active, err := tx.WorkflowExecution.Query().
		Where(
			workflowexecution.ClientID(*ev.ClientID),
			workflowexecution.IDNEQ(self),
			// The partial index's own predicate (schema.GoalRunsPredicate), so that the
			// database reads that index, whatever the plan.
			func(s *sql.Selector) { s.Where(sql.ExprP(schema.GoalRunsPredicate)) },
		).
		WithWorkflow().
		All(ctx)
	if err != nil {
		return fmt.Errorf("goals of client %s: find active executions: %w", *ev.ClientID, err)
	}
	now := database.Now()
	for _, ex := range active {
		if ex.ID == self || !ex.Definition.HasGoal() {
			continue
		}
		name := ""
		if ex.Edges.Workflow != nil {
			name = ex.Edges.Workflow.Name
		}
		wev := WorkflowEvent(ex.Definition.TriggerType, ex.TriggerData)
		wev.Client = ev.Client
		met, _, err := workflow.GoalMet(ex.Definition, workflow.BuildContext(wev, ex.WorkflowID.String(), name, ex.ID.String(), now))
		if err != nil || !met {
			// A goal that cannot be evaluated does not end the run here; the engine's check
			// before the next step reports it.
			continue
		}
		if err := EndGoalMet(ctx, tx, ex.ID, now); err != nil {
			return err
		}
		r.logger().DebugContext(ctx, "goal met: execution ended", "execution_id", ex.ID, "workflow_id", ex.WorkflowID, "client_id", *ev.ClientID)
	}
	return nil
}

// EndGoalMet ends execution id as COMPLETED with exitReason GOAL_MET if it is still PENDING or
// RUNNING (a run that ended meanwhile keeps its end).
func EndGoalMet(ctx context.Context, tx *ent.Client, id uuid.UUID, now time.Time) error {
	_, err := tx.WorkflowExecution.Update().
		Where(
			workflowexecution.ID(id),
			workflowexecution.StatusIn(workflowexecution.StatusPENDING, workflowexecution.StatusRUNNING),
		).
		SetStatus(workflowexecution.StatusCOMPLETED).
		SetExitReason(workflowexecution.ExitReasonGOAL_MET).
		SetExitMessage(GoalMetMessage).
		SetCompletedAt(now).
		ClearLeaseExpiresAt().
		Save(changes.UpdateOf(ctx, id))
	if err != nil {
		return fmt.Errorf("end execution %s on its goal: %w", id, err)
	}
	return nil
}
