package engine_test

import (
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// R1: a retry from START runs an UPDATE_CLIENT step again, and the change it makes again
// raises its event again (the retried run's events do not reuse the first run's dedupe
// keys), so the downstream workflow is triggered a second time.
func TestRetryFromStartRaisesEventsAgain(t *testing.T) {
	t.Parallel()
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

// R2: the FAILED "loop limit reached" record of an execution the loop guard refused cannot be
// retried: the retry is refused with CONFLICT and the record stays as it was (never run).
func TestRetryRefusesLoopGuardRecords(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		wf, _ := a.startPingPong()
		var exs []execution
		waitUntil(t, "loop stop", func() bool {
			exs = a.executionsOf(wf)
			return len(exs) == 7 && exs[6].Status == "FAILED"
		})
		for _, from := range []string{"FAILED_STEP", "START"} {
			e := a.MustFail(retryMutation, map[string]any{"id": exs[6].ID, "from": from}, "CONFLICT")
			if !strings.Contains(e.Message, "loop limit") {
				t.Errorf("retry from %s refused with %q, want the loop guard named", from, e.Message)
			}
		}
		// The refusal wrote nothing (Retry checks before it updates), so the record is read
		// back at once.
		if ex := a.execution(exs[6].ID); ex.Status != "FAILED" || ex.StartedAt != nil || len(ex.Logs) != 0 ||
			deref(ex.ErrorMessage) != "loop limit reached" {
			t.Fatalf("loop-limit record after the refused retries: %s, started %v, logs %v, error %q",
				ex.Status, ex.StartedAt, statuses(ex.Logs), deref(ex.ErrorMessage))
		}
	})
}

// R3: a workflow created by an EDITOR and one created by an ADMIN run every internal action
// as their creator, and run them all again for the same client once a person set it back to
// LEAD.
func TestCreatorIdentityAllActions(t *testing.T) {
	t.Parallel()
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
			// A COMPLETED execution cannot be retried: the second run is a new trigger.
			id2 := a.trigger(wf, client, nil)
			ex = a.waitFor(id2, "final", func(ex execution) bool { return isFinal(ex.Status) })
			if ex.Status != "COMPLETED" {
				t.Errorf("owner %q second: %s %s", owner, ex.Status, deref(ex.ErrorMessage))
			}
		}
	})
}

// R4: a retry from the failed step, when step 0 failed, does not evaluate the conditions
// again: the step runs again (and fails again) although the client no longer matches them,
// instead of being SKIPPED.
func TestRetryFromFailedStepKeepsConditions(t *testing.T) {
	t.Parallel()
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
		// Both runs tried the step (its assignee does not exist, so it fails both times).
		want := "0:CREATE_TASK:FAILED#1 0:CREATE_TASK:FAILED#1"
		if got := strings.Join(statuses(ex.Logs), " "); ex.Status != "FAILED" || got != want {
			t.Errorf("retry from the failed step: %s with logs %s, want FAILED with %s (the step run again, not SKIPPED)", ex.Status, got, want)
		}
	})
}
