package retention

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestDeletesReadPartialIndexes: each delete finds its rows through the partial index of
// ended executions or done e-mails, so a pass costs what it deletes, not the history it
// keeps. PostgreSQL is told to avoid sequential scans, which it would rightly prefer on a
// nearly empty table.
func TestDeletesReadPartialIndexes(t *testing.T) {
	t.Parallel()
	before := time.Now().UTC()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		sql := statementsFor(db.Dialect)
		for _, tt := range []struct {
			name, query, index string
			args               []any
		}{
			{"default executions", sql.defaultExecutions, endedExecutionsIndex, []any{before, 10}},
			{"override executions", sql.overrideExecutions, endedExecutionsIndex, []any{before, 10, 7}},
			{"emails", sql.emails, doneEmailsIndex, []any{before, 10}},
		} {
			plan := explain(t, db, tt.query, tt.args)
			t.Logf("%s:\n%s", tt.name, plan)
			if !strings.Contains(plan, tt.index) {
				t.Errorf("%s: the plan does not use %s:\n%s", tt.name, tt.index, plan)
			}
		}
	})
}

func explain(t *testing.T, db *testsupport.DB, query string, args []any) string {
	t.Helper()
	ctx := context.Background()
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	prefix, col := "EXPLAIN QUERY PLAN ", 3
	if db.Dialect.IsPostgres() {
		if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
			t.Fatal(err)
		}
		prefix, col = "EXPLAIN ", 0
	}
	rows, err := tx.QueryContext(ctx, prefix+query, args...)
	if err != nil {
		t.Fatalf("explain: %v", err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, toString(vals[col]))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

func toString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	default:
		return ""
	}
}
