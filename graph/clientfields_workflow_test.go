package graph_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/ent/activity"
	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/testsupport"
)

// startTestEngine runs an engine over db until the test ends.
func startTestEngine(t *testing.T, db *testsupport.DB) {
	t.Helper()
	eng := engine.New(db.DB, engine.Config{Workers: 1, PollInterval: 20 * time.Millisecond, LeaseDuration: 5 * time.Second,
		ShutdownTimeout: 5 * time.Second, Logger: slog.New(slog.DiscardHandler)})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = eng.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
}

// waitExecution polls the execution (through the API) until it ends, and returns its status.
func waitExecution(t *testing.T, api *testsupport.APIClient, id string) (status, errMsg string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var got struct {
			Node struct {
				Status       string
				ErrorMessage *string
			}
		}
		api.MustData(`query($id: ID!) { node(id: $id) { ... on WorkflowExecution { status errorMessage } } }`, map[string]any{"id": id}, &got)
		switch got.Node.Status {
		case "COMPLETED", "FAILED", "CANCELLED":
			if got.Node.ErrorMessage != nil {
				errMsg = *got.Node.ErrorMessage
			}
			return got.Node.Status, errMsg
		}
		if time.Now().After(deadline) {
			t.Fatalf("execution %s still %s", id, got.Node.Status)
		}
		time.Sleep(20 * time.Millisecond) // polling interval, not a wait for an outcome
	}
}

// problemsOf returns the VALIDATION_FAILED problems of a refused createWorkflow as
// "path: message" lines.
func problemsOf(t *testing.T, api *testsupport.APIClient, input map[string]any) []string {
	t.Helper()
	e := api.MustFail(createWorkflowMutation, map[string]any{"input": input}, "VALIDATION_FAILED")
	list, _ := e.Extensions["problems"].([]any)
	var out []string
	for _, p := range list {
		m, _ := p.(map[string]any)
		out = append(out, fmt.Sprintf("%v: %v", m["path"], m["message"]))
	}
	return out
}

func hasProblemAt(problems []string, path string) bool {
	for _, p := range problems {
		if strings.HasPrefix(p, path+": ") {
			return true
		}
	}
	return false
}

// TestWorkflowReadsAndWritesCustomFields: a workflow tests client.custom.tier in a condition,
// renders it in a placeholder and sets custom values with UPDATE_CLIENT; the engine runs it.
func TestWorkflowReadsAndWritesCustomFields(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		defineClientFields(t, api)
		startTestEngine(t, db)

		var c struct{ CreateClient struct{ ID string } }
		api.MustData(createClientCustom, map[string]any{"in": map[string]any{"name": "Ada", "email": "ada@example.com",
			"customFields": map[string]any{"tier": "gold", "seats": 2}}}, &c)
		var plain struct{ CreateClient struct{ ID string } }
		api.MustData(createClientCustom, map[string]any{"in": map[string]any{"name": "Bob", "email": "bob@example.com",
			"customFields": map[string]any{"tier": "silver"}}}, &plain)

		input := func(actions ...any) map[string]any {
			return map[string]any{"name": "Gold clients", "triggerType": "MANUAL", "isActive": true,
				"conditions": map[string]any{"all": []any{
					map[string]any{"field": "client.custom.tier", "operator": "equals", "value": "gold"},
					map[string]any{"field": "custom.seats", "operator": "lt", "value": 10},
				}},
				"actions": actions}
		}
		var wf struct{ CreateWorkflow struct{ ID string } }
		api.MustData(createWorkflowMutation, map[string]any{"input": input(
			map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "Tier {{client.custom.tier}}, {{client.custom.seats}} seats"}},
			map[string]any{"type": "UPDATE_CLIENT", "config": map[string]any{"set": map[string]any{"custom": map[string]any{"seats": "{{client.custom.seats}}5", "vip": true}}}},
		)}, &wf)

		run := func(clientID string) (string, string) {
			var r struct{ TriggerWorkflow struct{ ID string } }
			api.MustData(`mutation($id: ID!, $c: ID) { triggerWorkflow(id: $id, clientId: $c) { id } }`,
				map[string]any{"id": wf.CreateWorkflow.ID, "c": clientID}, &r)
			return waitExecution(t, api, r.TriggerWorkflow.ID)
		}
		if status, msg := run(c.CreateClient.ID); status != "COMPLETED" {
			t.Fatalf("run for the gold client: %s %s", status, msg)
		}
		ada := db.Client.Contact.GetX(testsupport.Ctx(), mustUUID(t, c.CreateClient.ID))
		if fmt.Sprint(ada.CustomFields) != fmt.Sprint(map[string]any{"tier": "gold", "seats": 25.0, "vip": true}) {
			t.Errorf("after the run customFields = %v", ada.CustomFields)
		}
		acts := db.Client.Activity.Query().Where(activity.ClientID(ada.ID)).AllX(testsupport.Ctx())
		if len(acts) != 1 || acts[0].Message != "Tier gold, 2 seats" {
			t.Errorf("activities = %+v", acts)
		}
		// The silver client does not pass the condition: nothing is written.
		if status, msg := run(plain.CreateClient.ID); status != "COMPLETED" {
			t.Fatalf("run for the silver client: %s %s", status, msg)
		}
		if n := db.Client.Activity.Query().Where(activity.ClientID(mustUUID(t, plain.CreateClient.ID))).CountX(testsupport.Ctx()); n != 0 {
			t.Errorf("silver client: %d activities, want 0", n)
		}

		// A value that breaks the definition at run time (an option SELECT lacks) fails the step.
		var bad struct{ CreateWorkflow struct{ ID string } }
		api.MustData(createWorkflowMutation, map[string]any{"input": map[string]any{"name": "Bad tier", "triggerType": "MANUAL", "isActive": true,
			"actions": []any{map[string]any{"type": "UPDATE_CLIENT", "config": map[string]any{"set": map[string]any{"custom": map[string]any{"tier": "{{client.name}}"}}}}}}}, &bad)
		var r struct{ TriggerWorkflow struct{ ID string } }
		api.MustData(`mutation($id: ID!, $c: ID) { triggerWorkflow(id: $id, clientId: $c) { id } }`,
			map[string]any{"id": bad.CreateWorkflow.ID, "c": c.CreateClient.ID}, &r)
		if status, msg := waitExecution(t, api, r.TriggerWorkflow.ID); status != "FAILED" || !strings.Contains(msg, "tier") {
			t.Errorf("bad tier run: %s %q, want FAILED naming tier", status, msg)
		}
		if got := db.Client.Contact.GetX(testsupport.Ctx(), ada.ID).CustomFields["tier"]; got != "gold" {
			t.Errorf("tier after the failed run = %v", got)
		}

		// Save-time refusals: unknown custom key, an operator that does not fit, bad set values.
		problems := problemsOf(t, api, map[string]any{"name": "x", "triggerType": "MANUAL",
			"conditions": map[string]any{"all": []any{
				map[string]any{"field": "client.custom.nope", "operator": "equals", "value": "x"},
				map[string]any{"field": "client.custom.vip", "operator": "gt", "value": 1},
			}},
			"actions": []any{map[string]any{"type": "UPDATE_CLIENT", "config": map[string]any{"set": map[string]any{"custom": map[string]any{"nope": 1, "seats": "many"}}}},
				map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "{{client.custom.missing}}"}}},
		})
		for _, path := range []string{"/conditions/all/0/field", "/conditions/all/1/operator", "/actions/0/config/set/custom/nope",
			"/actions/0/config/set/custom/seats", "/actions/1/config/message"} {
			if !hasProblemAt(problems, path) {
				t.Errorf("no problem at %s; got %q", path, problems)
			}
		}

		// A field in use cannot be deleted.
		mustFailAt(t, api, deleteClientFieldMutation, map[string]any{"key": "tier"}, "CONFLICT", "key")
		mustFailAt(t, api, deleteClientFieldMutation, map[string]any{"key": "vip"}, "CONFLICT", "key")
		api.MustData(deleteClientFieldMutation, map[string]any{"key": "renewalDate"}, nil)
	})
}

// TestClientUpdatedOnCustomField: CLIENT_UPDATED with fields ["custom.seats"] fires only when
// seats changes.
func TestClientUpdatedOnCustomField(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		defineClientFields(t, api)
		var wf struct{ CreateWorkflow struct{ ID string } }
		api.MustData(createWorkflowMutation, map[string]any{"input": map[string]any{"name": "Seats changed", "triggerType": "CLIENT_UPDATED",
			"isActive": true, "triggerConfig": map[string]any{"fields": []string{"custom.seats"}},
			"actions": []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "seats"}}}}}, &wf)
		var c struct{ CreateClient struct{ ID string } }
		api.MustData(createClientCustom, map[string]any{"in": map[string]any{"name": "Ada", "email": "ada@example.com",
			"customFields": map[string]any{"tier": "gold", "seats": 2}}}, &c)
		w := db.Client.Workflow.GetX(testsupport.Ctx(), mustUUID(t, wf.CreateWorkflow.ID))
		update := func(custom map[string]any) {
			api.MustData(updateClientCustom, map[string]any{"id": c.CreateClient.ID, "in": map[string]any{"customFields": custom}}, nil)
		}
		update(map[string]any{"tier": "silver"})
		update(map[string]any{"seats": 2})
		if n := len(executionsOf(t, db, w)); n != 0 {
			t.Fatalf("%d executions after changing tier only, want 0", n)
		}
		update(map[string]any{"seats": 3})
		if n := len(executionsOf(t, db, w)); n != 1 {
			t.Fatalf("%d executions after changing seats, want 1", n)
		}
		// An unknown custom field cannot be listened to.
		problems := problemsOf(t, api, map[string]any{"name": "x", "triggerType": "CLIENT_UPDATED",
			"triggerConfig": map[string]any{"fields": []string{"custom.nope"}},
			"actions":       []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "x"}}}})
		if !hasProblemAt(problems, "/triggerConfig/fields/0") {
			t.Errorf("problems = %q", problems)
		}
	})
}

// TestFindClientsByCustomField: FIND_CLIENTS filters on custom.<key>.
func TestFindClientsByCustomField(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		defineClientFields(t, api)
		startTestEngine(t, db)
		var ids []string
		for i, custom := range []map[string]any{
			{"tier": "gold", "seats": 2, "vip": true},
			{"tier": "gold", "seats": 3},
			{"tier": "silver", "seats": 2, "vip": true},
			{},
		} {
			var c struct{ CreateClient struct{ ID string } }
			api.MustData(createClientCustom, map[string]any{"in": map[string]any{"name": fmt.Sprintf("C%d", i),
				"email": fmt.Sprintf("c%d@example.com", i), "customFields": custom}}, &c)
			ids = append(ids, c.CreateClient.ID)
		}
		var wf struct{ CreateWorkflow struct{ ID string } }
		api.MustData(createWorkflowMutation, map[string]any{"input": map[string]any{"name": "Find gold", "triggerType": "MANUAL", "isActive": true,
			"actions": []any{
				map[string]any{"key": "gold", "type": "FIND_CLIENTS", "config": map[string]any{"where": map[string]any{"all": []any{
					map[string]any{"field": "custom.tier", "operator": "equals", "value": "gold"},
					map[string]any{"field": "custom.seats", "operator": "equals", "value": 2},
				}}}},
				map[string]any{"key": "vip", "type": "FIND_CLIENTS", "config": map[string]any{"where": map[string]any{
					"field": "custom.vip", "operator": "equals", "value": true}}},
				map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{
					"message": "gold {{steps.gold.output.count}} vip {{steps.vip.output.count}}"}},
			}}}, &wf)
		var r struct{ TriggerWorkflow struct{ ID string } }
		api.MustData(`mutation($id: ID!, $c: ID) { triggerWorkflow(id: $id, clientId: $c) { id } }`,
			map[string]any{"id": wf.CreateWorkflow.ID, "c": ids[3]}, &r)
		if status, msg := waitExecution(t, api, r.TriggerWorkflow.ID); status != "COMPLETED" {
			t.Fatalf("run: %s %s", status, msg)
		}
		acts := db.Client.Activity.Query().Where(activity.ClientID(mustUUID(t, ids[3]))).AllX(testsupport.Ctx())
		if len(acts) != 1 || acts[0].Message != "gold 1 vip 2" {
			t.Errorf("activities = %+v", acts)
		}
		problems := problemsOf(t, api, map[string]any{"name": "x", "triggerType": "MANUAL", "actions": []any{
			map[string]any{"type": "FIND_CLIENTS", "config": map[string]any{"where": map[string]any{"field": "custom.nope", "operator": "equals", "value": 1}}}}})
		if !hasProblemAt(problems, "/actions/0/config/where/field") {
			t.Errorf("problems = %q", problems)
		}
	})
}
