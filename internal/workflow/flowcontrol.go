package workflow

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/flowline/flowline/internal/workflow/spec"
)

// Flow control types, aliased like the rest of the vocabulary.
type (
	// Debounce collapses close triggers of one key into one execution.
	Debounce = spec.Debounce
	// Concurrency bounds the RUNNING executions of one key.
	Concurrency = spec.Concurrency
	// Throttle bounds the starts of one key per period.
	Throttle = spec.Throttle
)

// Bounds of the flow-control rules. Periods stop at a day so that the executions a throttle
// window counts are never deleted by retention (at least a day after they end) while the
// window lasts.
const (
	MinFlowPeriod       = time.Second
	MaxFlowPeriod       = 24 * time.Hour
	MaxConcurrencyLimit = 1000
	MaxThrottleLimit    = 100000
	MaxFlowKeyTemplate  = 200
	// MaxFlowKeyBytes caps a rendered key as stored; a longer one is stored as its hash.
	MaxFlowKeyBytes = 200
)

// validateFlowControl checks debounce, concurrency and throttle: periods that parse within
// bounds, limits of at least 1, and keys whose placeholders exist for the trigger (fields nil:
// the trigger is unknown and placeholders are not checked).
func validateFlowControl(def Definition, fields map[string]FieldType, p *problems) {
	if d := def.Debounce; d != nil {
		validatePeriod("/debounce/period", d.Period, p)
		validateFlowKey("/debounce/key", d.Key, def.TriggerType, fields, p)
	}
	if c := def.Concurrency; c != nil {
		validateLimit("/concurrency/limit", c.Limit, MaxConcurrencyLimit, p)
		validateFlowKey("/concurrency/key", c.Key, def.TriggerType, fields, p)
	}
	if t := def.Throttle; t != nil {
		validateLimit("/throttle/limit", t.Limit, MaxThrottleLimit, p)
		validatePeriod("/throttle/period", t.Period, p)
		validateFlowKey("/throttle/key", t.Key, def.TriggerType, fields, p)
	}
}

func validatePeriod(path, s string, p *problems) {
	if s == "" {
		p.addf(path, "period is required, a duration such as \"10m\" or \"1h\"")
		return
	}
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		p.addf(path, "period must be a duration such as \"10m\" or \"1h\", got %q", s)
	case d < MinFlowPeriod || d > MaxFlowPeriod:
		p.addf(path, "period must be between %s and %s, got %s", MinFlowPeriod, "24h", s)
	}
}

func validateLimit(path string, n, maximum int, p *problems) {
	if n < 1 || n > maximum {
		p.addf(path, "limit must be between 1 and %d, got %d", maximum, n)
	}
}

// validateFlowKey checks a key template: it must render from the event alone, so steps,
// loop variables, execution.id and now (different for every run, which would make every key
// unique) are refused.
func validateFlowKey(path, key string, t TriggerType, fields map[string]FieldType, p *problems) {
	if key == "" {
		return
	}
	if n := len([]rune(key)); n > MaxFlowKeyTemplate {
		p.addf(path, "key is at most %d characters, got %d", MaxFlowKeyTemplate, n)
		return
	}
	names, err := Placeholders(key)
	if err != nil {
		p.addf(path, "%v", err)
		return
	}
	for _, name := range names {
		if name == "execution.id" || name == "now" {
			p.addf(path, "{{%s}} differs for every run, so no two triggers would share a key; use a field of the event such as {{client.id}}", name)
			return
		}
	}
	checkPlaceholders(path, key, t, fields, p, 0)
}

// FlowKey renders a key template against the event's context. Keys longer than
// MaxFlowKeyBytes are replaced by their SHA-256, so any key fits its column.
func FlowKey(template string, ctx Context) (string, error) {
	if template == "" {
		return "", nil
	}
	key, err := Render(template, ctx)
	if err != nil {
		return "", err
	}
	if len(key) > MaxFlowKeyBytes {
		sum := sha256.Sum256([]byte(key))
		key = "sha256:" + hex.EncodeToString(sum[:])
	}
	return key, nil
}

// ThrottleWindow is the start of the throttle window that contains t: windows are aligned on
// multiples of period (time.Truncate: whole minutes and hours of UTC), so every process
// computes the same ones.
func ThrottleWindow(t time.Time, period time.Duration) time.Time {
	return t.Truncate(period).UTC()
}

// SimulateFlowControl describes how the definition's flow control would treat an event with
// context ctx at now: each rule that is set, its settings and the key rendered for the event
// (debounce also wouldStartAt, throttle the window the start would count in, if it has room).
// It returns nil when the definition has no flow control.
func SimulateFlowControl(def Definition, ctx Context, now time.Time) map[string]any {
	out := map[string]any{}
	key := func(template string) any {
		k, err := FlowKey(template, ctx)
		if err != nil {
			return "invalid key: " + err.Error()
		}
		return k
	}
	if d := def.Debounce; d != nil {
		rule := map[string]any{"period": d.Period, "keyTemplate": d.KeyTemplate(), "key": key(d.KeyTemplate())}
		if p := d.Duration(); p > 0 {
			rule["wouldStartAt"] = now.Add(p).UTC().Format(time.RFC3339)
		}
		out["debounce"] = rule
	}
	if c := def.Concurrency; c != nil {
		out["concurrency"] = map[string]any{"limit": c.Limit, "keyTemplate": c.KeyTemplate(), "key": key(c.KeyTemplate())}
	}
	if t := def.Throttle; t != nil {
		rule := map[string]any{"limit": t.Limit, "period": t.Period, "keyTemplate": t.KeyTemplate(), "key": key(t.KeyTemplate())}
		if p := t.Duration(); p > 0 {
			rule["window"] = ThrottleWindow(now, p).Format(time.RFC3339)
		}
		out["throttle"] = rule
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// flowControlSchemas are the JSON Schemas of the flow-control keys of a definition.
var flowControlSchemas = func() map[string]Schema {
	period := Schema{"type": "string", "pattern": `^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$`}
	key := Schema{"type": "string", "minLength": 1, "maxLength": MaxFlowKeyTemplate}
	limit := func(maximum int) Schema { return Schema{"type": "integer", "minimum": 1, "maximum": maximum} }
	orNull := func(s Schema) Schema { return Schema{"anyOf": []Schema{{"type": "null"}, s}} }
	return map[string]Schema{
		"debounce":    orNull(SchemaObject(map[string]Schema{"period": period, "key": key}, "period")),
		"concurrency": orNull(SchemaObject(map[string]Schema{"limit": limit(MaxConcurrencyLimit), "key": key}, "limit")),
		"throttle":    orNull(SchemaObject(map[string]Schema{"limit": limit(MaxThrottleLimit), "period": period, "key": key}, "limit", "period")),
	}
}()
