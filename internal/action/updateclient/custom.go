package updateclient

import (
	"context"
	"encoding/json"
	"maps"
	"slices"

	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/customfields"
	"github.com/flowline/flowline/internal/workflow"
)

// checkCustom checks set.custom, {<key>: value, ...}: at save time each key must be a
// defined custom client field, each literal value fit its type and a SELECT literal be one
// of the options (placeholders are checked at run time, like every value against the full
// definition).
func checkCustom(c *workflow.ConfigChecker, path string, val any) map[string]any {
	custom, ok := workflow.AsMap(val)
	if !ok || len(custom) == 0 {
		c.Problemf(path, "custom must be an object of custom client field values, got %s", workflow.TypeName(val))
		return map[string]any{}
	}
	for _, k := range slices.Sorted(maps.Keys(custom)) {
		ft, defined, checked := c.CustomField(k)
		if !checked {
			continue
		}
		at := workflow.Pointer(path, k)
		if !defined {
			c.Problemf(at, "unknown custom client field %q", k)
			continue
		}
		v := custom[k]
		if v != nil && !literalFits(c, ft, v) {
			c.Problemf(at, "custom field %s takes a %s value, got %s", k, ft, workflow.TypeName(v))
			continue
		}
		if s, ok := v.(string); ok && !c.Dynamic(s) {
			if options := c.CustomOptions(k); options != nil && !slices.Contains(options, s) {
				c.Problemf(at, "%s", workflow.SelectProblem(k, s, options))
			}
		}
	}
	return custom
}

// literalFits reports whether a literal (or a placeholder) can be a value of type ft.
func literalFits(c *workflow.ConfigChecker, ft workflow.FieldType, v any) bool {
	if s, ok := v.(string); ok && c.Dynamic(s) {
		return true
	}
	switch ft {
	case workflow.FieldNumber:
		switch v.(type) {
		case float64, int, int64, json.Number:
			return true
		}
		return false
	case workflow.FieldBool:
		_, ok := v.(bool)
		return ok
	case workflow.FieldTime:
		_, ok := workflow.ParseTime(v)
		return ok
	default:
		_, ok := v.(string)
		return ok
	}
}

// customValues merges the rendered set.custom into the client's current values after
// checking them against the definitions; a bad value fails the step for good.
func customValues(ctx context.Context, env action.Env, current map[string]any, v any) (map[string]any, error) {
	changes, _ := workflow.AsMap(v)
	catalog, err := customfields.Load(ctx, env.Tx)
	if err != nil {
		return nil, err
	}
	// Placeholders render as text: "{{steps.score.output.value}}" may fill a NUMBER field.
	values := make(map[string]any, len(changes))
	for k, v := range changes {
		values[k] = catalog.FromText(k, v)
	}
	merged, verr := catalog.Merge(current, values)
	if verr != nil {
		return nil, action.Permanentf("custom.%s: %s", verr.Key, verr.Msg)
	}
	return merged, nil
}
