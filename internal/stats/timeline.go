package stats

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// MaxTimelineSteps bounds a timeline (a run may log up to 10,000 steps, and a retried
// execution has several runs); Truncated says when there were more.
const MaxTimelineSteps = 5000

// Timeline is every step attempt of an execution in the order they ran, for a Gantt view.
type Timeline struct {
	Execution *ent.WorkflowExecution
	Steps     []TimelineStep
	Truncated bool
}

// TimelineStep is one step attempt: one log row with its start and end.
type TimelineStep struct {
	LogID        uuid.UUID
	Run          int
	Attempt      int
	StepIndex    int
	StepKey      *string
	Path         string
	Iteration    *int
	Branch       *string
	ActionType   spec.ActionType
	Status       workflowexecutionlog.Status
	StartedAt    time.Time
	EndedAt      time.Time
	DurationMs   int
	ErrorMessage *string
}

// ExecutionTimeline reads the execution and its step attempts as the caller in ctx: ent's
// privacy policies apply, so an execution the caller may not read is not found
// (ent.IsNotFound).
func ExecutionTimeline(ctx context.Context, db *ent.Client, id uuid.UUID) (*Timeline, error) {
	ex, err := db.WorkflowExecution.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("execution timeline: %w", err)
	}
	logs, err := ex.QueryLogs().
		Order(
			ent.Asc(workflowexecutionlog.FieldRun), ent.Asc(workflowexecutionlog.FieldExecutedAt),
			ent.Asc(workflowexecutionlog.FieldStepIndex), ent.Asc(workflowexecutionlog.FieldAttempt),
			ent.Asc(workflowexecutionlog.FieldID),
		).
		Limit(MaxTimelineSteps + 1).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("execution timeline: %w", err)
	}
	out := &Timeline{Execution: ex, Steps: make([]TimelineStep, 0, min(len(logs), MaxTimelineSteps))}
	if len(logs) > MaxTimelineSteps {
		logs, out.Truncated = logs[:MaxTimelineSteps], true
	}
	for _, l := range logs {
		start := l.ExecutedAt.UTC()
		out.Steps = append(out.Steps, TimelineStep{
			LogID: l.ID, Run: l.Run, Attempt: l.Attempt, StepIndex: l.StepIndex, StepKey: l.StepKey,
			Path: l.Path, Iteration: l.Iteration, Branch: l.Branch, ActionType: l.ActionType, Status: l.Status,
			StartedAt: start, EndedAt: start.Add(time.Duration(l.DurationMs) * time.Millisecond),
			DurationMs: int(l.DurationMs), ErrorMessage: l.ErrorMessage,
		})
	}
	return out, nil
}
