package graph_test

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// pageQuery reads one workflow's page of executions, each with its page of logs: the nested
// connections whose cost must follow the page, not the history.
const pageQuery = `query($name: String!, $e: Int!, $l: Int!) {
  workflows(first: 1, where: {name: $name}) { edges { node { id
    executions(first: $e) { edges { node { id logs(first: $l) { edges { node { id stepIndex } } } } } } } } } }`

// pageQueryWithCount is pageQuery with the executions' totalCount (the dashboard asks for
// it): a count reads every child's index entry, however small the page.
const pageQueryWithCount = `query($name: String!, $e: Int!, $l: Int!) {
  workflows(first: 1, where: {name: $name}) { edges { node { id
    executions(first: $e) { totalCount edges { node { id logs(first: $l) { edges { node { id stepIndex } } } } } } } } } }`

type pageResult struct {
	Workflows struct {
		Edges []struct {
			Node struct {
				Executions struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							ID   string
							Logs struct {
								Edges []struct {
									Node struct {
										ID        string
										StepIndex int
									}
								}
							}
						}
					}
				}
			}
		}
	}
}

// seedHistory creates a workflow named name with n executions, set-based (INSERT … SELECT
// generate_series: 200,000 rows take a second or two), and logs steps logs (written in
// reverse step order) for each of its first pages executions in id order, and one more
// execution with history logs. It returns the id of that execution.
func seedHistory(tb testing.TB, db *testsupport.DB, owner *ent.User, name string, n, steps, history int) string {
	tb.Helper()
	ctx := testsupport.Ctx()
	wf := db.Client.Workflow.Create().SetName(name).SetTriggerType(spec.TriggerManual).SetCreatedByID(owner.ID).
		SetActions([]spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "hi"}}}).SaveX(ctx)
	var longest string
	for _, s := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO workflow_executions (id, created_at, workflow_id, status, trigger_data, current_step, started_at,
			completed_at, workflow_version, run_at, attempt, step_attempt, run, step_runs, conditions_checked, depth)
		SELECT gen_random_uuid(), t, $1, 'COMPLETED', '{}'::jsonb, 0, t, t + interval '1 second', 1, t, 1, 0, 1, 0, true, 0
		FROM generate_series(1, $2::int), now() AS t`, []any{wf.ID, n}},
		// Every execution of the first page gets its steps; the last of them its history.
		{`INSERT INTO workflow_execution_logs (id, execution_id, step_index, path, run, action_type, status, attempt, duration_ms, executed_at)
		SELECT gen_random_uuid(), e.id, s, '/actions/' || s, 1, 'LOG_ACTIVITY', 'SUCCESS', 1, 1, now()
		FROM (SELECT id FROM workflow_executions WHERE workflow_id = $1 ORDER BY id LIMIT 10) e
		CROSS JOIN generate_series($2::int - 1, 0, -1) s`, []any{wf.ID, steps}},
		{`INSERT INTO workflow_execution_logs (id, execution_id, step_index, path, run, action_type, status, attempt, duration_ms, executed_at)
		SELECT gen_random_uuid(), e.id, s, '/actions/' || s, 1, 'LOG_ACTIVITY', 'SUCCESS', 1, 1, now()
		FROM (SELECT id FROM workflow_executions WHERE workflow_id = $1 ORDER BY id LIMIT 1) e
		CROSS JOIN generate_series($2::int, $3::int - 1) s`, []any{wf.ID, steps, history}},
		{`ANALYZE workflow_executions`, nil},
		{`ANALYZE workflow_execution_logs`, nil},
	} {
		if _, err := db.SQL.ExecContext(ctx, s.sql, s.args...); err != nil {
			tb.Fatalf("seed history: %v\n%s", err, s.sql)
		}
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT id FROM workflow_executions WHERE workflow_id = $1 ORDER BY id LIMIT 1`, wf.ID).Scan(&longest); err != nil {
		tb.Fatalf("seed history: %v", err)
	}
	return longest
}

// TestNestedPagesReadAboutNRowsPerParent: on PostgreSQL, a workflow with 20,000 executions
// (one of which has 20,000 logs) answers its nested pages (10 executions, 10 logs each) by
// reading about 10 rows per parent: EXPLAIN ANALYZE of the statements the API sends counts
// the rows each scan of the child tables returned. The pages are the right rows in the right
// order.
func TestNestedPagesReadAboutNRowsPerParent(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, dialect.Postgres)
	api := testsupport.NewAPI(t, db)
	owner := seedUser(t, db, "owner@example.com")
	longest := seedHistory(t, db, owner, "busy", 20_000, 12, 20_000)

	stop := db.Statements.Record()
	var got pageResult
	api.MustData(pageQuery, map[string]any{"name": "busy", "e": 10, "l": 10}, &got)
	statements := stop()

	if n := len(got.Workflows.Edges); n != 1 {
		t.Fatalf("%d workflows, want 1", n)
	}
	execs := got.Workflows.Edges[0].Node.Executions.Edges
	var want []string
	rows, err := db.SQL.QueryContext(context.Background(),
		`SELECT e.id FROM workflow_executions e JOIN workflows w ON w.id = e.workflow_id WHERE w.name = 'busy' ORDER BY e.id LIMIT 10`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		want = append(want, id)
	}
	if len(execs) != len(want) {
		t.Fatalf("%d executions, want %d", len(execs), len(want))
	}
	for i, e := range execs {
		if !strings.EqualFold(e.Node.ID, want[i]) {
			t.Fatalf("execution %d is %s, want %s (id order)", i, e.Node.ID, want[i])
		}
		logs := e.Node.Logs.Edges
		if len(logs) != 10 {
			t.Fatalf("execution %d has %d logs, want 10", i, len(logs))
		}
		for j, l := range logs {
			if l.Node.StepIndex != j {
				t.Fatalf("execution %d: log %d has step %d, want %d", i, j, l.Node.StepIndex, j)
			}
		}
	}
	if !strings.EqualFold(execs[0].Node.ID, longest) {
		t.Fatalf("the first execution is not the one with the long history")
	}

	// 1 parent × 10 executions, then the 10 executions × 10 logs: the 11th execution, read
	// to tell hasNextPage, is not shown, so its logs are not read (the statement has one
	// parameter per parent). Each page reads one row more than it shows (hasNextPage), and
	// the scan of the logs reads two more to close the group of its last stepIndex (its order
	// is stepIndex, then id).
	for _, c := range []struct {
		table   string
		parents int
	}{{"workflow_executions", 1}, {"workflow_execution_logs", 10}} {
		found := false
		for _, s := range statements {
			if !isNestedPage(s.Query, c.table) {
				continue
			}
			found = true
			if n := arrayLength(t, s.Args); n != c.parents {
				t.Errorf("%s: the page is read for %d parents, want %d (the shown ones)", c.table, n, c.parents)
			}
			plan := explain(t, db, s)
			read := rowsRead(t, plan, c.table)
			t.Logf("%s: %d rows read for %d parents", c.table, read, c.parents)
			if read > c.parents*(10+1+2) {
				t.Errorf("%s: %d rows read for %d parents of 10, want about 10 per parent:\n%s\n%s", c.table, read, c.parents, s.Query, plan)
			}
		}
		if !found {
			t.Errorf("no nested page statement read %s; statements:\n%v", c.table, statements)
		}
	}
}

// TestNestedTotalCountForShownParents: a nested connection's totalCount is counted for the
// parents the page shows, not for the one more the page reads to tell hasNextPage.
func TestNestedTotalCountForShownParents(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, dialect.Postgres)
	api := testsupport.NewAPI(t, db)
	owner := seedUser(t, db, "owner@example.com")
	for i, n := range []int{3, 2, 1} {
		seedHistory(t, db, owner, fmt.Sprintf("w%d", i), n, 1, 1)
	}

	stop := db.Statements.Record()
	var got struct {
		Workflows struct {
			Edges []struct {
				Node struct{ Executions struct{ TotalCount int } }
			}
		}
	}
	api.MustData(`{ workflows(first: 2) { edges { node { executions(first: 1) { totalCount } } } } }`, nil, &got)
	statements := stop()

	var counts []int
	for _, e := range got.Workflows.Edges {
		counts = append(counts, e.Node.Executions.TotalCount)
	}
	if !slices.Equal(counts, []int{3, 2}) {
		t.Errorf("totalCounts %v, want [3 2]", counts)
	}
	found := false
	for _, s := range statements {
		if strings.Contains(s.Query, "COUNT(*)") {
			found = true
			if len(s.Args) != 2 {
				t.Errorf("the count is read for %d parents, want 2 (the shown ones): %s", len(s.Args), s.Query)
			}
		}
	}
	if !found {
		t.Errorf("no count statement; statements:\n%v", statements)
	}
}

// arrayLength is the number of elements of a LATERAL page's one parameter, the parents' ids
// as an array.
func arrayLength(tb testing.TB, args []any) int {
	tb.Helper()
	if len(args) != 1 {
		tb.Fatalf("%d parameters, want the parents' ids as one array", len(args))
	}
	v, ok := args[0].(driver.Valuer)
	if !ok {
		tb.Fatalf("parameter %T, want an array of ids", args[0])
	}
	lit, err := v.Value()
	if err != nil {
		tb.Fatal(err)
	}
	s, _ := lit.(string)
	if s == "{}" {
		return 0
	}
	return strings.Count(s, ",") + 1
}

// explain returns the JSON plan of EXPLAIN ANALYZE of the statement with its arguments.
func explain(tb testing.TB, db *testsupport.DB, s testsupport.Statement) string {
	tb.Helper()
	var plan string
	if err := db.SQL.QueryRowContext(context.Background(), "EXPLAIN (ANALYZE, FORMAT JSON) "+s.Query, s.Args...).Scan(&plan); err != nil {
		tb.Fatalf("explain: %v\n%s", err, s.Query)
	}
	return plan
}

type planNode struct {
	NodeType    string     `json:"Node Type"`
	Relation    string     `json:"Relation Name"`
	ActualRows  float64    `json:"Actual Rows"`
	ActualLoops float64    `json:"Actual Loops"`
	Filtered    float64    `json:"Rows Removed by Filter"`
	Plans       []planNode `json:"Plans"`
}

// rowsRead adds up the rows that every scan of table returned or filtered out, over all
// its loops (one loop per parent in a LATERAL join).
func rowsRead(tb testing.TB, plan, table string) int {
	tb.Helper()
	var root []struct{ Plan planNode }
	if err := json.Unmarshal([]byte(plan), &root); err != nil || len(root) == 0 {
		tb.Fatalf("plan: %v\n%s", err, plan)
	}
	total := 0.0
	var walk func(planNode)
	walk = func(n planNode) {
		if n.Relation == table {
			total += (n.ActualRows + n.Filtered) * n.ActualLoops
		}
		for _, p := range n.Plans {
			walk(p)
		}
	}
	walk(root[0].Plan)
	return int(total)
}

// BenchmarkNestedPageHistory compares the nested page (10 executions × 10 logs) of a
// workflow with 200,000 executions, the first of them with 200,000 logs, with that of a
// workflow with 100 executions (of 100 logs), on PostgreSQL; with and without the
// executions' totalCount. The page should cost the same; the count reads every execution's
// index entry.
func BenchmarkNestedPageHistory(b *testing.B) {
	db := testsupport.Open(b, dialect.Postgres)
	api := testsupport.NewAPIWith(b, db, testsupport.APIOptions{ViewerCacheTTL: 1e9})
	owner := seedUser(b, db, "owner@example.com")
	seedHistory(b, db, owner, "small", 100, 12, 100)
	seedHistory(b, db, owner, "big", 200_000, 12, 200_000)
	if _, err := db.SQL.Exec(`VACUUM ANALYZE workflow_executions`); err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct{ name, query string }{{"page", pageQuery}, {"page+totalCount", pageQueryWithCount}} {
		for _, wf := range []string{"small", "big"} {
			b.Run(fmt.Sprintf("%s/%s", q.name, wf), func(b *testing.B) {
				vars := map[string]any{"name": wf, "e": 10, "l": 10}
				b.ReportAllocs()
				for b.Loop() {
					var got pageResult
					api.MustData(q.query, vars, &got)
					if len(got.Workflows.Edges) != 1 || len(got.Workflows.Edges[0].Node.Executions.Edges) != 10 {
						b.Fatalf("unexpected answer: %+v", got)
					}
				}
			})
		}
	}
}

// TestNestedPagesHonourLastCursorsAndFilters: the per-parent pages (a LATERAL join on
// PostgreSQL, a window on SQLite) keep `last` (the last N, in order, with hasPreviousPage),
// `after` cursors and `where` filters, for every parent.
func TestNestedPagesHonourLastCursorsAndFilters(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		seedTree(t, db, owner, 3, 4, 12) // logs written in reverse step order

		type page struct {
			Edges []struct {
				Cursor string
				Node   struct{ StepIndex int }
			}
			PageInfo struct{ HasPreviousPage, HasNextPage bool }
		}
		steps := func(p page) []int {
			var out []int
			for _, e := range p.Edges {
				out = append(out, e.Node.StepIndex)
			}
			return out
		}
		const q = `query($after: Cursor) { workflows(first: 3) { edges { node { executions(first: 2) { edges { node {
		  tail: logs(last: 3) { edges { cursor node { stepIndex } } pageInfo { hasPreviousPage hasNextPage } }
		  head: logs(first: 2) { edges { cursor node { stepIndex } } pageInfo { hasPreviousPage hasNextPage } }
		  next: logs(first: 3, after: $after) { edges { cursor node { stepIndex } } pageInfo { hasPreviousPage hasNextPage } }
		  late: logs(first: 5, where: {stepIndexGT: 8}) { edges { cursor node { stepIndex } } pageInfo { hasPreviousPage hasNextPage } }
		  bareTail: logs(last: 3) { edges { node { stepIndex } } }
		  bareHead: logs(first: 2) { edges { node { stepIndex } } }
		} } } } } } }`
		type result struct {
			Workflows struct {
				Edges []struct {
					Node struct {
						Executions struct {
							Edges []struct {
								Node struct{ Tail, Head, Next, Late, BareTail, BareHead page }
							}
						}
					}
				}
			}
		}
		var first result
		api.MustData(q, map[string]any{"after": nil}, &first)
		wfs := first.Workflows.Edges
		if len(wfs) != 3 {
			t.Fatalf("%d workflows, want 3", len(wfs))
		}
		for _, wf := range wfs {
			if n := len(wf.Node.Executions.Edges); n != 2 {
				t.Fatalf("%d executions, want 2", n)
			}
			for _, ex := range wf.Node.Executions.Edges {
				n := ex.Node
				if got := steps(n.Tail); !slices.Equal(got, []int{9, 10, 11}) || !n.Tail.PageInfo.HasPreviousPage || n.Tail.PageInfo.HasNextPage {
					t.Fatalf("last: 3 = %v %+v, want [9 10 11], a previous page and no next", got, n.Tail.PageInfo)
				}
				if got := steps(n.Head); !slices.Equal(got, []int{0, 1}) || !n.Head.PageInfo.HasNextPage {
					t.Fatalf("first: 2 = %v %+v, want [0 1] and a next page", got, n.Head.PageInfo)
				}
				if got := steps(n.Late); !slices.Equal(got, []int{9, 10, 11}) || n.Late.PageInfo.HasNextPage {
					t.Fatalf("stepIndexGT 8 = %v %+v, want [9 10 11] and no next page", got, n.Late.PageInfo)
				}
				// Without pageInfo no probe row is read (PostgreSQL): the same pages.
				if got := steps(n.BareTail); !slices.Equal(got, []int{9, 10, 11}) {
					t.Fatalf("last: 3 without pageInfo = %v, want [9 10 11]", got)
				}
				if got := steps(n.BareHead); !slices.Equal(got, []int{0, 1}) {
					t.Fatalf("first: 2 without pageInfo = %v, want [0 1]", got)
				}
			}
		}

		// The first execution's page after its second log: steps 2, 3, 4.
		cursor := wfs[0].Node.Executions.Edges[0].Node.Head.Edges[1].Cursor
		var next result
		api.MustData(q, map[string]any{"after": cursor}, &next)
		got := next.Workflows.Edges[0].Node.Executions.Edges[0].Node.Next
		if s := steps(got); !slices.Equal(s, []int{2, 3, 4}) || !got.PageInfo.HasNextPage {
			t.Fatalf("first: 3 after the second log = %v %+v, want [2 3 4] and a next page", s, got.PageInfo)
		}
	})
}

// isNestedPage reports whether a statement reads the nested pages of table's rows for their
// parents: as rows (a LATERAL join) or as a leaf page's JSON (nestedpage.Plan).
func isNestedPage(query, table string) bool {
	return strings.Contains(query, `"nested_page_parent"`) && strings.Contains(query, `FROM "`+table+`" WHERE`)
}
