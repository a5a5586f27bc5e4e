package customfields

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// UsedBy returns the names of the workflows (templates included) whose definition mentions
// custom.<key> anywhere (client.custom.<key> in a condition or placeholder, custom.<key> in
// a FIND_CLIENTS filter, a CLIENT_UPDATED trigger, a goal or enrollment.reenrollOn) or sets it
// with UPDATE_CLIENT. It reads
// with the caller's rights: call it as an ADMIN, who reads every workflow.
func UsedBy(ctx context.Context, db *ent.Client, key string) ([]string, error) {
	mention := regexp.MustCompile(`custom\.` + regexp.QuoteMeta(key) + `([^A-Za-z0-9_]|$)`)
	rows, err := db.Workflow.Query().
		Select(workflow.FieldName, workflow.FieldTriggerConfig, workflow.FieldConditions, workflow.FieldActions,
			workflow.FieldEnrollment, workflow.FieldGoal).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read workflows for custom field %s: %w", key, err)
	}
	var names []string
	for _, w := range rows {
		raw, err := json.Marshal([]any{w.TriggerConfig, w.Conditions, w.Actions, w.Enrollment, w.Goal})
		if err != nil {
			return nil, fmt.Errorf("encode workflow %s: %w", w.ID, err)
		}
		if mention.Match(raw) || setsCustom(w.Actions, key) {
			names = append(names, w.Name)
		}
	}
	return names, nil
}

// setsCustom reports whether a step of the tree is an UPDATE_CLIENT that sets the key.
func setsCustom(actions []spec.Action, key string) bool {
	for _, a := range actions {
		if a.Type == spec.ActionUpdateClient {
			if set, ok := a.Config["set"].(map[string]any); ok {
				if custom, ok := set["custom"].(map[string]any); ok {
					if _, ok := custom[key]; ok {
						return true
					}
				}
			}
		}
		nested := [][]spec.Action{a.Then, a.Else, a.Default, a.Body}
		for _, c := range a.Cases {
			nested = append(nested, c.Actions)
		}
		for _, block := range nested {
			if setsCustom(block, key) {
				return true
			}
		}
	}
	return false
}
