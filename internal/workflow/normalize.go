package workflow

// Normalize returns a deep copy of def with the accepted shorthands canonicalised, and nothing
// else changed (defaults such as onError STOP are not written, so stored JSON stays what the
// user gave):
//   - CREATE_TASK {"text": ...} becomes {"title": ...} (the seed's name for the title);
//   - CLIENT_STATUS_CHANGED {"status": "LEAD"} (or a list) becomes {"to": ["LEAD"]}: the seed's
//     shorthand names the status the client changes to.
//
// When both forms are present Normalize leaves them alone, so Validate can report the conflict.
func Normalize(def Definition) Definition {
	out := Definition{
		TriggerType:   def.TriggerType,
		TriggerConfig: normalizeTriggerConfig(def.TriggerType, def.TriggerConfig),
		Conditions:    copyMap(def.Conditions),
		Enrollment:    copyMap(def.Enrollment),
		Goal:          copyMap(def.Goal),
		Debounce:      def.Debounce,
		Concurrency:   def.Concurrency,
		Throttle:      def.Throttle,
	}
	out.Actions = MapActions(def.Actions, normalizeAction)
	return out
}

// normalizeTriggerConfig returns a copy of cfg with the status shorthand rewritten.
func normalizeTriggerConfig(t TriggerType, cfg map[string]any) map[string]any {
	out := copyMap(cfg)
	if t != TriggerClientStatusChanged || out == nil {
		return out
	}
	status, hasStatus := out["status"]
	if _, hasTo := out["to"]; !hasStatus || hasTo {
		return out
	}
	switch v := status.(type) {
	case string:
		out["to"] = []any{v}
	default:
		out["to"] = v
	}
	delete(out, "status")
	return out
}

func normalizeAction(a Action) Action {
	out := a
	out.Config = copyMap(a.Config)
	if out.Config == nil {
		out.Config = map[string]any{} // stored and shown as {}, never null
	}
	if a.Retry != nil {
		r := *a.Retry
		out.Retry = &r
	}
	if k, ok := Kind(a.Type); ok && out.Config != nil {
		if n, ok := k.(ConfigNormalizer); ok {
			n.Normalize(out.Config)
		}
	}
	return out
}
