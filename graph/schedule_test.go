package graph_test

import (
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestUpcomingRunsOfASchedule: a SCHEDULED workflow answers its next cron slots (in order,
// each 09:00 in Paris), nextRunAt is the first; count outside 1..100 is BAD_USER_INPUT on
// count; an inactive workflow has none. CLIENT_DATE's are tested with the scheduler.
func TestUpcomingRunsOfASchedule(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		var wf struct{ CreateWorkflow struct{ ID string } }
		api.MustData(createWorkflowMutation, map[string]any{"input": map[string]any{
			"name": "Morning", "triggerType": "SCHEDULED", "isActive": true,
			"triggerConfig": map[string]any{"cron": "0 9 * * *", "timezone": "Europe/Paris", "catchUp": "SKIP"},
			"actions":       []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "hi", "clientId": "00000000-0000-4000-8000-000000000001"}}},
		}}, &wf)
		const q = `query($id: ID!, $n: Int) { node(id: $id) { ... on Workflow { nextRunAt upcomingRuns(count: $n) } } }`
		var got struct {
			Node struct {
				NextRunAt    *time.Time
				UpcomingRuns []time.Time
			}
		}
		api.MustData(q, map[string]any{"id": wf.CreateWorkflow.ID, "n": 7}, &got)
		paris, _ := time.LoadLocation("Europe/Paris")
		runs := got.Node.UpcomingRuns
		if len(runs) != 7 || got.Node.NextRunAt == nil || !got.Node.NextRunAt.Equal(runs[0]) || !runs[0].After(time.Now()) {
			t.Fatalf("nextRunAt %v, runs %v", got.Node.NextRunAt, runs)
		}
		for i, r := range runs {
			if l := r.In(paris); l.Hour() != 9 || l.Minute() != 0 || (i > 0 && !r.After(runs[i-1])) {
				t.Fatalf("run %d = %v (%v in Paris)", i, r, l)
			}
		}
		for _, n := range []int{0, 101} {
			e := api.MustFail(q, map[string]any{"id": wf.CreateWorkflow.ID, "n": n}, "BAD_USER_INPUT")
			if e.Extensions["field"] != "count" {
				t.Fatalf("count %d: %+v", n, e)
			}
		}
		api.MustData(`mutation($id: ID!) { deactivateWorkflow(id: $id) { id } }`, map[string]any{"id": wf.CreateWorkflow.ID}, nil)
		got.Node.NextRunAt, got.Node.UpcomingRuns = nil, nil
		api.MustData(q, map[string]any{"id": wf.CreateWorkflow.ID}, &got)
		if got.Node.NextRunAt != nil || len(got.Node.UpcomingRuns) != 0 {
			t.Fatalf("inactive: %v %v", got.Node.NextRunAt, got.Node.UpcomingRuns)
		}
	})
}

// TestClientDateTriggerIsValidatedAtSave: a bad CLIENT_DATE config is refused with a JSON
// pointer per problem, and nothing is saved.
func TestClientDateTriggerIsValidatedAtSave(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	api := testsupport.NewAPI(t, db)
	defineClientFields(t, api)
	problems := problemsOf(t, api, map[string]any{
		"name": "Bad", "triggerType": "CLIENT_DATE",
		"triggerConfig": map[string]any{"field": "custom.tier", "at": "25:00", "timezone": "Nowhere/City"},
		"actions":       []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "x"}}},
	})
	for _, path := range []string{"/triggerConfig/field", "/triggerConfig/at", "/triggerConfig/timezone"} {
		if !hasProblemAt(problems, path) {
			t.Errorf("no problem at %s: %v", path, problems)
		}
	}
	if !hasProblemAt(problemsOf(t, api, map[string]any{
		"name": "Unknown", "triggerType": "CLIENT_DATE", "triggerConfig": map[string]any{"field": "custom.missing"},
		"actions": []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "x"}}},
	}), "/triggerConfig/field") {
		t.Error("unknown custom field accepted")
	}
	if n := db.Client.Workflow.Query().CountX(testsupport.Ctx()); n != 0 {
		t.Fatalf("%d workflows saved", n)
	}
}

// simulateWorkflow takes a CLIENT_DATE definition like any other: the sample's client and
// the occurrence's data (trigger.data.date) reach the conditions and placeholders.
func TestSimulateAClientDateWorkflow(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPI(t, testsupport.Open(t, "sqlite3"))
	var c struct{ CreateClient struct{ ID string } }
	api.MustData(`mutation { createClient(input: {name: "Ada", email: "ada@example.com"}) { id } }`, nil, &c)
	var got struct {
		SimulateWorkflow struct {
			TriggerMatched, ConditionsPassed bool
			Steps                            []struct{ Type string }
		}
	}
	api.MustData(`query($def: WorkflowDefinitionInput!, $client: ID!) {
	  simulateWorkflow(definition: $def, sample: {clientId: $client, triggerData: {date: "2027-01-05"}}) {
	    triggerMatched conditionsPassed steps { type } } }`, map[string]any{
		"client": c.CreateClient.ID,
		"def": map[string]any{
			"triggerType":   "CLIENT_DATE",
			"triggerConfig": map[string]any{"field": "createdAt", "offsetDays": 365, "at": "09:00", "timezone": "Europe/Paris"},
			"conditions":    map[string]any{"field": "client.name", "operator": "equals", "value": "Ada"},
			"actions":       []any{map[string]any{"type": "CREATE_TASK", "config": map[string]any{"title": "Anniversary {{trigger.data.date}}"}}},
		},
	}, &got)
	s := got.SimulateWorkflow
	if !s.TriggerMatched || !s.ConditionsPassed || len(s.Steps) != 1 || s.Steps[0].Type != "CREATE_TASK" {
		t.Fatalf("simulation = %+v", s)
	}
}
