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
