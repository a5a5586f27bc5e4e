package engine_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// createRuleWorkflow creates an active workflow through the API with an enrollment rule and
// a goal (either may be nil) and returns its id.
func (a *api) createRuleWorkflow(name string, trigger spec.TriggerType, triggerConfig, enrollment, goal map[string]any, actions ...spec.Action) string {
	a.t.Helper()
	steps := make([]any, len(actions))
	for i, ac := range actions {
		steps[i] = toJSON(a.t, ac)
	}
	in := map[string]any{"name": name, "triggerType": string(trigger), "isActive": true,
		"triggerConfig": orEmpty(triggerConfig), "actions": steps}
	if enrollment != nil {
		in["enrollment"] = enrollment
	}
	if goal != nil {
		in["goal"] = goal
	}
	var out struct{ CreateWorkflow struct{ ID string } }
	a.MustData(`mutation($in: CreateWorkflowInput!) { createWorkflow(input: $in) { id } }`, map[string]any{"in": in}, &out)
	return out.CreateWorkflow.ID
}

// updateClient applies a change to a client through the API.
func (a *api) updateClient(id string, in map[string]any) {
	a.t.Helper()
	a.MustData(`mutation($id: ID!, $in: UpdateClientInput!) { updateClient(id: $id, input: $in) { id } }`,
		map[string]any{"id": id, "in": in}, nil)
}

// enrollmentStats reads workflowStats' enrollment figures for a workflow over the last day.
func (a *api) enrollmentStats(workflowID string) (skipped, goals int) {
	a.t.Helper()
	var out struct {
		WorkflowStats struct{ SkippedEnrollments, GoalConversions int }
	}
	now := time.Now().UTC()
	a.MustData(`query($wf: ID, $since: Time!, $until: Time!) { workflowStats(workflowId: $wf, since: $since, until: $until, bucket: HOUR) { skippedEnrollments goalConversions } }`,
		map[string]any{"wf": workflowID, "since": now.Add(-time.Hour), "until": now.Add(time.Hour)}, &out)
	return out.WorkflowStats.SkippedEnrollments, out.WorkflowStats.GoalConversions
}

func taskStep(title string) spec.Action {
	return spec.Action{Type: spec.ActionCreateTask, Config: map[string]any{"title": title}}
}

// TestEnrollmentRulesHoldUnderConcurrentTriggers: 20 concurrent triggerWorkflow calls for one
// client, spread over 3 servers with their own connections to one database, make exactly one
// execution of a ONCE workflow and one of a ONE_ACTIVE workflow; the other calls are answered
// CONFLICT. The database decides (unique index, atomic upsert), not a read before the insert.
func TestEnrollmentRulesHoldUnderConcurrentTriggers(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		servers := []*testsupport.APIClient{a.APIClient,
			testsupport.NewAPI(t, testsupport.Reopen(t, db)).As(a.User),
			testsupport.NewAPI(t, testsupport.Reopen(t, db)).As(a.User)}
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		for _, mode := range []string{"ONCE", "ONE_ACTIVE"} {
			wf := a.createRuleWorkflow("rule "+mode, spec.TriggerManual, nil, map[string]any{"mode": mode}, nil, taskStep("hello"))
			const n = 20
			var (
				wg        sync.WaitGroup
				mu        sync.Mutex
				started   []string
				conflicts int
			)
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					res := servers[i%len(servers)].Do(`mutation($id: ID!, $c: ID) { triggerWorkflow(id: $id, clientId: $c) { id } }`,
						map[string]any{"id": wf, "c": ada})
					mu.Lock()
					defer mu.Unlock()
					switch {
					case len(res.Errors) == 0:
						started = append(started, string(res.Data))
					case res.Errors[0].Code() == "CONFLICT":
						conflicts++
					default:
						t.Errorf("%s trigger: %+v", mode, res.Errors)
					}
				}()
			}
			wg.Wait()
			if len(started) != 1 || conflicts != n-1 {
				t.Errorf("%s: %d started, %d CONFLICT; want 1 and %d", mode, len(started), conflicts, n-1)
			}
			if exs := a.executionsOf(wf); len(exs) != 1 {
				t.Errorf("%s: %d executions, want 1", mode, len(exs))
			}
		}
	})
}

// TestOnceReenrollsOnlyWhenAListedFieldChanged: a ONCE workflow with reenrollOn [status]
// runs for a client's first change, skips later changes of other fields (counted in
// workflowStats), and runs again after a status change.
func TestOnceReenrollsOnlyWhenAListedFieldChanged(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		wf := a.createRuleWorkflow("once", spec.TriggerClientUpdated, nil,
			map[string]any{"mode": "ONCE", "reenrollOn": []any{"status"}}, nil, taskStep("welcome"))

		a.updateClient(ada, map[string]any{"name": "Ada L."})
		if n := len(a.executionsOf(wf)); n != 1 {
			t.Fatalf("first change: %d executions, want 1", n)
		}
		a.updateClient(ada, map[string]any{"name": "Ada Lovelace"})
		a.updateClient(ada, map[string]any{"email": "ada@lovelace.example"})
		if n := len(a.executionsOf(wf)); n != 1 {
			t.Errorf("changes of unlisted fields re-enrolled: %d executions, want 1", n)
		}
		a.updateClient(ada, map[string]any{"status": "ACTIVE"})
		if n := len(a.executionsOf(wf)); n != 2 {
			t.Errorf("a status change did not re-enroll: %d executions, want 2", n)
		}
		a.updateClient(ada, map[string]any{"name": "Ada"})
		if n := len(a.executionsOf(wf)); n != 2 {
			t.Errorf("a change after the re-enrollment re-enrolled: %d executions, want 2", n)
		}
		if skipped, _ := a.enrollmentStats(wf); skipped != 3 {
			t.Errorf("skippedEnrollments = %d, want 3", skipped)
		}
	})
}

// TestOneActiveSkipsWhileARunIsActive: a ONE_ACTIVE workflow skips a client's triggers while
// its run is PENDING (no engine runs here), and starts again once that run has ended.
func TestOneActiveSkipsWhileARunIsActive(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		bob := a.createClient(map[string]any{"name": "Bob", "email": "bob@example.com"})
		wf := a.createRuleWorkflow("one active", spec.TriggerClientUpdated, nil, map[string]any{"mode": "ONE_ACTIVE"}, nil, taskStep("call"))

		a.updateClient(ada, map[string]any{"name": "Ada L."})
		a.updateClient(ada, map[string]any{"name": "Ada Lovelace"})
		a.updateClient(bob, map[string]any{"name": "Bob B."}) // another client is not affected
		exs := a.executionsOf(wf)
		if len(exs) != 2 {
			t.Fatalf("%d executions, want 2 (one per client)", len(exs))
		}
		a.MustData(`mutation($id: ID!) { cancelExecution(id: $id) { id } }`, map[string]any{"id": exs[0].ID}, nil)
		a.updateClient(ada, map[string]any{"name": "Ada"})
		if n := len(a.executionsOf(wf)); n != 3 {
			t.Errorf("after the active run ended: %d executions, want 3", n)
		}
		// A retry that would make a second active run of the client is refused.
		a.updateClient(bob, map[string]any{"name": "Bob"}) // skipped: Bob's run is PENDING
		res := a.Do(`mutation($id: ID!) { retryExecution(id: $id) { id } }`, map[string]any{"id": exs[0].ID})
		if len(res.Errors) == 0 || res.Errors[0].Code() != "CONFLICT" {
			t.Errorf("retry of a second active run: %+v, want CONFLICT", res.Errors)
		}
		if skipped, _ := a.enrollmentStats(wf); skipped != 2 {
			t.Errorf("skippedEnrollments = %d, want 2", skipped)
		}
	})
}

// TestGoalMetDuringADelayEndsTheRunAtOnce: a client change that meets the goal of a run
// waiting in a DELAY ends it in the same transaction, COMPLETED with exitReason GOAL_MET; the
// steps after the delay never run.
func TestGoalMetDuringADelayEndsTheRunAtOnce(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		goal := map[string]any{"field": "client.status", "operator": "equals", "value": "ACTIVE"}
		wf := a.createRuleWorkflow("nurture", spec.TriggerManual, nil, nil, goal,
			spec.Action{Type: spec.ActionDelay, Config: map[string]any{"hours": 1}}, taskStep("follow up"))
		id := a.trigger(wf, ada, nil)
		a.waitFor(id, "delayed", func(ex execution) bool { return ex.Status == "PENDING" && ex.CurrentStep == 1 })

		a.updateClient(ada, map[string]any{"name": "Ada L."}) // does not meet the goal
		if ex := a.execution(id); ex.Status != "PENDING" {
			t.Fatalf("a change that does not meet the goal ended the run: %s", ex.Status)
		}
		a.updateClient(ada, map[string]any{"status": "ACTIVE"})
		ex := a.execution(id) // no wait: the goal ended the run with the change
		if ex.Status != "COMPLETED" || deref(ex.ExitReason) != "GOAL_MET" || ex.CompletedAt == nil {
			t.Fatalf("after the goal was met: %s exit %s", ex.Status, deref(ex.ExitReason))
		}
		if tasks := a.tasksOf(ada); len(tasks) != 0 {
			t.Errorf("a step after the goal ran: tasks %v", tasks)
		}
		if _, goals := a.enrollmentStats(wf); goals != 1 {
			t.Errorf("goalConversions = %d, want 1", goals)
		}
	})
}

// TestGoalIsCheckedBeforeEachStep: a run whose own step meets its goal ends before the next
// step (the step's change commits; the run is not ended under its own feet), and a run whose
// goal holds when it starts runs no step.
func TestGoalIsCheckedBeforeEachStep(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		goal := map[string]any{"field": "client.tags", "operator": "contains", "value": "converted"}
		wf := a.createRuleWorkflow("convert", spec.TriggerManual, nil, nil, goal,
			tagStep("converted", ""), taskStep("never"))
		ex := a.waitStatus(a.trigger(wf, ada, nil), "COMPLETED")
		if deref(ex.ExitReason) != "GOAL_MET" || len(ex.Logs) != 1 || ex.Logs[0].ActionType != "ADD_TAG" {
			t.Errorf("exit %s, logs %q; want GOAL_MET after the ADD_TAG step", deref(ex.ExitReason), describeLogs(ex.Logs))
		}
		if tags := a.client(ada).Tags; !slices.Contains(tags, "converted") {
			t.Errorf("the step's change was lost: tags %v", tags)
		}
		ex = a.waitStatus(a.trigger(wf, ada, nil), "COMPLETED")
		if deref(ex.ExitReason) != "GOAL_MET" || len(ex.Logs) != 0 {
			t.Errorf("goal already met: exit %s, logs %q; want GOAL_MET with no step", deref(ex.ExitReason), describeLogs(ex.Logs))
		}
		if tasks := a.tasksOf(ada); len(tasks) != 0 {
			t.Errorf("tasks %v, want none", tasks)
		}
	})
}
