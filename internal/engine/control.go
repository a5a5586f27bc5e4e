package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/stepoutput"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/events"
)

// ErrExecutionNotFound is returned by Cancel and Retry for an unknown execution id.
var ErrExecutionNotFound = errors.New("execution not found")

// ErrLoopLimited is returned by Retry for the record of an execution the loop guard refused.
var ErrLoopLimited = errors.New("the loop guard refused this execution (loop limit reached); it cannot be retried")

// ErrAnotherActive is returned by Retry for a run of a ONE_ACTIVE workflow whose client has
// another PENDING or RUNNING run of it: the enrollment rule allows one at a time.
var ErrAnotherActive = errors.New("the workflow's enrollment is ONE_ACTIVE and this client has another PENDING or RUNNING execution of it; retry once that one has ended")

// StateError is returned by Cancel and Retry for an execution whose status does not allow
// the operation.
type StateError struct {
	Op      string
	Status  workflowexecution.Status
	Allowed []workflowexecution.Status
}

// Error says what was refused and why.
func (e *StateError) Error() string {
	return fmt.Sprintf("cannot %s an execution that is %s; only %s executions can be", e.Op, e.Status, joinStatuses(e.Allowed))
}

// RetryFrom says where a retried execution resumes.
type RetryFrom string

// Where a retry resumes.
const (
	// RetryFromFailedStep resumes at the step that failed (or was next when cancelled): steps
	// already SUCCESS are not repeated.
	RetryFromFailedStep RetryFrom = "FAILED_STEP"
	// RetryFromStart runs every step again, conditions first.
	RetryFromStart RetryFrom = "START"
)

// Cancel stops a PENDING or RUNNING execution: it becomes CANCELLED. A running worker stops
// before its next step (its fenced writes no longer match) and a delayed execution never
// wakes. db may be a transaction.
func Cancel(ctx context.Context, db *ent.Client, id uuid.UUID) (*ent.WorkflowExecution, error) {
	allowed := []workflowexecution.Status{workflowexecution.StatusPENDING, workflowexecution.StatusRUNNING}
	now := database.Now()
	n, err := db.WorkflowExecution.Update().
		Where(workflowexecution.ID(id), workflowexecution.StatusIn(allowed...)).
		SetStatus(workflowexecution.StatusCANCELLED).
		SetCompletedAt(now).
		SetErrorMessage("cancelled").
		ClearLeaseExpiresAt().
		Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("cancel execution %s: %w", id, err)
	}
	return afterTransition(ctx, db, id, n, "cancel", allowed)
}

// Retry makes a FAILED or CANCELLED execution PENDING again, on the definition it was
// created with. From RetryFromFailedStep it resumes at its current step; from RetryFromStart
// it starts over. Its startedAt, completedAt and errorMessage are cleared: the retry is a new
// run with a fresh timeout. d says how to notify the workers.
func Retry(ctx context.Context, db *ent.Client, d database.Dialect, id uuid.UUID, from RetryFrom) (*ent.WorkflowExecution, error) {
	allowed := []workflowexecution.Status{workflowexecution.StatusFAILED, workflowexecution.StatusCANCELLED}
	now := database.Now()
	// A record of the loop guard's refusal never ran and must not: retrying it would start the
	// loop the guard stopped.
	refused, err := db.WorkflowExecution.Query().
		Where(workflowexecution.ID(id), workflowexecution.StartedAtIsNil(),
			workflowexecution.ErrorMessage(events.LoopLimitMessage)).
		Exist(ctx)
	if err != nil {
		return nil, fmt.Errorf("retry execution %s: %w", id, err)
	}
	if refused {
		return nil, ErrLoopLimited
	}
	u := db.WorkflowExecution.Update().
		Where(workflowexecution.ID(id), workflowexecution.StatusIn(allowed...)).
		SetStatus(workflowexecution.StatusPENDING).
		SetRunAt(now).
		SetStepAttempt(0).
		SetStepRuns(0).
		ClearStartedAt().
		ClearCompletedAt().
		ClearErrorMessage().
		ClearExitReason().
		ClearExitMessage().
		ClearLeaseExpiresAt()
	switch from {
	case RetryFromStart:
		u.SetCurrentStep(0).AddRun(1).SetConditionsChecked(false).ClearLoopFrames()
	case RetryFromFailedStep:
	default:
		return nil, fmt.Errorf("retry execution %s: unknown starting point %q", id, from)
	}
	n, err := u.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, ErrAnotherActive // the partial unique index of active ONE_ACTIVE runs
	}
	if err != nil {
		return nil, fmt.Errorf("retry execution %s: %w", id, err)
	}
	ex, err := afterTransition(ctx, db, id, n, "retry", allowed)
	if err != nil {
		return nil, err
	}
	if from == RetryFromStart {
		// A new run reads only its own steps' outputs.
		sys := authz.System(ctx, authz.ReasonEngineBookkeeping)
		if _, err := db.StepOutput.Delete().Where(stepoutput.ExecutionID(id)).Exec(sys); err != nil {
			return nil, fmt.Errorf("retry execution %s: clear step outputs: %w", id, err)
		}
	}
	if err := events.Notify(ctx, db, d, id); err != nil {
		return nil, err
	}
	return ex, nil
}

// afterTransition reads the execution after a conditional update and explains a refusal
// (n == 0) as not found or a state error.
func afterTransition(ctx context.Context, db *ent.Client, id uuid.UUID, n int, op string, allowed []workflowexecution.Status) (*ent.WorkflowExecution, error) {
	ex, err := db.WorkflowExecution.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, ErrExecutionNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("%s execution %s: read it back: %w", op, id, err)
	}
	if n == 0 {
		return nil, &StateError{Op: op, Status: ex.Status, Allowed: allowed}
	}
	return ex, nil
}

// joinStatuses lists statuses as "A or B".
func joinStatuses(ss []workflowexecution.Status) string {
	out := ""
	for i, s := range ss {
		switch {
		case i == 0:
		case i == len(ss)-1:
			out += " or "
		default:
			out += ", "
		}
		out += string(s)
	}
	return out
}
