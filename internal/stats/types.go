package stats

import (
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Stats are the dashboard's figures for a window: of one workflow, or of every workflow the
// caller may read.
type Stats struct {
	Counts Counts
	// SuccessRate is COMPLETED / (COMPLETED + FAILED), nil when nothing finished.
	SuccessRate *float64
	// DurationP50Ms and DurationP95Ms are percentiles (interpolated, like PostgreSQL's
	// percentile_cont) of completedAt - startedAt over finished executions.
	DurationP50Ms *float64
	DurationP95Ms *float64
	// LastRun is the most recently created execution of the window.
	LastRun *LastRun
	Series  []Point
	Steps   []StepStats
	// TopFailing is set only for statistics across workflows.
	TopFailing []FailingWorkflow
	// SkippedEnrollments counts the window's triggers that an enrollment rule skipped.
	SkippedEnrollments int
	// GoalConversions counts the window's executions that ended with exitReason GOAL_MET.
	GoalConversions int
}

// Counts are executions by status.
type Counts struct {
	Pending, Running, Completed, Failed, Cancelled int
}

// Total is the number of executions counted.
func (c Counts) Total() int { return c.Pending + c.Running + c.Completed + c.Failed + c.Cancelled }

// Finished is the number of executions that reached a verdict (COMPLETED or FAILED).
func (c Counts) Finished() int { return c.Completed + c.Failed }

// addStatus counts n executions of status in c.
func addStatus(c *Counts, status string, n int) {
	switch workflowexecution.Status(status) {
	case workflowexecution.StatusPENDING:
		c.Pending += n
	case workflowexecution.StatusRUNNING:
		c.Running += n
	case workflowexecution.StatusCOMPLETED:
		c.Completed += n
	case workflowexecution.StatusFAILED:
		c.Failed += n
	case workflowexecution.StatusCANCELLED:
		c.Cancelled += n
	default:
		// A status this build does not know (a newer schema) is not counted.
	}
}

// LastRun is one execution's creation time and status.
type LastRun struct {
	ExecutionID uuid.UUID
	WorkflowID  uuid.UUID
	CreatedAt   time.Time
	StartedAt   *time.Time
	Status      workflowexecution.Status
}

// Point is one bucket of the series: executions created in [Start, Start+bucket).
type Point struct {
	Start  time.Time
	Counts Counts
}

// StepStats are the attempts of one step (by key, or by index for steps without one) of
// the window's executions. SKIPPED rows are not attempts and are not counted.
type StepStats struct {
	WorkflowID    uuid.UUID
	StepKey       *string
	StepIndex     int
	ActionType    spec.ActionType
	Runs          int
	Failures      int
	DurationP50Ms *float64
}

// FailingWorkflow is a workflow with failed executions in the window.
type FailingWorkflow struct {
	WorkflowID uuid.UUID
	Name       string
	Failures   int
	Total      int
}
