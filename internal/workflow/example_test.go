package workflow_test

import (
	"fmt"
	"time"

	_ "github.com/flowline/flowline/internal/action/registry" // the action types
	"github.com/flowline/flowline/internal/workflow"
)

// A definition is checked as a whole: every problem comes back at once, each with a JSON
// pointer into the input.
func ExampleValidate() {
	def := workflow.Definition{
		TriggerType:   workflow.TriggerClientStatusChanged,
		TriggerConfig: map[string]any{"to": []any{"ACTIVE"}},
		Conditions:    map[string]any{"field": "tags", "operator": "gt", "value": "vip"},
		Actions: []workflow.Action{
			{Type: workflow.ActionSendEmail, Config: map[string]any{"to": "{{email}}", "subject": "Welcome", "body": "Hi"}},
			{Type: workflow.ActionCreateTask, Config: map[string]any{"title": "Call {{client.name}}", "dueDays": 2}},
		},
	}
	for _, p := range workflow.Problems(workflow.Validate(def)) {
		fmt.Printf("%s: %s\n", p.Path, p.Message)
	}
	// Output:
	// /conditions/operator: operator gt does not apply to stringList field client.tags
	// /actions/0/config/to: unknown placeholder {{email}} for trigger CLIENT_STATUS_CHANGED; did you mean {{client.email}}?
}

// Conditions evaluate against a context and explain their verdict, leaf by leaf.
func ExampleEvaluateConditions() {
	ctx := workflow.Context{"client": map[string]any{"status": "ACTIVE", "tags": []any{"vip", "eu"}}}
	conds := map[string]any{"all": []any{
		map[string]any{"field": "tags", "operator": "contains", "value": "vip"},
		map[string]any{"field": "client.status", "operator": "in", "value": []any{"LEAD", "ACTIVE"}},
	}}
	passed, why, err := workflow.EvaluateConditions(conds, ctx)
	fmt.Println(passed, err)
	for _, leaf := range why.Children {
		fmt.Printf("%s %s: %v (%s)\n", leaf.Field, leaf.Operator, leaf.Passed, leaf.Reason)
	}
	// Output:
	// true <nil>
	// client.tags contains: true (client.tags ["vip","eu"] contains "vip")
	// client.status in: true (client.status "ACTIVE" is in ["LEAD","ACTIVE"])
}

// Placeholders are logic-less: a value that is missing or null renders empty.
func ExampleRender() {
	ctx := workflow.Context{"client": map[string]any{"name": "Grace", "owner": nil}}
	out, err := workflow.Render("Hello {{client.name}}, your owner is {{client.owner.name}}.", ctx)
	fmt.Printf("%q %v\n", out, err)
	// Output:
	// "Hello Grace, your owner is ." <nil>
}

// A simulation says what each step would do, without doing it; a DELAY moves the clock.
func ExampleSimulate() {
	def := workflow.Definition{
		TriggerType: workflow.TriggerClientCreated,
		Actions: []workflow.Action{
			{Type: workflow.ActionDelay, Config: map[string]any{"days": 1}},
			{Type: workflow.ActionCreateTask, Config: map[string]any{"title": "Call {{client.name}}", "priority": "HIGH"}},
		},
	}
	ev := workflow.Event{Type: workflow.TriggerClientCreated, Client: map[string]any{"id": "c1", "name": "Grace", "status": "LEAD"}}
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	res := workflow.Simulate(def, ev, nil, now)
	fmt.Println("trigger matched:", res.TriggerMatched, "conditions passed:", res.ConditionsPassed)
	for _, s := range res.Steps {
		fmt.Println(s.Index, s.Type, s.Effect, s.Details)
	}
	// Output:
	// trigger matched: true conditions passed: true
	// 0 DELAY wouldDelay map[until:2026-01-06T09:00:00Z]
	// 1 CREATE_TASK wouldCreateTask map[assignee:workflow owner dueAt:2026-01-06T09:00:00Z priority:HIGH title:Call Grace]
}
