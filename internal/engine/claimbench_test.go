package engine_test

import (
	"database/sql"
	"fmt"
	"os"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// BenchmarkClaimBacklog measures the claim alone (one statement: the oldest due PENDING
// execution becomes RUNNING) on PostgreSQL with 1,000 and with 300,000 due executions
// waiting, seeded set-based, and with 1,000 behind 300,000 due executions that wait under a
// concurrency rule (older than all of them). Through the partial index on the run_at of pending rows a claim
// reads the head of the queue, so the two rates should match: the backlog must not slow the
// engine down. Each claimed row leaves the index; b.N stays below the smaller backlog.
//
//	go test ./internal/engine -run '^$' -bench ClaimBacklog -benchtime 300x
//
// EXPLAIN_CLAIM=1 logs the claim's plan on the seeded table.
func BenchmarkClaimBacklog(b *testing.B) {
	for _, c := range []struct{ due, gated int }{{1_000, 0}, {300_000, 0}, {1_000, 300_000}} {
		due := c.due
		b.Run(fmt.Sprintf("due=%d/gated=%d", c.due, c.gated), func(b *testing.B) {
			if b.N >= due {
				b.Skipf("b.N %d would drain the backlog of %d; use -benchtime with fewer iterations", b.N, due)
			}
			db := testsupport.Open(b, dialect.Postgres)
			ctx := testsupport.Ctx()
			owner := testsupport.NewAPI(b, db).User
			wf := db.Client.Workflow.Create().SetName("backlog").SetTriggerType(spec.TriggerManual).SetCreatedByID(owner.ID).
				SetActions([]spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "hi"}}}).SaveX(ctx)
			// Due in the past, spread over a day, plus as many finished rows as history.
			_, err := db.SQL.ExecContext(ctx, `
INSERT INTO workflow_executions (id, created_at, workflow_id, status, trigger_data, current_step, workflow_version,
	run_at, attempt, step_attempt, run, step_runs, depth, completed_at)
SELECT `+database.UUIDv7SQL("now() - interval '1 day'", "g * 2 + s.k")+`, now() - interval '1 day', $1, s.st, '{"type":"MANUAL"}'::jsonb, 0, 1,
	now() - interval '1 day' + g * interval '1 millisecond', 0, 0, 1, 0, 0,
	CASE WHEN s.st = 'COMPLETED' THEN now() END
FROM generate_series(1, $2::int) g
CROSS JOIN (VALUES ('PENDING', 0), ('COMPLETED', 1)) s(st, k)`, wf.ID, due)
			if err != nil {
				b.Fatal(err)
			}
			// Executions waiting under a concurrency or throttle rule, due too: the ordinary
			// claim must not walk them (they have their own partial index).
			if _, err := db.SQL.ExecContext(ctx, `
INSERT INTO workflow_executions (id, created_at, workflow_id, status, trigger_data, current_step, workflow_version,
	run_at, attempt, step_attempt, run, step_runs, depth, flow_gated, concurrency_limit)
SELECT `+database.UUIDv7SQL("now() - interval '2 days'", "g")+`, now() - interval '2 days', $1, 'PENDING', '{"type":"MANUAL"}'::jsonb, 0, 1,
	now() - interval '2 days' + g * interval '1 millisecond', 0, 0, 1, 0, 0, true, 1
FROM generate_series(1, $2::int) g`, wf.ID, c.gated); err != nil {
				b.Fatal(err)
			}
			if _, err := db.SQL.ExecContext(ctx, `VACUUM ANALYZE workflow_executions`); err != nil {
				b.Fatal(err)
			}
			if os.Getenv("EXPLAIN_CLAIM") != "" {
				explainClaim(b, db.SQL)
			}
			e := engine.New(db.DB, engine.Config{Workers: 1, LeaseDuration: time.Minute})
			b.ResetTimer()
			for range b.N {
				if ok, err := e.Claim(ctx); err != nil || !ok {
					b.Fatalf("claim: %v, %v", ok, err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "claims/s")
		})
	}
}

// explainClaim logs the plan of the claim's statement on the seeded table.
func explainClaim(b *testing.B, db *sql.DB) {
	rows, err := db.QueryContext(testsupport.Ctx(), `EXPLAIN (ANALYZE, BUFFERS) UPDATE workflow_executions SET status = 'RUNNING'
WHERE id = (SELECT id FROM workflow_executions WHERE status = 'PENDING' AND run_at <= now() AND NOT flow_gated
ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED)`)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			b.Fatal(err)
		}
		b.Log(line)
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
}
