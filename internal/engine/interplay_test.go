package engine_test

import (
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Tests of enrollment rules, goals and flow control combined in one workflow.

// TestOneActiveWithDebounceSkipsWhileARunIsRunning: a ONE_ACTIVE workflow with a debounce
// period. Two quick updates collapse into one waiting execution (debounce); once that
// execution runs (held at a webhook), a further update is skipped (ONE_ACTIVE: counted in
// workflowStats), where it used to make a second active execution of the client. After the
// run ends, an update enrolls the client again.
func TestOneActiveWithDebounceSkipsWhileARunIsRunning(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		peer := startHoldingPeer(t)
		a := newAPI(t, db)
		ada := a.createClient(map[string]any{"name": "n0", "email": "ada@example.com"})
		var out struct{ CreateWorkflow struct{ ID string } }
		a.MustData(`mutation($in: CreateWorkflowInput!) { createWorkflow(input: $in) { id } }`, map[string]any{"in": map[string]any{
			"name": "debounced one active", "triggerType": "CLIENT_UPDATED", "isActive": true, "triggerConfig": map[string]any{},
			"enrollment": map[string]any{"mode": "ONE_ACTIVE"},
			"debounce":   map[string]any{"period": "1m"},
			"actions": []any{toJSON(t, spec.Action{Type: spec.ActionSendWebhook,
				Config: map[string]any{"url": peer.URL + "/hold", "body": map[string]any{"client": "{{client.id}}"}}})},
		}}, &out)
		wf := out.CreateWorkflow.ID
		rename := func(name string) {
			a.updateClient(ada, map[string]any{"name": name})
		}
		rename("n1")
		rename("n2")
		if exs := executionsOfWorkflow(t, db, wf); len(exs) != 1 || !exs[0].OneActive {
			t.Fatalf("two quick updates: %d executions (want 1, one_active)", len(exs))
		}
		cfg := testConfig(t)
		// A clock past the debounce period; it moves on, so leases stay alive for the reaper.
		cfg.Now = func() time.Time { return time.Now().Add(2 * time.Minute) }
		cfg.Webhooks = allowLoopback()
		startEngine(t, db, cfg)
		held := peer.next(t)
		rename("n3")
		exs := executionsOfWorkflow(t, db, wf)
		if len(exs) != 1 {
			t.Fatalf("an update while the run is RUNNING: %d executions, want 1 (skipped)", len(exs))
		}
		if skipped, _ := a.enrollmentStats(wf); skipped != 1 {
			t.Errorf("skippedEnrollments = %d, want 1", skipped)
		}
		close(held.done)
		a.waitStatus(exs[0].ID.String(), "COMPLETED")
		rename("n4")
		if n := len(executionsOfWorkflow(t, db, wf)); n != 2 {
			t.Fatalf("an update after the run: %d executions, want 2", n)
		}
		close(peer.next(t).done)
	})
}
