package events

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"
	"time"

	"entgo.io/ent/dialect/sql"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/predicate"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// flowState is what a new execution stores about its definition's flow control: the keys
// rendered from the event (pinned, like the definition), the limits, and when it may start.
type flowState struct {
	runAt            time.Time
	debounceKey      *string
	gated            bool
	concurrencyKey   *string
	concurrencyLimit int
	throttleKey      *string
	throttleLimit    int
	throttlePeriodMS int64
}

// flowControl renders def's flow-control keys for ev. A debounced execution starts one
// period from now; the others at once.
func flowControl(def workflow.Definition, ev Event, wfID, wfName string, now time.Time) (flowState, error) {
	fs := flowState{runAt: now}
	if def.Debounce == nil && def.Concurrency == nil && def.Throttle == nil {
		return fs, nil
	}
	wctx := workflow.BuildContext(ev.workflowEvent(), wfID, wfName, "", now)
	key := func(rule, template string) (*string, error) {
		k, err := workflow.FlowKey(template, wctx)
		if err != nil {
			return nil, fmt.Errorf("render %s key %q: %w", rule, template, err)
		}
		return &k, nil
	}
	var err error
	if d := def.Debounce; d != nil && d.Duration() > 0 {
		if fs.debounceKey, err = key("debounce", d.KeyTemplate()); err != nil {
			return fs, err
		}
		fs.runAt = now.Add(d.Duration())
	}
	if c := def.Concurrency; c != nil && c.Limit > 0 {
		if fs.concurrencyKey, err = key("concurrency", c.KeyTemplate()); err != nil {
			return fs, err
		}
		fs.concurrencyLimit, fs.gated = c.Limit, true
	}
	if t := def.Throttle; t != nil && t.Limit > 0 && t.Duration() > 0 {
		if fs.throttleKey, err = key("throttle", t.KeyTemplate()); err != nil {
			return fs, err
		}
		fs.throttleLimit, fs.throttlePeriodMS, fs.gated = t.Limit, t.Duration().Milliseconds(), true
	}
	return fs, nil
}

// apply sets the flow-control columns of a new execution.
func (fs flowState) apply(c *ent.WorkflowExecutionCreate) {
	c.SetRunAt(fs.runAt).
		SetNillableDebounceKey(fs.debounceKey).
		SetFlowGated(fs.gated).
		SetNillableConcurrencyKey(fs.concurrencyKey).
		SetConcurrencyLimit(fs.concurrencyLimit).
		SetNillableThrottleKey(fs.throttleKey).
		SetThrottleLimit(fs.throttleLimit).
		SetThrottlePeriodMs(fs.throttlePeriodMS)
}

// debouncedColumns are what a later trigger of the same debounce key replaces in the waiting
// execution: when it starts and what it runs with. The first trigger's dedupe key and
// creation time stay.
var debouncedColumns = []string{
	workflowexecution.FieldRunAt, workflowexecution.FieldTriggerData, workflowexecution.FieldDefinition,
	workflowexecution.FieldWorkflowVersion, workflowexecution.FieldClientID, workflowexecution.FieldDepth,
	workflowexecution.FieldFlowGated, workflowexecution.FieldConcurrencyKey, workflowexecution.FieldConcurrencyLimit,
	workflowexecution.FieldThrottleKey, workflowexecution.FieldThrottleLimit, workflowexecution.FieldThrottlePeriodMs,
}

// debounce records a debounced trigger in one statement: it inserts the execution, or, when an
// execution of the same workflow and debounce key has not started yet, moves that one's start
// to this trigger's and gives it this trigger's data. The partial unique index on
// (workflow_id, debounce_key) of PENDING rows makes this atomic across transactions and
// processes: concurrent triggers of one key never make two executions. It returns the
// execution that holds the trigger now.
func debounce(ctx context.Context, tx *ent.Client, create *ent.WorkflowExecutionCreate, wfID uuid.UUID, key string) (*ent.WorkflowExecution, error) {
	err := create.OnConflict(
		sql.ConflictColumns(workflowexecution.FieldWorkflowID, workflowexecution.FieldDebounceKey),
		sql.ConflictWhere(sql.ExprP("debounce_key IS NOT NULL AND status = 'PENDING'")),
		sql.ResolveWith(func(u *sql.UpdateSet) {
			for _, c := range debouncedColumns {
				u.SetExcluded(c)
			}
		}),
	).Exec(ctx)
	if err != nil {
		return nil, fmt.Errorf("debounce execution of workflow %s: %w", wfID, err)
	}
	ex, err := tx.WorkflowExecution.Query().Where(
		workflowexecution.WorkflowID(wfID),
		workflowexecution.DebounceKey(key),
		workflowexecution.StatusEQ(workflowexecution.StatusPENDING),
	).Only(ctx)
	if err != nil {
		return nil, fmt.Errorf("read debounced execution of workflow %s: %w", wfID, err)
	}
	return ex, nil
}

// startDebounced is StartOnce for a debounced workflow: an event already recorded (same dedupe
// key) returns its execution; otherwise the trigger is merged into the key's waiting
// execution or makes a new one, and workers are told.
func (r Raiser) startDebounced(ctx context.Context, tx *ent.Client, wfID uuid.UUID, ev Event, create *ent.WorkflowExecutionCreate, dedupeKey, key string) (*ent.WorkflowExecution, bool, error) {
	existing, err := tx.WorkflowExecution.Query().
		Where(workflowexecution.WorkflowID(wfID), workflowexecution.DedupeKey(dedupeKey)).
		Only(ctx)
	switch {
	case err == nil:
		return existing, false, nil
	case !ent.IsNotFound(err):
		return nil, false, fmt.Errorf("raise %s: read duplicate execution of workflow %s: %w", ev.Type, wfID, err)
	}
	ex, err := debounce(ctx, tx, create, wfID, key)
	if err != nil {
		return nil, false, fmt.Errorf("raise %s: %w", ev.Type, err)
	}
	if err := Notify(ctx, tx, r.Dialect, ex.ID); err != nil {
		return nil, false, err
	}
	return ex, true, nil
}

// startDebouncedOneActive is startDebounced for a ONE_ACTIVE workflow. One statement cannot
// both merge on the debounce index and skip on the one-active index (PostgreSQL arbitrates on
// one ON CONFLICT target; a conflict on another unique index is an error that aborts the
// transaction), so: the insert does nothing on any conflict; then the trigger is merged into
// the client's waiting execution of the key if there is one, else skipped (the client's run
// has started, or waits under another key). Both statements decide in the database: the
// insert waits for a concurrent one of the same client, and the merge only touches a row
// still PENDING.
func (r Raiser) startDebouncedOneActive(ctx context.Context, tx *ent.Client, wf *ent.Workflow, ev Event, create *ent.WorkflowExecutionCreate, dedupeKey, key string) (*ent.WorkflowExecution, bool, error) {
	existing, err := tx.WorkflowExecution.Query().
		Where(workflowexecution.WorkflowID(wf.ID), workflowexecution.DedupeKey(dedupeKey)).
		Only(ctx)
	switch {
	case err == nil:
		return existing, false, nil
	case !ent.IsNotFound(err):
		return nil, false, fmt.Errorf("raise %s: read duplicate execution of workflow %s: %w", ev.Type, wf.ID, err)
	}
	create.OnConflict(sql.DoNothing())
	ex, err := create.Save(ctx)
	if errors.Is(err, stdsql.ErrNoRows) {
		ex, err = mergeDebounced(ctx, tx, create.Mutation(), wf.ID, *ev.ClientID, key)
		if err != nil {
			return nil, false, fmt.Errorf("raise %s: %w", ev.Type, err)
		}
		if ex == nil {
			ex, err := r.skipped(ctx, tx, wf, ev, dedupeKey, spec.EnrollOneActive)
			return ex, false, err
		}
	}
	if err != nil {
		return nil, false, fmt.Errorf("raise %s: create execution of workflow %s: %w", ev.Type, wf.ID, err)
	}
	if err := Notify(ctx, tx, r.Dialect, ex.ID); err != nil {
		return nil, false, err
	}
	return ex, true, nil
}

// mergeDebounced gives the client's waiting execution of the debounce key the debounced
// columns of the trigger m would have created, and returns it; nil when there is none.
func mergeDebounced(ctx context.Context, tx *ent.Client, m *ent.WorkflowExecutionMutation, wfID, clientID uuid.UUID, key string) (*ent.WorkflowExecution, error) {
	waiting := []predicate.WorkflowExecution{
		workflowexecution.WorkflowID(wfID),
		workflowexecution.ClientID(clientID),
		workflowexecution.DebounceKey(key),
		workflowexecution.StatusEQ(workflowexecution.StatusPENDING),
	}
	upd := tx.WorkflowExecution.Update().Where(waiting...)
	for _, c := range debouncedColumns {
		if v, ok := m.Field(c); ok {
			if err := upd.Mutation().SetField(c, v); err != nil {
				return nil, fmt.Errorf("merge into debounced execution of workflow %s: %w", wfID, err)
			}
		}
	}
	n, err := upd.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("merge into debounced execution of workflow %s: %w", wfID, err)
	}
	if n == 0 {
		return nil, nil
	}
	ex, err := tx.WorkflowExecution.Query().Where(waiting...).Only(ctx)
	if err != nil {
		return nil, fmt.Errorf("read debounced execution of workflow %s: %w", wfID, err)
	}
	return ex, nil
}
