package events

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"

	entsql "entgo.io/ent/dialect/sql"

	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/database"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	entworkflow "github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// DefaultLoopLimit is the deepest causation depth at which executions still start.
const DefaultLoopLimit = 5

// LoopLimitMessage is the errorMessage of an execution refused by the loop guard.
const LoopLimitMessage = "loop limit reached"

// Raiser creates the executions that events trigger. The zero value is not usable: Dialect
// must be set; LoopLimit 0 means DefaultLoopLimit.
type Raiser struct {
	// Dialect is the database's SQL dialect.
	Dialect database.Dialect
	// LoopLimit is the deepest causation depth at which executions start; deeper events
	// record a FAILED "loop limit reached" execution instead.
	LoopLimit int
	// Logger receives skipped enrollments and met goals at debug level (nil: slog.Default()).
	Logger *slog.Logger
}

// logger returns the Raiser's logger.
func (r Raiser) logger() *slog.Logger {
	if r.Logger == nil {
		return slog.Default()
	}
	return r.Logger
}

// limit returns the effective loop limit.
func (r Raiser) limit() int {
	if r.LoopLimit <= 0 {
		return DefaultLoopLimit
	}
	return r.LoopLimit
}

// Raise creates, in tx, one execution per active, non-template workflow whose trigger matches
// ev, and returns them (an execution that the same event had already created is returned as
// it is). tx must be the transaction of the change that ev describes.
func (r Raiser) Raise(ctx context.Context, tx *ent.Client, ev Event) ([]*ent.WorkflowExecution, error) {
	// A change by one user starts every user's matching workflows: this is not the caller's
	// read, so it runs as the system (see authz.ReasonEventMatching).
	ctx = authz.System(ctx, authz.ReasonEventMatching)
	if err := syncClientDates(ctx, tx, ev); err != nil {
		return nil, fmt.Errorf("raise %s: %w", ev.Type, err)
	}
	if ev.Type == spec.TriggerClientUpdated {
		// Every client change raises CLIENT_UPDATED: the moment to end the runs whose goal
		// the change met, before it starts new ones. One statement tells whether there are
		// any such runs and any workflow to start (probe.go); without a client after the
		// change no goal can be judged (EndMetGoals).
		goalRuns, listeners := false, true
		if ev.ClientID != nil && ev.Client != nil {
			var err error
			if goalRuns, listeners, err = r.probeClientUpdate(ctx, tx, ev); err != nil {
				return nil, err
			}
		}
		if goalRuns {
			if err := r.EndMetGoals(ctx, tx, ev); err != nil {
				return nil, err
			}
		}
		if !listeners {
			return nil, nil
		}
	}
	q := tx.Workflow.Query().Where(
		entworkflow.TriggerTypeEQ(ev.Type),
		entworkflow.IsActive(true),
		entworkflow.IsTemplate(false),
	)
	if ev.WorkflowID != nil {
		q.Where(entworkflow.ID(*ev.WorkflowID))
	}
	wfs, err := q.Order(entworkflow.ByID()).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("raise %s: find workflows: %w", ev.Type, err)
	}
	var out []*ent.WorkflowExecution
	for _, wf := range wfs {
		ex, err := r.Start(ctx, tx, wf, ev)
		if err != nil {
			return nil, err
		}
		if ex != nil {
			out = append(out, ex)
		}
	}
	return out, nil
}

// Start creates the execution of one workflow for ev in tx, if the workflow's trigger matches
// the event; it returns nil without error when it does not. When the event was already
// recorded for this workflow (same dedupe key), the existing execution is returned.
func (r Raiser) Start(ctx context.Context, tx *ent.Client, wf *ent.Workflow, ev Event) (*ent.WorkflowExecution, error) {
	ex, _, err := r.StartOnce(ctx, tx, wf, ev)
	return ex, err
}

// StartOnce is Start that also reports whether this call created the execution (false when
// the same event had already started the workflow, even in a concurrent transaction).
func (r Raiser) StartOnce(ctx context.Context, tx *ent.Client, wf *ent.Workflow, ev Event) (_ *ent.WorkflowExecution, created bool, _ error) {
	ctx = authz.System(ctx, authz.ReasonEventMatching)
	if !workflow.MatchTrigger(wf.TriggerType, wf.TriggerConfig, ev.workflowEvent()) {
		return nil, false, nil
	}
	def := workflow.Normalize(spec.Definition{
		TriggerType:   wf.TriggerType,
		TriggerConfig: wf.TriggerConfig,
		Conditions:    wf.Conditions,
		Actions:       wf.Actions,
		Enrollment:    wf.Enrollment,
		Goal:          wf.Goal,
		Debounce:      wf.Debounce,
		Concurrency:   wf.Concurrency,
		Throttle:      wf.Throttle,
	})
	key := ev.Key
	if key == "" {
		key = fmt.Sprintf("%s:%s", ev.Type, uuid.Must(uuid.NewV7()))
	}
	now := database.Now()
	refused := ev.Depth > r.limit()
	id := uuid.Must(uuid.NewV7())
	// The enrollment rule applies to runs about a client that the loop guard lets start (a
	// refusal is recorded whatever the rule, and enrolls no one).
	rule := def.EnrollmentOf()
	if ev.ClientID == nil || refused {
		rule.Mode = spec.EnrollEveryTime
	}
	if rule.Mode == spec.EnrollOnce {
		enrolled, err := r.enrollOnce(ctx, tx, wf, ev, rule, id)
		if err != nil {
			return nil, false, err
		}
		if !enrolled {
			ex, err := r.skipped(ctx, tx, wf, ev, key, rule.Mode)
			return ex, false, err
		}
	}
	create := tx.WorkflowExecution.Create().
		SetID(id).
		SetWorkflowID(wf.ID).
		SetNillableClientID(ev.ClientID).
		SetWorkflowVersion(wf.Version).
		SetDefinition(def).
		SetTriggerData(ev.TriggerData()).
		SetDedupeKey(key).
		SetDepth(ev.Depth).
		SetRunAt(now)
	if refused {
		create.SetStatus(workflowexecution.StatusFAILED).
			SetErrorMessage(LoopLimitMessage).
			SetCompletedAt(now)
	} else {
		// Debounce, concurrency and throttle (flowcontrol.go): keys rendered from the event.
		fs, err := flowControl(def, ev, wf.ID.String(), wf.Name, now)
		if err != nil {
			return nil, false, fmt.Errorf("raise %s: workflow %s: %w", ev.Type, wf.ID, err)
		}
		fs.apply(create)
		if fs.debounceKey != nil && rule.Mode == spec.EnrollOneActive {
			return r.startDebouncedOneActive(ctx, tx, wf, ev, create.SetOneActive(true), key, *fs.debounceKey)
		}
		if fs.debounceKey != nil {
			return r.startDebounced(ctx, tx, wf.ID, ev, create, key, *fs.debounceKey)
		}
	}
	if rule.Mode == spec.EnrollOneActive {
		// No conflict target: the insert does nothing on the dedupe key or on the partial
		// unique index of active ONE_ACTIVE runs, and skipped tells which it was.
		create.SetOneActive(true).OnConflict(entsql.DoNothing())
		ex, err := create.Save(ctx)
		if errors.Is(err, sql.ErrNoRows) {
			ex, err := r.skipped(ctx, tx, wf, ev, key, rule.Mode)
			return ex, false, err
		}
		return r.created(ctx, tx, wf, ev, ex, refused, err)
	}
	create.OnConflictColumns(workflowexecution.FieldWorkflowID, workflowexecution.FieldDedupeKey).DoNothing()
	ex, err := create.Save(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		// The same event already started this workflow.
		existing, qerr := tx.WorkflowExecution.Query().
			Where(workflowexecution.WorkflowID(wf.ID), workflowexecution.DedupeKey(key)).
			Only(ctx)
		if qerr != nil {
			return nil, false, fmt.Errorf("raise %s: read duplicate execution of workflow %s: %w", ev.Type, wf.ID, qerr)
		}
		return existing, false, nil
	}
	return r.created(ctx, tx, wf, ev, ex, refused, err)
}

// created finishes StartOnce after the insert of a new execution: it wakes the workers.
func (r Raiser) created(ctx context.Context, tx *ent.Client, wf *ent.Workflow, ev Event, ex *ent.WorkflowExecution, refused bool, err error) (*ent.WorkflowExecution, bool, error) {
	if err != nil {
		return nil, false, fmt.Errorf("raise %s: create execution of workflow %s: %w", ev.Type, wf.ID, err)
	}
	if !refused {
		if err := Notify(ctx, tx, r.Dialect, ex.ID); err != nil {
			return nil, false, err
		}
	}
	return ex, true, nil
}

// RaiseAll raises several events in order and returns every execution they created.
func (r Raiser) RaiseAll(ctx context.Context, tx *ent.Client, evs []Event) ([]*ent.WorkflowExecution, error) {
	var out []*ent.WorkflowExecution
	for _, ev := range evs {
		exs, err := r.Raise(ctx, tx, ev)
		if err != nil {
			return nil, err
		}
		out = append(out, exs...)
	}
	return out, nil
}
