package graph_test

import (
	"fmt"
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
