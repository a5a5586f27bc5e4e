package stats_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// planFixture is a PostgreSQL database seeded with many executions.
type planFixture struct {
	db          *testsupport.DB
	admin, mine *testsupport.APIClient
	workflow    *ent.Workflow // one of the editor's workflows
	client      *ent.Contact
	newest      time.Time // the newest execution's created_at
}

// seedExecutions writes n executions spread over 200 days, set-based (INSERT ... SELECT
// generate_series), over 100 workflows of which the editor owns 10, half of them about one
// of 50 clients; 5% FAILED (with a failed SEND_WEBHOOK attempt), 2% in run 2. Then ANALYZE,
// so the planner sees the real sizes.
func seedExecutions(tb testing.TB, n int) planFixture {
	tb.Helper()
	db := testsupport.Open(tb, dialect.Postgres)
	ctx := testsupport.Ctx()
	api := testsupport.NewAPI(tb, db)
	editor := api.NewUser(auth.RoleEditor)
	f := planFixture{db: db, admin: api, mine: api.As(editor), newest: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	var wfs []*ent.WorkflowCreate
	for i := range 100 {
		owner := api.User.ID
		if i%10 == 0 {
			owner = editor.ID
		}
		wfs = append(wfs, db.Client.Workflow.Create().SetName(fmt.Sprintf("wf %02d", i)).SetTriggerType(spec.TriggerManual).
			SetCreatedByID(owner).SetActions([]spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "hi"}}}))
	}
	created := db.Client.Workflow.CreateBulk(wfs...).SaveX(ctx)
	f.workflow = created[0]
	var clients []*ent.ContactCreate
	for i := range 50 {
		clients = append(clients, db.Client.Contact.Create().SetName(fmt.Sprintf("client %d", i)).SetEmail(fmt.Sprintf("c%d@example.com", i)))
	}
	f.client = db.Client.Contact.CreateBulk(clients...).SaveX(ctx)[0]

	span := 200 * 24 * time.Hour
	stmts := []struct {
		sql  string
		args []any
	}{
		{`WITH w AS (SELECT array_agg(id ORDER BY id) AS ids FROM workflows WHERE NOT is_template),
		      c AS (SELECT array_agg(id ORDER BY id) AS ids FROM clients)
		INSERT INTO workflow_executions (id, created_at, workflow_id, client_id, status, trigger_data, current_step, started_at,
			completed_at, error_message, workflow_version, run_at, attempt, step_attempt, run, step_runs, conditions_checked, depth)
		SELECT gen_random_uuid(), x.ts, w.ids[1 + g % array_length(w.ids, 1)],
			CASE WHEN g % 2 = 0 THEN c.ids[1 + (g / 2) % array_length(c.ids, 1)] END,
			x.st, jsonb_build_object('type', CASE WHEN g % 3 = 0 THEN 'WEBHOOK' ELSE 'MANUAL' END), 0,
			CASE WHEN x.st <> 'PENDING' THEN x.ts END,
			CASE WHEN x.st IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN x.ts + (g % 5000) * interval '1 millisecond' END,
			CASE WHEN x.st = 'FAILED' THEN 'webhook answered ' || (500 + g % 4) END,
			1, x.ts, 1, 0, CASE WHEN g % 50 = 0 THEN 2 ELSE 1 END, 0, true, 0
		FROM generate_series(0, $1::int - 1) g CROSS JOIN w CROSS JOIN c
		CROSS JOIN LATERAL (SELECT $2::timestamptz - g * $3::bigint * interval '1 microsecond' AS ts,
			CASE WHEN g % 20 = 0 THEN 'FAILED' WHEN g % 97 = 0 THEN 'PENDING' WHEN g % 89 = 0 THEN 'RUNNING'
			     WHEN g % 83 = 0 THEN 'CANCELLED' ELSE 'COMPLETED' END AS st) x`,
			[]any{n, f.newest, span.Microseconds() / int64(n)}},
		{`INSERT INTO workflow_execution_logs (id, execution_id, step_index, path, step_key, run, action_type, status, error_message, attempt, duration_ms, executed_at)
		SELECT gen_random_uuid(), e.id, 0, '/actions/0', 'find', e.run, 'FIND_CLIENTS', 'SUCCESS', NULL, 1, 5 + (extract(microseconds FROM e.created_at)::bigint % 50), e.created_at
		FROM workflow_executions e
		UNION ALL
		SELECT gen_random_uuid(), e.id, 1, '/actions/1', NULL, e.run, 'SEND_WEBHOOK', 'FAILED', e.error_message, 1, 40, e.created_at + interval '10 milliseconds'
		FROM workflow_executions e WHERE e.status = 'FAILED'`, nil},
		{`VACUUM ANALYZE workflow_executions`, nil},
		{`VACUUM ANALYZE workflow_execution_logs`, nil},
		{`ANALYZE workflows`, nil},
	}
	for _, s := range stmts {
		if _, err := db.SQL.ExecContext(context.Background(), s.sql, s.args...); err != nil {
			tb.Fatalf("seed: %v\n%s", err, s.sql)
		}
	}
	var count int
	if err := db.SQL.QueryRowContext(context.Background(), `SELECT count(*) FROM workflow_executions`).Scan(&count); err != nil || count != n {
		tb.Fatalf("seeded %d executions (%v), want %d", count, err, n)
	}
	return f
}

// dashboardRequests are the stats query and the run-history filters the dashboard sends.
func dashboardRequests(f planFixture) []struct {
	name, query string
	vars        map[string]any
	editor      bool
} {
	week := f.newest.Add(-7 * 24 * time.Hour)
	month := f.newest.Add(-30 * 24 * time.Hour)
	stats := `query($wf: ID, $since: Time!, $until: Time!, $bucket: StatsBucket!) {
	  workflowStats(workflowId: $wf, since: $since, until: $until, bucket: $bucket) {
	    counts { total failed } successRate durationP50Ms durationP95Ms lastRun { status }
	    series { start counts { total } } steps { stepKey runs failures durationP50Ms } topFailing { name failures } } }`
	history := `query($where: WorkflowExecutionWhereInput, $order: [WorkflowExecutionOrder!]) {
	  workflowExecutions(first: 20, where: $where, orderBy: $order) { edges { node { id status createdAt } } pageInfo { endCursor } } }`
	byCreated := []map[string]any{{"field": "CREATED_AT", "direction": "DESC"}}
	wf, client := f.workflow.ID.String(), f.client.ID.String()
	type req = struct {
		name, query string
		vars        map[string]any
		editor      bool
	}
	return []req{
		{"stats of a workflow, 30 days", stats, map[string]any{"wf": wf, "since": month, "until": f.newest, "bucket": "DAY"}, false},
		{"stats of every workflow, 7 days", stats, map[string]any{"since": week, "until": f.newest, "bucket": "HOUR"}, false},
		{"editor's stats of its workflows, 30 days", stats, map[string]any{"since": month, "until": f.newest, "bucket": "DAY"}, true},
		{"a workflow's history", history, map[string]any{"where": map[string]any{"workflowId": wf}, "order": byCreated}, false},
		{"a workflow's failures", history, map[string]any{"where": map[string]any{"workflowId": wf, "status": "FAILED"}, "order": byCreated}, false},
		{"a workflow's failures, error contains", history, map[string]any{"where": map[string]any{"workflowId": wf, "status": "FAILED", "errorMessageContains": "503"}, "order": byCreated}, false},
		{"a workflow's second runs", history, map[string]any{"where": map[string]any{"workflowId": wf, "run": 2}, "order": byCreated}, false},
		{"recent failures by completion", history, map[string]any{"where": map[string]any{"status": "FAILED"}, "order": []map[string]any{{"field": "COMPLETED_AT", "direction": "DESC"}}}, false},
		{"failed at SEND_WEBHOOK", history, map[string]any{"where": map[string]any{"failedActionType": "SEND_WEBHOOK"}, "order": byCreated}, false},
		{"a client's history", history, map[string]any{"where": map[string]any{"clientId": client}, "order": byCreated}, false},
		{"webhook runs of the last week", history, map[string]any{"where": map[string]any{"triggerType": "WEBHOOK", "createdAtGTE": week}, "order": byCreated}, false},
		// Without any filter, the connection's count reads every row, and a Seq Scan is the
		// right plan for that; the dashboard's list is bounded by a window.
		{"everything of the last week, newest first", history, map[string]any{"where": map[string]any{"createdAtGTE": week}, "order": byCreated}, false},
		{"editor's failures", history, map[string]any{"where": map[string]any{"status": "FAILED"}, "order": byCreated}, true},
	}
}

// TestDashboardUsesIndexes: on PostgreSQL with 100,000 executions, no statement that the
// stats query or the run-history filters send reads workflow_executions (or the step logs)
// sequentially.
func TestDashboardUsesIndexes(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPED in -short mode: seeds 100,000 executions on PostgreSQL (CI runs it)")
	}
	f := seedExecutions(t, 100_000)
	for _, r := range dashboardRequests(f) {
		t.Run(r.name, func(t *testing.T) {
			api := f.admin
			if r.editor {
				api = f.mine
			}
			stop := f.db.Statements.Record()
			api.MustData(r.query, r.vars, nil)
			checked := 0
			for _, s := range stop() {
				if !strings.Contains(s.Query, "workflow_executions") {
					continue
				}
				checked++
				plan := explain(t, f.db, "EXPLAIN (FORMAT JSON) ", s)
				for _, table := range []string{"workflow_executions", "workflow_execution_logs"} {
					if nodes := seqScans(plan, table); nodes != 0 {
						t.Errorf("Seq Scan on %s (or no plan):\n%s\n%s", table, s.Query, plan)
					}
				}
				t.Logf("%s: %.80s", scansOf(plan, "workflow_executions"), oneLine(s.Query))
			}
			if checked == 0 {
				t.Fatal("no statement read workflow_executions")
			}
		})
	}
}

// explain runs prefix + the statement with its arguments and returns the JSON plan.
func explain(tb testing.TB, db *testsupport.DB, prefix string, s testsupport.Statement) string {
	tb.Helper()
	var plan string
	if err := db.SQL.QueryRowContext(context.Background(), prefix+s.Query, s.Args...).Scan(&plan); err != nil {
		tb.Fatalf("explain: %v\n%s", err, s.Query)
	}
	return plan
}

// seqScans counts the Seq Scan nodes on table in a JSON plan.
func seqScans(plan, table string) int {
	var root []struct{ Plan planNode }
	if err := json.Unmarshal([]byte(plan), &root); err != nil || len(root) == 0 {
		return -1
	}
	return root[0].Plan.count(func(n planNode) bool { return n.NodeType == "Seq Scan" && n.Relation == table })
}

// scansOf lists how a JSON plan reads table ("Index Scan on workflow_executions_..."), for the
// test log.
func scansOf(plan, table string) string {
	var root []struct{ Plan planNode }
	if err := json.Unmarshal([]byte(plan), &root); err != nil || len(root) == 0 {
		return "?"
	}
	var out []string
	var walk func(planNode)
	walk = func(n planNode) {
		if n.Relation == table || strings.HasPrefix(n.Index, strings.TrimSuffix(table, "s")) {
			out = append(out, n.NodeType+" "+n.Index)
		}
		for _, p := range n.Plans {
			walk(p)
		}
	}
	walk(root[0].Plan)
	return strings.Join(out, ", ")
}

type planNode struct {
	NodeType string     `json:"Node Type"`
	Relation string     `json:"Relation Name"`
	Index    string     `json:"Index Name"`
	Plans    []planNode `json:"Plans"`
}

func (n planNode) count(match func(planNode) bool) int {
	c := 0
	if match(n) {
		c++
	}
	for _, p := range n.Plans {
		c += p.count(match)
	}
	return c
}

// BenchmarkStatsAtOneMillion seeds 1,000,000 executions and reports the stats query's time
// over HTTP, and logs EXPLAIN ANALYZE of each of its statements. Seeding takes a while, so it
// runs only with FLOWLINE_BENCH_STATS=1:
//
//	FLOWLINE_BENCH_STATS=1 go test ./internal/stats/ -run '^$' -bench StatsAtOneMillion -benchtime 10x
func BenchmarkStatsAtOneMillion(b *testing.B) {
	if os.Getenv("FLOWLINE_BENCH_STATS") != "1" {
		b.Skip("set FLOWLINE_BENCH_STATS=1 to seed 1,000,000 executions and measure the stats query")
	}
	start := time.Now()
	f := seedExecutions(b, 1_000_000)
	b.Logf("seeded 1,000,000 executions in %s", time.Since(start).Round(time.Millisecond))
	for _, r := range dashboardRequests(f)[:3] {
		b.Run(r.name, func(b *testing.B) {
			api := f.admin
			if r.editor {
				api = f.mine
			}
			stop := f.db.Statements.Record()
			api.MustData(r.query, r.vars, nil)
			for _, s := range stop() {
				if !strings.Contains(s.Query, "workflow_executions") {
					continue
				}
				plan := explain(b, f.db, "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ", s)
				var root []struct {
					Plan          planNode
					ExecutionTime float64 `json:"Execution Time"`
					PlanningTime  float64 `json:"Planning Time"`
				}
				if err := json.Unmarshal([]byte(plan), &root); err != nil || len(root) == 0 {
					b.Fatalf("decode plan: %v", err)
				}
				b.Logf("%.2f ms (planning %.2f ms), seq scans on workflow_executions: %d: %.90s",
					root[0].ExecutionTime, root[0].PlanningTime, seqScans(plan, "workflow_executions"), oneLine(s.Query))
			}
			b.ResetTimer()
			for b.Loop() {
				api.MustData(r.query, r.vars, nil)
			}
		})
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
