package workflow

import (
	"fmt"
	"slices"
	"strings"
)

// WriteTargets returns the client fields an action writes, sorted, as its kind declares
// (ClientWriter); other actions write no client field.
func WriteTargets(a Action) []string {
	if k, ok := Kind(a.Type); ok {
		if w, ok := k.(ClientWriter); ok {
			return w.WriteTargets(a.Config)
		}
	}
	return nil
}

// listensTo reports whether a trigger (type and config) fires when a client field changes.
func listensTo(t TriggerType, cfg map[string]any, field string) bool {
	switch t {
	case TriggerClientStatusChanged:
		return field == "status"
	case TriggerClientUpdated:
		fields := asStringList(cfg["fields"])
		return len(fields) == 0 || slices.Contains(fields, field)
	default:
		return false
	}
}

// LoopWarnings names the ways a workflow may trigger itself: an action writes a client field that
// the workflow's own trigger listens to (UPDATE_CLIENT status on CLIENT_STATUS_CHANGED, any client
// write on CLIENT_UPDATED whose fields filter is empty or includes the field). A literal status
// that the trigger's "to" filter excludes cannot re-trigger it and is not reported. Actions are
// numbered from 0, like the /actions/N paths. The engine's depth limit stops real loops; these
// warnings tell the user before activation.
func LoopWarnings(def Definition) []string {
	cfg := normalizeTriggerConfig(def.TriggerType, def.TriggerConfig)
	var warnings []string
	Walk(def.Actions, func(path string, ap *Action) {
		a := *ap
		for _, field := range WriteTargets(a) {
			if !listensTo(def.TriggerType, cfg, field) {
				continue
			}
			if def.TriggerType == TriggerClientStatusChanged && statusExcluded(a, cfg) {
				continue
			}
			warnings = append(warnings, fmt.Sprintf(
				"action %s (%s) writes client.%s, which this workflow's %s trigger listens to: it may trigger itself",
				stepLabel(path), a.Type, field, def.TriggerType))
		}
	})
	return warnings
}

// statusExcluded reports whether an UPDATE_CLIENT sets a literal status outside the trigger's
// "to" filter, so the status change it causes does not match the trigger.
func statusExcluded(a Action, cfg map[string]any) bool {
	set, _ := AsMap(a.Config["set"])
	status, ok := set["status"].(string)
	if !ok || hasTemplate(status) {
		return false
	}
	to := asStringList(cfg["to"])
	return len(to) > 0 && !slices.Contains(to, status)
}

// stepLabel names a step in messages: its index for a top-level step (as the /actions/N
// paths number them), its JSON pointer for a nested one.
func stepLabel(path string) string {
	if IsTopLevel(path) {
		return strings.TrimPrefix(path, "/actions/")
	}
	return path
}

// IsTopLevel reports whether a step's JSON pointer is /actions/N: a step of the definition's
// own list, not one nested in a block.
func IsTopLevel(path string) bool {
	rest, ok := strings.CutPrefix(path, "/actions/")
	return ok && !strings.Contains(rest, "/")
}
