package graph_test

import (
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestSelectLiteralsCheckedAtSave: a literal compared with a SELECT custom field (equals,
// not_equals, in, not_in, changed_to; in the conditions, a goal, an IF and a FIND_CLIENTS filter) or
// written to one by UPDATE_CLIENT must be one of its options: the save is refused with
// VALIDATION_FAILED and the pointer of each; options and placeholders are accepted.
func TestSelectLiteralsCheckedAtSave(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		defineClientFields(t, api) // tier: SELECT gold, silver
		leaf := func(field, op string, v any) map[string]any {
			return map[string]any{"field": field, "operator": op, "value": v}
		}
		def := func(tier, other string) map[string]any {
			return map[string]any{"name": "Tiers " + tier, "triggerType": "CLIENT_UPDATED",
				"conditions": map[string]any{"all": []any{
					leaf("client.custom.tier", "equals", tier),
					leaf("client.custom.tier", "in", []any{"gold", other}),
					leaf("client.custom.tier", "not_in", []any{tier}),
				}},
				"goal": leaf("client.custom.tier", "not_equals", other),
				"actions": []any{
					map[string]any{"type": "UPDATE_CLIENT", "config": map[string]any{"set": map[string]any{"custom": map[string]any{"tier": tier}}}},
					map[string]any{"type": "FIND_CLIENTS", "config": map[string]any{"where": leaf("custom.tier", "equals", other)}},
					map[string]any{"type": "IF", "config": map[string]any{"conditions": leaf("client.custom.tier", "equals", other)},
						"then": []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "x"}}}},
				}}
		}
		problems := problemsOf(t, api, def("platinum", "bronze"))
		for _, path := range []string{"/conditions/all/0/value", "/conditions/all/1/value/1", "/conditions/all/2/value/0",
			"/goal/value", "/actions/0/config/set/custom/tier", "/actions/1/config/where/value", "/actions/2/config/conditions/value"} {
			if !hasProblemAt(problems, path) {
				t.Errorf("no problem at %s; got %q", path, problems)
			}
		}
		if len(problems) != 7 {
			t.Errorf("%d problems, want 7: %q", len(problems), problems)
		}
		// Options, placeholders and string operators other than equality are accepted.
		api.MustData(createWorkflowMutation, map[string]any{"input": def("gold", "silver")}, nil)
		api.MustData(createWorkflowMutation, map[string]any{"input": map[string]any{"name": "Copy", "triggerType": "CLIENT_UPDATED",
			"conditions": leaf("client.custom.tier", "starts_with", "go"),
			"actions": []any{map[string]any{"type": "UPDATE_CLIENT", "config": map[string]any{"set": map[string]any{
				"custom": map[string]any{"tier": "{{client.custom.tier}}"}}}}}}}, nil)
	})
}
