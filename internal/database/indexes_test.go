package database_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestIndexesExist reads the indexes back from each database's catalog, by column.
func TestIndexesExist(t *testing.T) {
	t.Parallel()
	want := map[string][]string{
		"workflows":               {"trigger_type", "is_active", "created_at"},
		"workflow_executions":     {"workflow_id", "client_id", "status", "created_at"},
		"workflow_execution_logs": {"execution_id", "executed_at"},
		"clients":                 {"status", "email", "created_at"},
	}
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		for table, cols := range want {
			got := leadingIndexColumns(t, db, table)
			for _, c := range cols {
				if !got[c] {
					t.Errorf("%s: no index leads with %s (indexed: %v)", table, c, keys(got))
				}
			}
		}
	})
}

// TestForeignKeysCascade checks the ON DELETE rules in the catalog.
func TestForeignKeysCascade(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		rules := foreignKeyRules(t, db)
		for fk, rule := range map[string]string{
			"workflow_executions.workflow_id":      "CASCADE",
			"workflow_executions.client_id":        "CASCADE",
			"workflow_execution_logs.execution_id": "CASCADE",
			"workflows.created_by_id":              "RESTRICT",
		} {
			if rules[fk] != rule {
				t.Errorf("%s: ON DELETE %q, want %s (all: %v)", fk, rules[fk], rule, rules)
			}
		}
	})
}

func leadingIndexColumns(t *testing.T, db *testsupport.DB, table string) map[string]bool {
	t.Helper()
	ctx := context.Background()
	out := map[string]bool{}
	var q string
	switch db.Dialect {
	case dialect.Postgres:
		q = `SELECT a.attname FROM pg_index i
			JOIN pg_class c ON c.oid = i.indrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
			WHERE c.relname = $1`
	default:
		q = `SELECT ii.name FROM pragma_index_list(?) il, pragma_index_info(il.name) ii WHERE ii.seqno = 0`
	}
	rows, err := db.SQL.QueryContext(ctx, q, table)
	if err != nil {
		t.Fatalf("read indexes of %s: %v", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var col string
		if err := rows.Scan(&col); err != nil {
			t.Fatal(err)
		}
		out[col] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func foreignKeyRules(t *testing.T, db *testsupport.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	tables := []string{"workflow_executions", "workflow_execution_logs", "workflows"}
	for _, table := range tables {
		var q string
		switch db.Dialect {
		case dialect.Postgres:
			q = `SELECT kcu.column_name, rc.delete_rule FROM information_schema.referential_constraints rc
				JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
				WHERE kcu.table_name = $1 AND kcu.table_schema = current_schema()`
		default:
			q = `SELECT "from", on_delete FROM pragma_foreign_key_list(?)`
		}
		readForeignKeys(t, db, q, table, out)
	}
	return out
}

// readForeignKeys adds the delete rules of table's foreign keys, read by q, to out.
func readForeignKeys(t *testing.T, db *testsupport.DB, q, table string, out map[string]string) {
	t.Helper()
	rows, err := db.SQL.QueryContext(context.Background(), q, table)
	if err != nil {
		t.Fatalf("read foreign keys of %s: %v", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var col, rule string
		if err := rows.Scan(&col, &rule); err != nil {
			t.Fatal(err)
		}
		out[table+"."+col] = strings.ToUpper(rule)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
