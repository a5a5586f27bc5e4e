package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/database"
)

// errLeaseLost means a fenced write matched no row: the execution was cancelled, or its lease
// expired and another worker reclaimed it. The worker must stop touching it.
var errLeaseLost = errors.New("lease lost: the execution was cancelled or another worker took it over")

// fenced starts an update of the claimed execution that only applies while this worker still
// holds it: same id, same attempt, still RUNNING. Every fenced write also extends the lease.
func (e *Engine) fenced(db *ent.Client, c claimed) *ent.WorkflowExecutionUpdate {
	return db.WorkflowExecution.Update().
		Where(
			workflowexecution.ID(c.ID),
			workflowexecution.Attempt(c.Attempt),
			workflowexecution.StatusEQ(workflowexecution.StatusRUNNING),
		).
		SetLeaseExpiresAt(e.now().Add(e.cfg.LeaseDuration))
}

// fenced is the engine's fenced update of this run's execution. Once the run's conditions
// passed, every such write also records that (conditions_checked): the first one commits with
// the first step's effect (or its failure), so a run resumed after that does not evaluate
// the conditions again, and a run resumed before it has done nothing yet and evaluates them
// afresh. The flag costs no write of its own.
func (r *run) fenced(db *ent.Client) *ent.WorkflowExecutionUpdate {
	u := r.e.fenced(db, r.c)
	if r.ex.ConditionsChecked {
		u.SetConditionsChecked(true)
	}
	return u
}

// saveFenced runs a fenced update of execution id and turns "no row matched" into
// errLeaseLost. It names the row for the change capture, which would otherwise query which
// rows an update by predicate changes.
func saveFenced(ctx context.Context, id uuid.UUID, u *ent.WorkflowExecutionUpdate) error {
	n, err := u.Save(changes.UpdateOf(ctx, id))
	if err != nil {
		return fmt.Errorf("update execution: %w", err)
	}
	if n == 0 {
		return errLeaseLost
	}
	return nil
}

// inTx runs fn in a transaction and commits it, or rolls it back when fn fails.
func (e *Engine) inTx(ctx context.Context, fn func(tx *ent.Client) error) error {
	return database.InTx(ctx, e.db.Client, fn)
}

// stepTx is inTx for a step's transaction, deferred (database.DeferTx): what fn inserts is
// held until a statement needs the transaction, so a step whose effect only inserts rows is
// sent with its log row and advance as one statement (advanceLogged). fn gets the context
// to write with.
func (e *Engine) stepTx(ctx context.Context, fn func(ctx context.Context, tx *ent.Client) error) error {
	ctx = database.DeferTx(ctx)
	return database.InTx(ctx, e.db.Client, func(tx *ent.Client) error { return fn(ctx, tx) })
}
