package graph_test

import (
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestAliasedPageFieldsKeepTheirValues: a nested connection's totalCount and pageInfo are
// the same under an alias (the eager loader finds fields by name, not by alias).
func TestAliasedPageFieldsKeepTheirValues(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		seedTree(t, db, owner, 2, 12, 12)
		const query = `{ workflows(first: 1) { n: totalCount p: pageInfo { more: hasNextPage } edges { node {
			executions(first: 3) { n: totalCount p: pageInfo { more: hasNextPage } edges { node {
				logs(first: 4) { n: totalCount p: pageInfo { more: hasNextPage } edges { node { id } } } } } } } } } }`
		type page struct {
			N int
			P struct{ More bool }
		}
		var got struct {
			Workflows struct {
				page
				Edges []struct {
					Node struct {
						Executions struct {
							page
							Edges []struct {
								Node struct{ Logs page }
							}
						}
					}
				}
			}
		}
		api.MustData(query, nil, &got)
		want := func(what string, p page, n int, more bool) {
			t.Helper()
			if p.N != n || p.P.More != more {
				t.Errorf("%s: totalCount %d, hasNextPage %v; want %d, %v", what, p.N, p.P.More, n, more)
			}
		}
		want("workflows", got.Workflows.page, 2, true)
		for _, w := range got.Workflows.Edges {
			want("executions", w.Node.Executions.page, 12, true)
			for _, e := range w.Node.Executions.Edges {
				want("logs", e.Node.Logs, 12, true)
			}
		}
	})
}

// TestAliasedEdgesAreRead: a connection's edges under an alias are its edges.
func TestAliasedEdgesAreRead(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		seedTree(t, db, owner, 2, 3, 4)
		var got struct {
			Workflows struct {
				E []struct {
					Node struct {
						Executions struct {
							E []struct {
								Node struct {
									Logs struct {
										E []struct{ N struct{ ID string } }
										S []struct{ N struct{ StepIndex int } }
									}
								}
							}
						}
					}
				}
			}
		}
		// Two aliases of the logs' edges select different fields: the rows read carry both.
		api.MustData(`{ workflows(first: 2) { e: edges { node { executions(first: 3) { e: edges { node {
			logs(first: 4) { e: edges { n: node { id } } s: edges { n: node { stepIndex } } } } } } } } } }`, nil, &got)
		if len(got.Workflows.E) != 2 {
			t.Fatalf("%d workflows, want 2", len(got.Workflows.E))
		}
		for _, w := range got.Workflows.E {
			if len(w.Node.Executions.E) != 3 {
				t.Fatalf("%d executions, want 3", len(w.Node.Executions.E))
			}
			for _, e := range w.Node.Executions.E {
				if len(e.Node.Logs.E) != 4 || e.Node.Logs.E[0].N.ID == "" {
					t.Fatalf("logs %+v, want 4 with ids", e.Node.Logs.E)
				}
				if s := e.Node.Logs.S; len(s) != 4 || s[3].N.StepIndex != 3 {
					t.Fatalf("logs' steps %+v, want 0 to 3", s)
				}
			}
		}
	})
}

// TestNestedPageReadsAProbeOnlyForPageInfo: on PostgreSQL a parent's nested page reads one
// child more than it shows (to tell hasNextPage) only when pageInfo is selected.
func TestNestedPageReadsAProbeOnlyForPageInfo(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, dialect.Postgres)
	api := testsupport.NewAPI(t, db)
	owner := seedUser(t, db, "owner@example.com")
	seedTree(t, db, owner, 2, 3, 12)
	for _, c := range []struct {
		pageInfo, limit string
		more            bool
	}{{"", "LIMIT 4", false}, {"p: pageInfo { more: hasNextPage }", "LIMIT 5", true}} {
		stop := db.Statements.Record()
		var got struct {
			Workflows struct {
				Edges []struct {
					Node struct {
						Executions struct {
							Edges []struct {
								Node struct {
									Logs struct {
										P     struct{ More bool }
										Edges []struct{ Node struct{ ID string } }
									}
								}
							}
						}
					}
				}
			}
		}
		api.MustData(`{ workflows(first: 2) { edges { node { executions(first: 3) { edges { node {
			logs(first: 4) { `+c.pageInfo+` edges { node { id } } } } } } } } } }`, nil, &got)
		var page string
		for _, s := range stop() {
			if isNestedPage(s.Query, "workflow_execution_logs") {
				page = s.Query
			}
		}
		if !strings.Contains(page, c.limit) {
			t.Errorf("pageInfo %q: the logs' page statement %q, want %s", c.pageInfo, page, c.limit)
		}
		for _, w := range got.Workflows.Edges {
			for _, e := range w.Node.Executions.Edges {
				if l := e.Node.Logs; len(l.Edges) != 4 || l.P.More != c.more {
					t.Fatalf("pageInfo %q: %d logs, hasNextPage %v; want 4, %v", c.pageInfo, len(l.Edges), l.P.More, c.more)
				}
			}
		}
	}
}
