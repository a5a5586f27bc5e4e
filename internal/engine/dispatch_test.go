package engine_test

import (
	"fmt"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestClaimAheadWhileSlotsAreBusy: with its one slot busy (a step blocked on a webhook), the
// dispatcher claims the next due execution ahead, renews its lease while it waits, and gives
// it back at shutdown with nothing run, as it gives back the interrupted one.
func TestClaimAheadWhileSlotsAreBusy(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		srv := startBlockingServer(t)
		a := newAPI(t, db)
		poll := testsupport.Reopen(t, db)
		ctx := testsupport.Ctx()
		cfg := testConfig(t)
		cfg.Workers = 1
		cfg.Webhooks = allowLoopback()
		cfg.ShutdownTimeout = 300 * time.Millisecond
		stop := startEngine(t, db, cfg)
		wf, client := slowWebhookWorkflow(a, srv)
		first := a.trigger(wf, client, nil)
		waitChan(t, srv.arrived, "the first execution's webhook request")

		second := a.trigger(wf, client, nil)
		held := uuid.MustParse(second)
		var claimedUntil time.Time
		waitUntil(t, "the second execution claimed ahead", func() bool {
			ex := poll.Client.WorkflowExecution.GetX(ctx, held)
			if ex.Status != "RUNNING" || ex.LeaseExpiresAt == nil {
				return false
			}
			claimedUntil = *ex.LeaseExpiresAt
			return true
		})
		waitUntil(t, "the held claim's lease renewed", func() bool {
			ex := poll.Client.WorkflowExecution.GetX(ctx, held)
			return ex.LeaseExpiresAt != nil && ex.LeaseExpiresAt.After(claimedUntil)
		})
		select {
		case <-srv.abandoned:
			t.Fatal("the first execution's step ended while the second was held")
		default:
		}
		stop()

		for _, id := range []string{first, second} {
			if ex := a.execution(id); ex.Status != "PENDING" || ex.Attempt != 1 {
				t.Errorf("%s after shutdown: status %s, attempt %d; want PENDING, 1", id, ex.Status, ex.Attempt)
			}
		}
		if ex := a.execution(second); len(ex.Logs) != 0 {
			t.Errorf("the execution held ahead ran: %d log rows", len(ex.Logs))
		}
	})
}

// TestClaimsInBatches: executions due while a worker's slots are free are claimed in one
// statement on PostgreSQL, for every free slot and the ones held ahead, and all run. Each
// claim stamps started_at with its own clock reading, so one statement shows as one
// started_at shared by all of them.
func TestClaimsInBatches(t *testing.T) {
	t.Parallel()
	db, wf, c := claimSetup(t, "batch")
	ctx := testsupport.Ctx()
	const n = 5 // 4 slots and 1 ahead (no run timed yet): room for all in the first claim
	for i := range n {
		benchTrigger(t, db, wf, c, fmt.Sprintf("batch-%d", i))
	}
	cfg := testConfig(t)
	cfg.Workers = 4
	startEngine(t, db, cfg)
	waitUntil(t, "every execution completed", func() bool {
		return db.Client.WorkflowExecution.Query().Where(workflowexecution.StatusEQ(workflowexecution.StatusCOMPLETED)).CountX(ctx) == n
	})
	exs := db.Client.WorkflowExecution.Query().AllX(ctx)
	for _, ex := range exs {
		if ex.Attempt != 1 || ex.StartedAt == nil || !ex.StartedAt.Equal(*exs[0].StartedAt) {
			t.Errorf("execution %s: attempt %d, started %v; want attempt 1, all started by one claim at %v",
				ex.ID, ex.Attempt, ex.StartedAt, exs[0].StartedAt)
		}
	}
}

// TestClaimKeepsAGenericPlan: PostgreSQL plans the claim once per connection, not at every
// claim. Its LIMIT is written into the statement (database.Queue.BatchSQL), so the generic
// plan costs what the custom ones do, and from the sixth execution on the session keeps it;
// with the LIMIT bound as a parameter every claim was a custom plan.
func TestClaimKeepsAGenericPlan(t *testing.T) {
	t.Parallel()
	db, wf, c := claimSetup(t, "plan")
	ctx := testsupport.Ctx()
	first := benchTrigger(t, db, wf, c, "plan")
	// A backlog large enough that a LIMIT costed as a tenth of it makes the generic plan look
	// dearer than the custom one; a few rows would not tell the two apart.
	if _, err := db.SQL.ExecContext(ctx, `INSERT INTO workflow_executions
		SELECT r.* FROM (SELECT to_jsonb(e) AS j FROM workflow_executions e WHERE e.id = $1) AS src,
			generate_series(1, 20000) AS g,
			LATERAL jsonb_populate_record(NULL::workflow_executions,
				src.j || jsonb_build_object('id', gen_random_uuid(), 'dedupe_key', 'copy-' || g)) AS r`, first.ID); err != nil {
		t.Fatalf("copy the execution: %v", err)
	}
	if _, err := db.SQL.ExecContext(ctx, "ANALYZE workflow_executions"); err != nil {
		t.Fatal(err)
	}
	const n = 8
	db.SQL.SetMaxOpenConns(1) // one session: pg_prepared_statements shows a session's own
	eng := engine.New(db.DB, testConfig(t))
	for i := range n {
		if ok, err := eng.Claim(ctx); err != nil || !ok {
			t.Fatalf("claim %d: claimed %v, error %v", i+1, ok, err)
		}
	}
	var generic, custom int
	if err := db.SQL.QueryRowContext(ctx, `SELECT generic_plans, custom_plans FROM pg_prepared_statements
		WHERE statement LIKE '%WITH claimed AS (%'`).Scan(&generic, &custom); err != nil {
		t.Fatalf("read the claim's plans: %v", err)
	}
	if generic != n-5 || custom != 5 {
		t.Errorf("%d claims: %d generic and %d custom plans; want %d and 5", n, generic, custom, n-5)
	}
}

// claimSetup opens a PostgreSQL schema with the bench workflow of an author called name and
// one client, for the tests of the claim statement.
func claimSetup(t *testing.T, name string) (*testsupport.DB, *ent.Workflow, *ent.Contact) {
	t.Helper()
	db := testsupport.Open(t, dialect.Postgres)
	u, wf := benchAuthor(t, db, name)
	c := db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").SetOwnerID(u.ID).SaveX(testsupport.Ctx())
	return db, wf, c
}
