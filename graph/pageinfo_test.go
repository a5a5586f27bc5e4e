package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestPageInfoWithoutEdges: a root connection asked only for totalCount and pageInfo still
// answers hasNextPage, hasPreviousPage and the cursors exactly.
func TestPageInfoWithoutEdges(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		for i := range 3 {
			api.MustData(`mutation($in: CreateClientInput!) { createClient(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"name": fmt.Sprintf("C%d", i), "email": fmt.Sprintf("c%d@example.com", i)}}, nil)
		}
		type pageInfo struct {
			HasNextPage, HasPreviousPage bool
			StartCursor, EndCursor       *string
		}
		var out struct {
			Clients struct {
				TotalCount int
				PageInfo   pageInfo
			}
		}
		query := `query($f: Int, $l: Int, $a: Cursor) { clients(first: $f, last: $l, after: $a) {
			totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`
		for _, c := range []struct {
			name           string
			vars           map[string]any
			next, previous bool
		}{
			{"first 2 of 3", map[string]any{"f": 2}, true, false},
			{"first 50 of 3", map[string]any{"f": 50}, false, false},
			{"last 50 of 3", map[string]any{"l": 50}, false, false},
			{"last 1 of 3", map[string]any{"l": 1}, false, true},
		} {
			api.MustData(query, c.vars, &out)
			p := out.Clients.PageInfo
			if out.Clients.TotalCount != 3 || p.HasNextPage != c.next || p.HasPreviousPage != c.previous || p.EndCursor == nil || p.StartCursor == nil {
				t.Errorf("%s: totalCount %d, %+v", c.name, out.Clients.TotalCount, p)
			}
		}
		// Following endCursor pages on as the edges would.
		api.MustData(query, map[string]any{"f": 2}, &out)
		api.MustData(query, map[string]any{"f": 2, "a": *out.Clients.PageInfo.EndCursor}, &out)
		if out.Clients.PageInfo.HasNextPage {
			t.Errorf("second page of 2 has a next page: %+v", out.Clients.PageInfo)
		}

		// A cursor of one ordering used with another is the caller's mistake.
		var ordered struct {
			Clients struct{ PageInfo pageInfo }
		}
		api.MustData(`{ clients(first: 1, orderBy: [{field: NAME, direction: DESC}]) { pageInfo { endCursor } } }`, nil, &ordered)
		e := api.MustFail(`query($a: Cursor) { clients(first: 1, after: $a) { edges { cursor } } }`,
			map[string]any{"a": *ordered.Clients.PageInfo.EndCursor}, "BAD_USER_INPUT")
		if e.Extensions["field"] != "after" {
			t.Errorf("cursor error: %+v", e)
		}
	})
}

// firstLogs is the answer to workflows(first: 1) → executions(first: 1) → logs, with L the
// logs connection's fields.
type firstLogs[L any] struct {
	Workflows struct {
		Edges []struct {
			Node struct {
				Executions struct {
					Edges []struct {
						Node struct{ Logs L }
					}
				}
			}
		}
	}
}

func (a firstLogs[L]) logs() L { return a.Workflows.Edges[0].Node.Executions.Edges[0].Node.Logs }

// TestEdgeCursorsUnderAliases: the edges' cursors are left out only when no edges field asks
// for them; asked for under an alias (of the cursor or of the edges), every edge has its own,
// the same as when asked for plainly, and pageInfo's match the first and last.
func TestEdgeCursorsUnderAliases(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "cursors@example.com")
		seedTree(t, db, owner, 1, 1, 5)
		const query = `{ workflows(first: 1) { edges { node { executions(first: 1) { edges { node {
			logs(first: 5) { pageInfo { startCursor endCursor } edges { cursor c: cursor } e: edges { x: cursor node { id } } }
		} } } } } } }`
		var out firstLogs[struct {
			PageInfo struct{ StartCursor, EndCursor string }
			Edges    []struct{ Cursor, C string }
			E        []struct{ X string }
		}]
		api.MustData(query, nil, &out)
		logs := out.logs()
		if len(logs.Edges) != 5 || len(logs.E) != 5 {
			t.Fatalf("%d and %d edges, want 5", len(logs.Edges), len(logs.E))
		}
		seen := map[string]bool{}
		for i, e := range logs.Edges {
			if e.Cursor == "" || e.C != e.Cursor || logs.E[i].X != e.Cursor || seen[e.Cursor] {
				t.Fatalf("edge %d: cursor %q, aliased %q and %q: want the same, non-empty and its own", i, e.Cursor, e.C, logs.E[i].X)
			}
			seen[e.Cursor] = true
		}
		if logs.PageInfo.StartCursor != logs.Edges[0].Cursor || logs.PageInfo.EndCursor != logs.Edges[4].Cursor {
			t.Fatalf("pageInfo %+v does not match the first and last edges", logs.PageInfo)
		}

		// Only aliased cursors: still every edge's own. With only an aliased edges field the
		// logs are paged on their own (Paginate); with a plain one beside it they are loaded
		// with their execution and the connection is built by the edge's resolver.
		const aliased = `{ workflows(first: 1) { edges { node { executions(first: 1) { edges { node {
			logs(first: 5) { e: edges { x: cursor } }
		} } } } } } }`
		for _, q := range []string{aliased, strings.Replace(aliased, "e: edges", "e: edges { x: cursor } edges", 1)} {
			var only firstLogs[struct{ E []struct{ X string } }]
			api.MustData(q, nil, &only)
			for i, e := range only.logs().E {
				if e.X != logs.Edges[i].Cursor {
					t.Fatalf("%s\nedge %d: aliased cursor %q, want %q", q, i, e.X, logs.Edges[i].Cursor)
				}
			}
		}
	})
}
