package find_test

import (
	"context"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/flowline/flowline/internal/action/find"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestCustomEqualsUsesTheGINIndex: on PostgreSQL, FIND_CLIENTS' equality on a custom field
// is a jsonb containment that the GIN index on custom_fields serves (sequential scans are
// turned off: on a nearly empty table PostgreSQL would rightly prefer one).
func TestCustomEqualsUsesTheGINIndex(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		if !db.Dialect.IsPostgres() {
			return // SQLite reads json_extract; it has no index for it
		}
		preds := find.CustomPushdown(map[string]any{"all": []any{
			map[string]any{"field": "custom.tier", "operator": "equals", "value": "gold"},
			map[string]any{"field": "client.status", "operator": "equals", "value": "LEAD"},
		}})
		if len(preds) != 1 {
			t.Fatalf("%d custom predicates, want 1", len(preds))
		}
		s := sql.Dialect(dialect.Postgres).Select("id").From(sql.Table("clients"))
		preds[0](s)
		query, args := s.Query()
		ctx := context.Background()
		tx, err := db.SQL.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = tx.Rollback() }()
		if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
			t.Fatal(err)
		}
		rows, err := tx.QueryContext(ctx, "EXPLAIN "+query, args...)
		if err != nil {
			t.Fatalf("explain %s: %v", query, err)
		}
		defer rows.Close()
		var plan []string
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, line)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if text := strings.Join(plan, "\n"); !strings.Contains(text, "contact_custom_fields") {
			t.Errorf("%s: the plan does not use contact_custom_fields:\n%s", query, text)
		}
	})
}
