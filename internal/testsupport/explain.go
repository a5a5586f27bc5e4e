package testsupport

import (
	"context"
	"strings"
	"testing"
)

// Explain returns the database's plan for query with args, one line per plan node: EXPLAIN's
// text on PostgreSQL (told to avoid sequential scans, which it would rightly prefer on a test's
// nearly empty tables), EXPLAIN QUERY PLAN's details on SQLite. Tests read it for the index a
// statement uses.
func Explain(t testing.TB, db *DB, query string, args ...any) string {
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
		lines = append(lines, planText(vals[col]))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

// planText is a plan column as text.
func planText(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	default:
		return ""
	}
}
