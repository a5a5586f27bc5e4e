package engine_test

import (
	"database/sql"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flowline/flowline/dbtest"
	"github.com/flowline/flowline/workflow/spec"
)

// A cancel that arrives while an internal step runs must stop the next step: the cancel
// waits for the step's transaction, and the next step's fenced write then sees CANCELLED,
// so the webhook after it is never sent.
//
// The interleaving is made exact with PostgreSQL's lock graph rather than sleeps: the test
// holds the client row, waits until the ADD_TAG step is blocked on it and the cancel is
// blocked on that step, and only then lets the step finish.
func TestCancelDuringInternalStepStopsNextWebhook(t *testing.T) {
	db := dbtest.Open(t, "postgres")
	var arrivals atomic.Int64
	srv := startHookServer(t, func(string, int) int {
		arrivals.Add(1)
		return http.StatusOK
	})
	a := newAPI(t, db)
	cfg := testConfig(t)
	cfg.Webhooks = allowLoopback()
	startEngine(t, db, cfg)
	owner := a.createUser("owner@example.com")
	client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
	wf := a.createWorkflow(owner, "w", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
		{Type: spec.ActionAddTag, Config: map[string]any{"tag": "x"}},
		{Type: spec.ActionSendWebhook, Config: map[string]any{"url": srv.URL + "/after-cancel", "body": map[string]any{}}},
	}})
	for i := range 3 {
		a.MustData(`mutation($id: ID!) { updateClient(id: $id, input: {tags: []}) { id } }`, map[string]any{"id": client}, nil)
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
		waitUntil(t, "the ADD_TAG step to block on the client row", func() bool { return blockedChain(t, db.SQL, holder, 1) })

		done := make(chan string)
		go func() {
			var out struct{ CancelExecution struct{ Status string } }
			a.MustData(cancelMutation, map[string]any{"id": id}, &out)
			done <- out.CancelExecution.Status
		}()
		waitUntil(t, "the cancel to block on the running step", func() bool { return blockedChain(t, db.SQL, holder, 2) })
		before := arrivals.Load()
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if status := <-done; status != "CANCELLED" {
			t.Fatalf("run %d: cancelExecution returned status %s, want CANCELLED", i, status)
		}
		// The worker moves on to step 1 at once; give it time to (wrongly) send the webhook.
		time.Sleep(300 * time.Millisecond)
		ex := a.execution(id)
		if ex.Status != "CANCELLED" {
			t.Fatalf("run %d: status %s after cancel, want CANCELLED", i, ex.Status)
		}
		if got := arrivals.Load() - before; got != 0 {
			t.Fatalf("run %d: the cancelled execution still sent %d webhook(s); logs %v", i, got, statuses(ex.Logs))
		}
		if got := statuses(ex.Logs); len(got) != 1 || got[0] != "0:ADD_TAG:SUCCESS#1" {
			t.Fatalf("run %d: logs %v, want only the ADD_TAG step", i, got)
		}
	}
}

// blockedChain reports whether a chain of depth sessions waits, lock behind lock, on the
// session holder: depth 1 is a session blocked by holder, depth 2 one blocked by that one.
func blockedChain(t *testing.T, db *sql.DB, holder, depth int) bool {
	t.Helper()
	q := `SELECT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE $1 = ANY(pg_blocking_pids(a.pid)))`
	if depth == 2 {
		q = `SELECT EXISTS (
			SELECT 1 FROM pg_stat_activity a JOIN pg_stat_activity b ON b.pid = ANY(pg_blocking_pids(a.pid))
			WHERE $1 = ANY(pg_blocking_pids(b.pid)))`
	}
	var ok bool
	if err := db.QueryRow(q, holder).Scan(&ok); err != nil {
		t.Fatalf("read the lock graph: %v", err)
	}
	return ok
}
