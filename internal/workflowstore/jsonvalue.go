package workflowstore

import "encoding/json"

// jsonValue round-trips v through JSON, giving the form the database stores.
func jsonValue(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return v
	}
	return out
}

// orEmptyMap returns m, or {} for nil: a Change field that must replace the stored value
// even when the source had none.
func orEmptyMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
