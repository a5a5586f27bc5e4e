package engine_test

import (
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// R1: retry from START re-runs an UPDATE_CLIENT step whose events reuse the dedupe key of the
// first run -> the downstream workflow is not triggered again.
func TestRetryFromStartRaisesEventsAgain(t *testing.T) {
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		owner := a.createUser("owner@example.com")
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		down := a.createWorkflow(owner, "on active", spec.Definition{
			TriggerType:   spec.TriggerClientStatusChanged,
			TriggerConfig: map[string]any{"to": []any{"ACTIVE"}},
			Actions:       []spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "became active"}}},
		})
		up := a.createWorkflow(owner, "activate", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Type: spec.ActionUpdateClient, Config: map[string]any{"set": map[string]any{"status": "ACTIVE"}}},
			{Type: spec.ActionCreateTask, Config: map[string]any{"title": "x", "assignee": "nobody@example.com"}},
		}})
		id := a.trigger(up, client, nil)
		a.waitStatus(id, "FAILED")
		waitUntil(t, "first downstream run", func() bool { return len(a.executionsOf(down)) == 1 })
		// A person sets the client back to LEAD; the retry sets it ACTIVE again: a real change.
		a.MustData(`mutation($id: ID!) { updateClient(id: $id, input: {status: LEAD}) { id } }`, map[string]any{"id": client}, nil)
		a.MustData(retryMutation, map[string]any{"id": id, "from": "START"}, nil)
		a.waitStatus(id, "FAILED")
		var c struct{ Node struct{ Status string } }
		a.MustData(`query($id: ID!) { node(id: $id) { ... on Client { status } } }`, map[string]any{"id": client}, &c)
		if c.Node.Status != "ACTIVE" {
			t.Fatalf("the retried run did not set the status again: %s", c.Node.Status)
		}
		// The status changed LEAD -> ACTIVE twice, so the downstream workflow runs twice.
		waitUntil(t, "second downstream run", func() bool { return len(a.executionsOf(down)) == 2 })
	})
}

// R2: a FAILED "loop limit reached" execution can be retried, and then runs above the limit.
func TestRetryRefusesLoopGuardRecords(t *testing.T) {
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		owner := a.createUser("owner@example.com")
		wf := a.createWorkflow(owner, "ping-pong", spec.Definition{
			TriggerType: spec.TriggerClientStatusChanged,
			Actions: []spec.Action{{Type: spec.ActionUpdateClient, Config: map[string]any{
				"set": map[string]any{"status": "{{trigger.oldStatus}}"},
			}}},
		})
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		a.MustData(`mutation($id: ID!) { updateClient(id: $id, input: {status: ACTIVE}) { id } }`, map[string]any{"id": client}, nil)
		var exs []execution
		waitUntil(t, "loop stop", func() bool {
			exs = a.executionsOf(wf)
			return len(exs) == 7 && exs[6].Status == "FAILED"
		})
		res := a.Do(retryMutation, map[string]any{"id": exs[6].ID})
		if len(res.Errors) > 0 {
			t.Logf("retry refused: %v", res.Errors)
			return
		}
		ex := a.waitFor(exs[6].ID, "final", func(ex execution) bool { return isFinal(ex.Status) })
		t.Errorf("loop-limit execution (depth %d) retried -> %s with logs %v", ex.Depth, ex.Status, statuses(ex.Logs))
	})
}

// R3: an EDITOR-created and an ADMIN-created workflow run every internal action, incl. a
// retry from START (requeue of the email as the creator).
func TestCreatorIdentityAllActions(t *testing.T) {
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		editor := a.createUser("editor@example.com")
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		def := spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Type: spec.ActionSendEmail, Config: map[string]any{"to": "{{client.email}}", "subject": "hi", "body": "hi {{client.name}}"}},
			{Type: spec.ActionAddTag, Config: map[string]any{"tag": "t1"}},
			{Type: spec.ActionRemoveTag, Config: map[string]any{"tag": "t1"}},
			{Type: spec.ActionUpdateClient, Config: map[string]any{"set": map[string]any{"status": "ACTIVE", "ownerId": editor}}},
			{Type: spec.ActionLogActivity, Config: map[string]any{"message": "m"}},
			{Type: spec.ActionCreateTask, Config: map[string]any{"title": "t"}},
			{Type: spec.ActionCreateTask, Config: map[string]any{"title": "t", "assignee": "editor@example.com"}},
		}}
		for _, owner := range []string{editor, ""} {
			wf := a.createWorkflow(owner, "all "+owner, def)
			id := a.trigger(wf, client, nil)
			ex := a.waitFor(id, "final", func(ex execution) bool { return isFinal(ex.Status) })
			if ex.Status != "COMPLETED" {
				t.Errorf("owner %q: %s %s %v", owner, ex.Status, deref(ex.ErrorMessage), statuses(ex.Logs))
				continue
			}
			a.MustData(`mutation($id: ID!) { updateClient(id: $id, input: {status: LEAD}) { id } }`, map[string]any{"id": client}, nil)
			ex = a.waitFor(id, "x", func(ex execution) bool { return true })
			// cannot retry a COMPLETED one; trigger again instead
			id2 := a.trigger(wf, client, nil)
			ex = a.waitFor(id2, "final", func(ex execution) bool { return isFinal(ex.Status) })
			if ex.Status != "COMPLETED" {
				t.Errorf("owner %q second: %s %s", owner, ex.Status, deref(ex.ErrorMessage))
			}
		}
	})
}

// R4: retry from the failed step when step 0 failed re-evaluates the conditions instead of
// re-running the step.
func TestRetryFromFailedStepKeepsConditions(t *testing.T) {
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		owner := a.createUser("owner@example.com")
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com", "tags": []any{"vip"}})
		wf := a.createWorkflow(owner, "vip", spec.Definition{TriggerType: spec.TriggerManual,
			Conditions: map[string]any{"field": "tags", "operator": "contains", "value": "vip"},
			Actions: []spec.Action{
				{Type: spec.ActionCreateTask, Config: map[string]any{"title": "x", "assignee": "nobody@example.com"}},
			}})
		id := a.trigger(wf, client, nil)
		a.waitStatus(id, "FAILED")
		a.MustData(`mutation($id: ID!) { updateClient(id: $id, input: {tags: []}) { id } }`, map[string]any{"id": client}, nil)
		a.MustData(retryMutation, map[string]any{"id": id}, nil)
		ex := a.waitFor(id, "final", func(ex execution) bool { return isFinal(ex.Status) })
		if strings.Contains(strings.Join(statuses(ex.Logs), " "), "SKIPPED") {
			t.Errorf("retry from failed step re-evaluated conditions: %s %v", ex.Status, statuses(ex.Logs))
		}
	})
}
