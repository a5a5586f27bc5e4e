package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/loadtest"

	"github.com/flowline/flowline/internal/testsupport"
)

// nestedQuery is the dashboard's 20x10x10 read, as `flowline bench` sends it.
const nestedQuery = loadtest.DashboardQuery

type nestedResult struct {
	Workflows struct {
		Edges []struct {
			Node struct {
				ID         string
				Executions struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							ID   string
							Logs struct {
								Edges []struct {
									Node struct{ StepIndex int }
								}
							}
						}
					}
				}
			}
		}
	}
}

// TestNestedQueryStatementBudget holds workflows → executions → logs to a constant number
// of SQL statements, with per-parent (not global) limits on the nested pages.
func TestNestedQueryStatementBudget(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		// 20 workflows × 12 executions × 12 logs: more than each page, so a global LIMIT
		// would visibly starve later parents.
		seedTree(t, db, owner, 20, 12, 12)

		counts := map[string]int64{}
		for _, size := range []struct {
			name    string
			w, e, l int
		}{{"2x2x2", 2, 2, 2}, {"20x10x10", 20, 10, 10}} {
			db.Statements.Reset()
			var got nestedResult
			api.MustData(nestedQuery, map[string]any{"w": size.w, "e": size.e, "l": size.l}, &got)
			counts[size.name] = db.Statements.Count()

			if len(got.Workflows.Edges) != size.w {
				t.Fatalf("%s: %d workflows, want %d", size.name, len(got.Workflows.Edges), size.w)
			}
			for _, wf := range got.Workflows.Edges {
				ex := wf.Node.Executions
				if ex.TotalCount != 12 || len(ex.Edges) != size.e {
					t.Fatalf("%s: workflow %s has totalCount %d and %d edges, want 12 and %d", size.name, wf.Node.ID, ex.TotalCount, len(ex.Edges), size.e)
				}
				for _, e := range ex.Edges {
					logs := e.Node.Logs.Edges
					if len(logs) != size.l {
						t.Fatalf("%s: execution %s has %d logs, want %d", size.name, e.Node.ID, len(logs), size.l)
					}
					for i, l := range logs {
						if l.Node.StepIndex != i {
							t.Fatalf("%s: logs not in stepIndex order: position %d has step %d", size.name, i, l.Node.StepIndex)
						}
					}
				}
			}
		}
		if counts["2x2x2"] != counts["20x10x10"] || counts["20x10x10"] > 5 {
			t.Fatalf("statements: 2x2x2=%d 20x10x10=%d; want equal and at most 5", counts["2x2x2"], counts["20x10x10"])
		}
		t.Logf("statements per nested query: %d", counts["20x10x10"])
	})
}

// BenchmarkNestedQuery measures the 20×10×10 nested query through the real handler on
// PostgreSQL (and SQLite), reporting SQL statements per request.
func BenchmarkNestedQuery(b *testing.B) {
	for _, d := range testsupport.Dialects {
		b.Run(d, func(b *testing.B) { benchNestedQuery(b, d, 0) })
		// As the server runs by default: who a token belongs to is remembered for a second.
		b.Run(d+"-viewer-cache", func(b *testing.B) { benchNestedQuery(b, d, time.Second) })
	}
}

func benchNestedQuery(b *testing.B, d string, viewerTTL time.Duration) {
	db := testsupport.Open(b, d)
	api := testsupport.NewAPIWith(b, db, testsupport.APIOptions{ViewerCacheTTL: viewerTTL})
	owner := seedUser(b, db, "owner@example.com")
	seedTree(b, db, owner, 20, 10, 10)
	vars := map[string]any{"w": 20, "e": 10, "l": 10}
	if res := api.Do(nestedQuery, vars); len(res.Errors) > 0 || !json.Valid(res.Data) {
		b.Fatalf("errors %+v, data %.200s", res.Errors, res.Data)
	}
	// The answers are read into one buffer: the allocations reported are the server's.
	var answer bytes.Buffer
	db.Statements.Reset()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if status := api.PostInto(&answer, nestedQuery, vars); status != http.StatusOK || bytes.Contains(answer.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("HTTP %d: %.300s", status, answer.Bytes())
		}
	}
	b.ReportMetric(float64(db.Statements.Count())/float64(b.N), "statements/op")
}
