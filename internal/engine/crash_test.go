package engine_test

import (
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// TestCrashedWorkerIsResumedByAnother: a worker process is killed with SIGKILL while its
// execution waits on a webhook; a second process reclaims the execution once the lease
// expires and finishes it from the current step. The internal effect committed before the
// crash is not repeated (exactly one task per CREATE_TASK step); the webhook, an external
// effect, is sent again with the same Idempotency-Key.
func TestCrashedWorkerIsResumedByAnother(t *testing.T) {
	t.Parallel()
	bin := flowlineBinary(t)
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		srv := startBlockingServer(t)
		a := newAPI(t, db)
		owner := a.createUser("owner@example.com")
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		wf := a.createWorkflow(owner, "crash", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Type: spec.ActionCreateTask, Config: map[string]any{"title": "before"}},
			{Type: spec.ActionSendWebhook, Config: map[string]any{"url": srv.URL + "/slow", "body": map[string]any{"n": 1}}},
			{Type: spec.ActionCreateTask, Config: map[string]any{"title": "after"}},
		}})

		first := startWorkerProcess(t, bin, db.URL)
		id := a.trigger(wf, client, nil)
		waitChan(t, srv.arrived, "the first worker's webhook request")
		first.kill(t)

		mid := a.execution(id)
		if mid.Status != "RUNNING" || mid.CurrentStep != 1 || mid.Attempt != 1 ||
			strings.Join(statuses(mid.Logs), " ") != "0:CREATE_TASK:SUCCESS#1" {
			t.Fatalf("after the crash: %+v", mid)
		}

		startWorkerProcess(t, bin, db.URL)
		done := a.waitStatus(id, "COMPLETED")
		if done.Attempt != 2 {
			t.Errorf("attempt (claims) = %d, want 2", done.Attempt)
		}
		want := "0:CREATE_TASK:SUCCESS#1 1:SEND_WEBHOOK:SUCCESS#1 2:CREATE_TASK:SUCCESS#1"
		if got := strings.Join(statuses(done.Logs), " "); got != want {
			t.Fatalf("logs = %s\nwant   %s", got, want)
		}
		if titles := strings.Join(a.taskTitles(), ","); titles != "before,after" {
			t.Fatalf("tasks = %s, want exactly one per CREATE_TASK step", titles)
		}
		keys := srv.idempotencyKeys()
		if len(keys) != 2 || keys[0] != id+":1" || keys[1] != id+":1" {
			t.Fatalf("webhook Idempotency-Keys = %v, want the same key %s:1 twice", keys, id)
		}
	})
}
