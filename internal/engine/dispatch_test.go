package engine_test

import (
	"fmt"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/workflowexecution"
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
	db := testsupport.Open(t, dialect.Postgres)
	ctx := testsupport.Ctx()
	u, wf := benchAuthor(t, db, "batch")
	c := db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").SetOwnerID(u.ID).SaveX(ctx)
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
