package events_test

import (
	"fmt"
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestGoalLookupUsesTheGoalRunsIndex: a client change looks for the client's active runs
// that have a goal through the partial index of exactly those runs, on both databases, so a
// client's history and its runs without a goal (a backlog of thousands) cost the lookup
// nothing.
func TestGoalLookupUsesTheGoalRunsIndex(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		f := newFixture(t, db)
		after := *f.client
		after.Tags = []string{"vip", "new"}
		stop := db.Statements.Record()
		raise(t, db, events.Raiser{Dialect: db.Dialect}, events.ClientUpdated(f.client, &after, events.Cause{})[0], true)
		var lookup *testsupport.Statement
		for _, s := range stop() {
			if strings.Contains(s.Query, "definition -> 'goal'") {
				lookup = &s
			}
		}
		if lookup == nil {
			t.Fatal("the client change looked for no runs with a goal")
		}
		ctx := testsupport.Ctx()
		tx, err := db.SQL.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = tx.Rollback() }()
		explain := "EXPLAIN QUERY PLAN "
		if db.Dialect == dialect.Postgres {
			// The test's tables are nearly empty, where reading them whole is cheapest.
			if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
				t.Fatal(err)
			}
			explain = "EXPLAIN "
		}
		rows, err := tx.QueryContext(ctx, explain+lookup.Query, lookup.Args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		var plan strings.Builder
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&plan, vals...)
		}
		if !strings.Contains(plan.String(), "workflow_executions_goal_runs") {
			t.Errorf("the lookup does not read workflow_executions_goal_runs:\n%s\n%s", lookup.Query, plan.String())
		}
	})
}
