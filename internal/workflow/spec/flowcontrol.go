package spec

import "time"

// DefaultFlowKey is the key template of debounce and throttle when the definition names none:
// the rules apply per client.
const DefaultFlowKey = "{{client.id}}"

// Debounce collapses the triggers of one key that come within Period of each other into one
// execution, started Period after the last of them with that trigger's data.
type Debounce struct {
	// Period is a Go duration ("10m").
	Period string `json:"period"`
	// Key is a placeholder template; empty means DefaultFlowKey.
	Key string `json:"key,omitempty"`
}

// Concurrency bounds the RUNNING executions of one key; the others wait as PENDING, in order.
type Concurrency struct {
	Limit int `json:"limit"`
	// Key is a placeholder template; empty means one key for the whole workflow.
	Key string `json:"key,omitempty"`
}

// Throttle bounds the starts of one key per Period; the others are put off to the next window.
type Throttle struct {
	Limit int `json:"limit"`
	// Period is a Go duration ("1h"); windows are aligned on multiples of it (whole minutes, hours of UTC).
	Period string `json:"period"`
	// Key is a placeholder template; empty means DefaultFlowKey.
	Key string `json:"key,omitempty"`
}

// KeyTemplate is the debounce key's template, DefaultFlowKey when unset.
func (d *Debounce) KeyTemplate() string { return keyOr(d.Key, DefaultFlowKey) }

// KeyTemplate is the concurrency key's template; "" (one key per workflow) when unset.
func (c *Concurrency) KeyTemplate() string { return c.Key }

// KeyTemplate is the throttle key's template, DefaultFlowKey when unset.
func (t *Throttle) KeyTemplate() string { return keyOr(t.Key, DefaultFlowKey) }

// Duration is the debounce period; 0 when it does not parse (validation refuses that).
func (d *Debounce) Duration() time.Duration { return parsePeriod(d.Period) }

// Duration is the throttle window; 0 when it does not parse (validation refuses that).
func (t *Throttle) Duration() time.Duration { return parsePeriod(t.Period) }

func keyOr(key, def string) string {
	if key == "" {
		return def
	}
	return key
}

func parsePeriod(s string) time.Duration {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0
	}
	return d
}
