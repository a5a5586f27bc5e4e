package engine_test

import (
	"database/sql"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// TestCancelDuringInternalStep: a cancel that arrives while an internal step is stuck (here
// on a client row another transaction holds) returns CANCELLED at once, without waiting for
// the step; the step then rolls back (its tag is not added; its log row says so) and the
// webhook after it is never sent.
//
// The interleaving is exact: the test holds the client row and waits, through PostgreSQL's
// lock graph, until the ADD_TAG step is blocked on it before it cancels.
func TestCancelDuringInternalStep(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "postgres")
	var arrivals atomic.Int64
	srv := startHookServer(t, func(string, int) int {
		arrivals.Add(1)
		return http.StatusOK
	})
	cfg := testConfig(t)
	cfg.Webhooks = allowLoopback()
	cfg.Workers = 1 // so that settle proves the worker let go of the cancelled execution
	a, wf, client := manualRun(t, db, cfg,
		spec.Action{Type: spec.ActionAddTag, Config: map[string]any{"tag": "x"}},
		spec.Action{Type: spec.ActionSendWebhook, Config: map[string]any{"url": srv.URL + "/after-cancel", "body": map[string]any{}}})
	for i := range 3 {
		tx, err := db.SQL.Begin()
		if err != nil {
			t.Fatal(err)
		}
		var holder int
		if err := tx.QueryRow(`SELECT pg_backend_pid()`).Scan(&holder); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(`SELECT id FROM clients WHERE id = $1 FOR NO KEY UPDATE`, client); err != nil {
			t.Fatal(err)
		}
		id := a.trigger(wf, client, nil)
		waitUntil(t, "the ADD_TAG step to block on the client row", func() bool { return blockedBy(t, db.SQL, holder) })

		done := make(chan string, 1)
		go func() {
			// Not MustData: a failure must not end the test from this goroutine.
			res := a.Do(cancelMutation, map[string]any{"id": id})
			done <- fmt.Sprintf("%s %v", res.Data, res.Errors)
		}()
		var got string
		select {
		case got = <-done:
		case <-time.After(waitTimeout / 4):
			_ = tx.Rollback()
			t.Fatalf("run %d: cancelExecution waited for the blocked step", i)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(got, `"status":"CANCELLED"`) {
			t.Fatalf("run %d: cancelExecution returned %s, want status CANCELLED", i, got)
		}
		waitUntil(t, "the step to give up", func() bool { return !blockedBy(t, db.SQL, holder) })
		a.waitFor(id, "the rolled-back attempt to be logged", func(ex execution) bool { return len(ex.Logs) > 0 })
		// Wait until the only worker has let go of the cancelled execution (it runs a sentinel
		// after it): a worker that went on to the next step would have sent the webhook by then.
		a.settle(client)
		ex := a.execution(id)
		// The rolled-back attempt is logged (every attempt leaves a row), and nothing else.
		if ex.Status != "CANCELLED" || ex.CurrentStep != 0 || len(ex.Logs) != 1 || ex.Logs[0].Status != "FAILED" ||
			!strings.Contains(deref(ex.Logs[0].ErrorMessage), "rolled back") {
			t.Fatalf("run %d: status %s at step %d with logs %v; want CANCELLED at step 0 with one rolled-back attempt",
				i, ex.Status, ex.CurrentStep, statuses(ex.Logs))
		}
		if n := arrivals.Load(); n != 0 {
			t.Fatalf("run %d: the cancelled execution still sent %d webhook(s)", i, n)
		}
		var tags string
		if err := db.SQL.QueryRow(`SELECT tags::text FROM clients WHERE id = $1`, client).Scan(&tags); err != nil {
			t.Fatal(err)
		}
		if tags != "[]" && tags != "null" {
			t.Fatalf("run %d: the cancelled step's tag was kept: %s", i, tags)
		}
	}
}

// blockedBy reports whether some session waits for a lock the session holder holds.
func blockedBy(t *testing.T, db *sql.DB, holder int) bool {
	t.Helper()
	var ok bool
	err := db.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid)))`, holder).Scan(&ok)
	if err != nil {
		t.Fatalf("read the lock graph: %v", err)
	}
	return ok
}

// TestCancelAbandonsWebhookWithLongLease: with the default 30-second lease, a cancel still
// abandons an in-flight webhook promptly (the running worker checks at least every second),
// not at the next renewal a third of the lease later.
func TestCancelAbandonsWebhookWithLongLease(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	srv := startBlockingServer(t)
	cfg := testConfig(t)
	cfg.LeaseDuration = 30 * time.Second
	cfg.Webhooks = allowLoopback()
	a, wf, client := manualRun(t, db, cfg,
		spec.Action{Type: spec.ActionSendWebhook, Config: map[string]any{"url": srv.URL + "/slow", "body": map[string]any{}}})
	id := a.trigger(wf, client, nil)
	waitChan(t, srv.arrived, "the webhook request")
	a.MustData(cancelMutation, map[string]any{"id": id}, nil)
	select {
	case <-srv.abandoned:
	case <-time.After(8 * time.Second): // a generous bound on "about a second"; 10 s would be the old renewal
		t.Fatal("the webhook was not abandoned within 8 s of the cancel")
	}
}
