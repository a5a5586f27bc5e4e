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
		if plan := explain(t, db, preds[0]); !strings.Contains(plan, "contact_custom_fields") {
			t.Errorf("the plan does not use contact_custom_fields:\n%s", plan)
		}
	})
}

// TestCustomRangeUsesTheFieldIndex: on PostgreSQL, FIND_CLIENTS' gt, gte, lt and lte on a
// NUMBER, DATE or DATETIME custom field compare the expression of the index that
// createClientField built for the field, and the plan uses that index.
func TestCustomRangeUsesTheFieldIndex(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		if !db.Dialect.IsPostgres() {
			return // SQLite reads json_extract; it has no index for it
		}
		api := testsupport.NewAPI(t, db)
		for key, typ := range map[string]string{"seats": "NUMBER", "renewalDate": "DATE", "lastCall": "DATETIME"} {
			api.MustData(`mutation($in: CreateClientFieldInput!) { createClientField(input: $in) { key } }`,
				map[string]any{"in": map[string]any{"key": key, "label": key, "type": typ}}, nil)
		}
		for _, c := range []struct {
			leaf  map[string]any
			index string
		}{
			{map[string]any{"field": "custom.seats", "operator": "gte", "value": 10.0}, "clients_cf_seats"},
			{map[string]any{"field": "client.custom.seats", "operator": "lt", "value": 3.5}, "clients_cf_seats"},
			{map[string]any{"field": "custom.renewalDate", "operator": "gt", "value": "2027-01-31"}, "clients_cf_renewalDate"},
			{map[string]any{"field": "custom.lastCall", "operator": "lte", "value": "2026-05-01T12:00:00+02:00"}, "clients_cf_lastCall"},
		} {
			preds := find.CustomPushdown(map[string]any{"all": []any{c.leaf,
				map[string]any{"field": "custom.note", "operator": "starts_with", "value": "x"}}})
			if len(preds) != 1 {
				t.Fatalf("%v: %d custom predicates, want 1", c.leaf, len(preds))
			}
			if plan := explain(t, db, preds[0]); !strings.Contains(plan, c.index) {
				t.Errorf("%v: the plan does not use %s:\n%s", c.leaf, c.index, plan)
			}
		}
	})
}

// explain returns PostgreSQL's plan for a scan of clients narrowed by p, with sequential
// scans turned off: on a nearly empty table PostgreSQL would rightly prefer one.
func explain(t *testing.T, db *testsupport.DB, p func(*sql.Selector)) string {
	t.Helper()
	s := sql.Dialect(dialect.Postgres).Select("id").From(sql.Table("clients"))
	p(s)
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
	return query + "\n" + strings.Join(plan, "\n")
}
