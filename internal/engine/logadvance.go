package engine

import (
	"context"
	"encoding/json"
	"fmt"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/database"
)

// advanceLogged writes a step's log row and the fenced advance of the execution (update),
// both built on the step's transaction. On PostgreSQL they are one statement: in a step
// transaction that has sent nothing yet, the row is held with the step's other inserts and
// the advance carries them (database.Final); otherwise the row is
// inserted by a WITH that the fenced UPDATE carries, so a step costs one round trip less.
// The fence stays exact: an advance that matches no row returns errLeaseLost, and the step's
// transaction, the row with it, rolls back, as when they were two statements. The row's
// change event is published with the execution's, after the commit (changes.Also).
func (r *run) advanceLogged(ctx context.Context, update *ent.WorkflowExecutionUpdate, row *ent.WorkflowExecutionLogCreate) error {
	if !r.e.db.Dialect.IsPostgres() {
		if err := row.Exec(ctx); err != nil {
			return err
		}
		return saveFenced(ctx, r.c.ID, update)
	}
	if database.Unsent(ctx) {
		// The step's transaction (deferred, see stepTx) has sent nothing: its effect only
		// inserted rows. The log row joins them, and the advance carries them all in one
		// statement, which is the whole transaction.
		if err := row.Exec(ctx); err != nil {
			return err
		}
		return saveFenced(database.Final(ctx), r.c.ID, update)
	}
	id := workflowexecutionlog.DefaultID()
	insert, err := insertOf(row.SetID(id).Mutation())
	if err != nil {
		return err
	}
	update.Modify(func(u *sql.UpdateBuilder) {
		u.Prefix(sql.ExprFunc(func(b *sql.Builder) {
			b.WriteString("WITH logged AS (").Join(insert).WriteString(")")
		}))
	})
	ctx = changes.Also(ctx, changes.Event{Kind: changes.LogAdded, ID: id, Execution: r.c.ID})
	return saveFenced(ctx, r.c.ID, update)
}

// insertOf is the INSERT of a log row built with ent (logRow): its fields as columns, JSON
// ones encoded as ent encodes them.
func insertOf(m *ent.WorkflowExecutionLogMutation) (*sql.InsertBuilder, error) {
	id, _ := m.ID()
	fields := m.Fields()
	columns := append(make([]string, 0, len(fields)+1), workflowexecutionlog.FieldID)
	values := append(make([]any, 0, len(fields)+1), id)
	for _, f := range fields {
		v, _ := m.Field(f)
		if _, isJSON := v.(map[string]any); isJSON {
			b, err := json.Marshal(v)
			if err != nil {
				return nil, fmt.Errorf("encode %s of the log row: %w", f, err)
			}
			v = b
		}
		columns = append(columns, f)
		values = append(values, v)
	}
	return sql.Dialect(dialect.Postgres).Insert(workflowexecutionlog.Table).Columns(columns...).Values(values...), nil
}
