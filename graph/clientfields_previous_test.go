package graph_test

import (
	"testing"

	"github.com/flowline/flowline/ent/activity"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestPreviousCustomFieldValues: CLIENT_UPDATED runs read a custom field's value before the
// change as trigger.previous.custom.<key>, see custom.<key> in trigger.changedFields, and
// may test client.custom.<key> with changed and changed_to; all of it type-checked at save.
func TestPreviousCustomFieldValues(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		defineClientFields(t, api)
		startTestEngine(t, db)
		leaf := func(field, op string, v any) map[string]any {
			return map[string]any{"field": field, "operator": op, "value": v}
		}
		api.MustData(createWorkflowMutation, map[string]any{"input": map[string]any{"name": "Upgraded", "triggerType": "CLIENT_UPDATED",
			"isActive": true,
			"conditions": map[string]any{"all": []any{
				leaf("client.custom.tier", "changed_to", "gold"),
				leaf("trigger.previous.custom.tier", "equals", "silver"),
				leaf("trigger.changedFields", "contains", "custom.tier"),
				map[string]any{"field": "client.custom.seats", "operator": "changed"},
				leaf("trigger.previous.custom.seats", "lt", 5),
			}},
			"actions": []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{
				"message": "{{trigger.previous.custom.tier}} to {{client.custom.tier}}, seats {{trigger.previous.custom.seats}} to {{client.custom.seats}}"}}},
		}}, nil)
		var c struct{ CreateClient struct{ ID string } }
		api.MustData(createClientCustom, map[string]any{"in": map[string]any{"name": "Ada", "email": "ada@example.com",
			"customFields": map[string]any{"tier": "silver", "seats": 2}}}, &c)
		// Each run ends before the next change: a run reads the client as it is when it runs.
		update := func(custom map[string]any) {
			api.MustData(updateClientCustom, map[string]any{"id": c.CreateClient.ID, "in": map[string]any{"customFields": custom}}, nil)
			for _, ex := range db.Client.WorkflowExecution.Query().AllX(testsupport.Ctx()) {
				waitExecution(t, api, ex.ID.String())
			}
		}
		update(map[string]any{"tier": "gold"})                // seats did not change
		update(map[string]any{"tier": "silver", "seats": 3})  // not to gold
		update(map[string]any{"tier": "gold", "seats": 10})   // the one
		update(map[string]any{"tier": "silver", "seats": 12}) // not to gold
		update(map[string]any{"tier": "gold", "seats": 1})    // previous seats 12, not < 5
		acts := db.Client.Activity.Query().Where(activity.ClientID(mustUUID(t, c.CreateClient.ID))).AllX(testsupport.Ctx())
		var messages []string
		for _, a := range acts {
			messages = append(messages, a.Message)
		}
		if len(messages) != 1 || messages[0] != "silver to gold, seats 3 to 10" {
			t.Errorf("activities = %q, want one: silver to gold, seats 3 to 10", messages)
		}

		problems := problemsOf(t, api, map[string]any{"name": "x", "triggerType": "CLIENT_UPDATED",
			"conditions": map[string]any{"all": []any{
				leaf("trigger.previous.custom.seats", "gt", "many"),
				leaf("trigger.previous.custom.nope", "equals", 1),
				map[string]any{"field": "client.custom.nope", "operator": "changed"},
				leaf("trigger.previous.custom.vip", "gt", true),
				leaf("trigger.previous.custom.tier", "equals", "bronze"),
			}},
			"actions": []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "{{trigger.previous.custom.missing}}"}}}})
		for _, path := range []string{"/conditions/all/0/value", "/conditions/all/1/field", "/conditions/all/2/field",
			"/conditions/all/3/operator", "/conditions/all/4/value", "/actions/0/config/message"} {
			if !hasProblemAt(problems, path) {
				t.Errorf("no problem at %s; got %q", path, problems)
			}
		}
		// trigger.previous exists only for client changes.
		problems = problemsOf(t, api, map[string]any{"name": "y", "triggerType": "CLIENT_CREATED",
			"conditions": leaf("trigger.previous.custom.tier", "equals", "gold"),
			"actions":    []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "x"}}}})
		if !hasProblemAt(problems, "/conditions/field") {
			t.Errorf("CLIENT_CREATED problems = %q", problems)
		}
	})
}
