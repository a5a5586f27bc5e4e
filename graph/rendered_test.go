package graph_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/testsupport"
)

// leafPageQuery reads every execution of two workflows with the logs selection sel; in sel,
// {cursor} is where an edge's cursor goes in the rows-path twin of the query.
const leafPageQuery = `query { workflows(first: 5) { edges { node { executions(first: 5) { edges { node { id
  %s } } } } } } }`

// leafFragment is the fragment F a selection may spread.
const leafFragment = ` fragment F on WorkflowExecutionLog { stepIndex status }`

// TestLeafPagesWrittenByPostgreSQL: a nested page of plain columns is written by PostgreSQL
// as the answer's JSON (internal/nestedpage), and says exactly what the rows say: each
// selection is answered twice, once as a leaf page and once with the edges' cursors, which
// only rows can give (the cursors are then dropped and the two answers compared). Aliases,
// __typename at every level, fragments, @include/@skip, filters, orders, two pages of one
// execution and executions without logs are answered alike; on PostgreSQL the leaf page is
// one statement, as the rows were, built by PostgreSQL (array_to_string), and a selection
// that needs rows (pageInfo, totalCount, last, a non-column field) reads rows.
func TestLeafPagesWrittenByPostgreSQL(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		admin := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		seedTree(t, db, owner, 2, 3, 4)
		seedTree(t, db, owner, 1, 2, 0) // executions without logs
		// An EDITOR reads the logs of its own workflows only: the privacy policy's filter
		// applies to a leaf page as to rows.
		editorUser := admin.NewUser(auth.RoleEditor)
		seedTree(t, db, editorUser, 1, 2, 3)
		editor := admin.As(editorUser)

		for _, tc := range []struct {
			name, sel string
			rendered  bool // on PostgreSQL
		}{
			{"plain", `logs(first: 3) { edges { {cursor} node { id status stepIndex } } }`, true},
			{"aliases and typenames", `l: logs(first: 2) { t: __typename e: edges { __typename {cursor} n: node { __typename i: id s: status executionId executionID run attempt durationMs k: stepIndex } } }`, true},
			{"fragments", `logs(first: 10) { edges { {cursor} node { ...F ... on Node { id } ... on WorkflowExecutionLog { run } } } }`, true},
			{"include and skip", `logs(first: 2) { edges { {cursor} node { id status @include(if: false) stepIndex @skip(if: true) attempt @include(if: true) } } }`, true},
			{"filter and order", `logs(first: 3, where: {stepIndexGT: 0}, orderBy: {field: STEP_INDEX, direction: DESC}) { edges { {cursor} node { stepIndex } } }`, true},
			{"two pages", `a: logs(first: 1) { edges { {cursor} node { stepIndex } } } b: logs(first: 3) { edges { {cursor} node { id } } }`, true},
			{"page info", `logs(first: 2) { pageInfo { hasNextPage } edges { {cursor} node { id } } }`, false},
			{"total count", `logs(first: 2) { totalCount edges { {cursor} node { id } } }`, false},
			{"last", `logs(last: 2) { edges { {cursor} node { stepIndex } } }`, false},
			{"a field that is not a column", `logs(first: 2) { edges { {cursor} node { id executedAt } } }`, false},
		} {
			for _, caller := range []struct {
				role string
				api  *testsupport.APIClient
			}{{"admin", admin}, {"editor", editor}} {
				t.Run(tc.name+"/"+caller.role, func(t *testing.T) {
					leafPage(t, db, caller.api, tc.sel, tc.rendered)
				})
			}
		}
	})
}

// leafPage answers the logs selection sel as a leaf page and with its edges' cursors, and
// compares the two.
func leafPage(t *testing.T, db *testsupport.DB, api *testsupport.APIClient, sel string, wantRendered bool) {
	leaf, leafSQL := answer(t, api, db, strings.ReplaceAll(sel, "{cursor}", ""))
	rows, rowsSQL := answer(t, api, db, strings.ReplaceAll(sel, "{cursor}", "cursor"))
	dropCursors(rows)
	if !reflect.DeepEqual(leaf, rows) {
		a, _ := json.Marshal(leaf)
		b, _ := json.Marshal(rows)
		t.Fatalf("answers differ:\nleaf %s\nrows %s", a, b)
	}
	if len(leafSQL) != len(rowsSQL) {
		t.Errorf("%d statements, against %d for rows", len(leafSQL), len(rowsSQL))
	}
	rendered := strings.Contains(strings.Join(leafSQL, "\n"), "array_to_string(ARRAY")
	if want := wantRendered && db.Dialect == dialect.Postgres; rendered != want {
		t.Errorf("written by PostgreSQL: %v, want %v\n%s", rendered, want, strings.Join(leafSQL, "\n"))
	}
	if strings.Contains(strings.Join(rowsSQL, "\n"), "array_to_string(ARRAY") {
		t.Errorf("a page with cursors was written by PostgreSQL")
	}
}

// answer sends the leaf page query with the logs selection sel and returns its data
// (decoded) and the statements it sent.
func answer(t *testing.T, api *testsupport.APIClient, db *testsupport.DB, sel string) (any, []string) {
	t.Helper()
	stop := db.Statements.Record()
	query := strings.Replace(leafPageQuery, "%s", sel, 1)
	if strings.Contains(sel, "...F") {
		query += leafFragment
	}
	res := api.Do(query, nil)
	var sent []string
	for _, s := range stop() {
		sent = append(sent, s.Query)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v", res.Errors)
	}
	var data any
	if err := json.Unmarshal(res.Data, &data); err != nil {
		t.Fatalf("answer is not JSON (%v): %s", err, res.Data)
	}
	return data, sent
}

// dropCursors removes every "cursor" key.
func dropCursors(v any) {
	switch v := v.(type) {
	case map[string]any:
		delete(v, "cursor")
		for _, x := range v {
			dropCursors(x)
		}
	case []any:
		for _, x := range v {
			dropCursors(x)
		}
	}
}
