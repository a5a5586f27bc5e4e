package engine

import (
	"context"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/database"
)

// advanceLogged writes a step's log row and the fenced advance of the execution (update),
// both built on the step's transaction (stepTx). On PostgreSQL they are one statement: the
// row is held and the advance carries it (database.Final), with the step's own inserts when
// its effect had nothing else to send, as the whole transaction. The fence stays exact: an
// advance that matches no row returns errLeaseLost, and the row is not kept (the statement
// aborts itself, or the step's transaction rolls back).
func (r *run) advanceLogged(ctx context.Context, update *ent.WorkflowExecutionUpdate, row *ent.WorkflowExecutionLogCreate) error {
	if err := row.Exec(ctx); err != nil {
		return err
	}
	return saveFenced(database.Final(ctx), r.c.ID, update)
}
