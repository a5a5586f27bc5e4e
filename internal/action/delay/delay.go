// Package delay is the DELAY action: the execution parks as PENDING until the wake time, so
// the delay survives restarts. It has no effect of its own.
package delay

import (
	"strings"
	"time"

	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/workflow"
)

const maxDelay = 365 * 24 * time.Hour

// Config is a rendered DELAY config: exactly one of Duration (from minutes, hours or days)
// and Until is set.
type Config struct {
	Duration time.Duration `json:"duration,omitempty"`
	Until    time.Time     `json:"until,omitzero"`
}

// Type is DELAY.
type Type struct{}

var _ action.Sleeper = Type{}

// Type implements workflow.ActionKind.
func (Type) Type() workflow.ActionType { return workflow.ActionDelay }

// Effect implements workflow.ActionKind.
func (Type) Effect() string { return "wouldDelay" }

// ConfigSchema implements workflow.ConfigSchemaer: exactly one of minutes, hours, days, until.
func (Type) ConfigSchema() workflow.Schema {
	s := workflow.SchemaObject(map[string]workflow.Schema{
		"minutes": workflow.SchemaNumber, "hours": workflow.SchemaNumber, "days": workflow.SchemaNumber, "until": workflow.SchemaString,
	})
	s["minProperties"], s["maxProperties"] = 1, 1
	return s
}

// Output implements workflow.ActionKind.
func (Type) Output() map[string]workflow.FieldType {
	return map[string]workflow.FieldType{"until": workflow.FieldTime, "delayMs": workflow.FieldNumber}
}

// WakeTime implements action.Sleeper: now plus the duration, or the until time (which may
// already have passed).
func (Type) WakeTime(now time.Time, decoded any) time.Time {
	cfg := decoded.(Config)
	if !cfg.Until.IsZero() {
		return cfg.Until.UTC()
	}
	return now.Add(cfg.Duration)
}

// Preview implements workflow.ActionKind: the simulated clock moves to the wake time.
func (t Type) Preview(decoded any, _ workflow.Context, now time.Time) (map[string]any, time.Time) {
	until := t.WakeTime(now, decoded)
	details := map[string]any{"until": until.UTC().Format(time.RFC3339)}
	if until.After(now) {
		return details, until
	}
	return details, now
}

var delayUnits = []struct {
	key  string
	unit time.Duration
}{{"minutes", time.Minute}, {"hours", time.Hour}, {"days", 24 * time.Hour}}

// Check implements workflow.ActionKind: exactly one of {minutes}, {hours}, {days}, {until}.
func (Type) Check(c *workflow.ConfigChecker, cfg map[string]any, base string) any {
	c.Object(cfg, base, "minutes", "hours", "days", "until")
	var out Config
	var given []string
	for _, k := range []string{"minutes", "hours", "days", "until"} {
		if v, found := cfg[k]; found && v != nil {
			given = append(given, k)
		}
	}
	switch {
	case len(given) == 0:
		c.Problemf(base, "exactly one of minutes, hours, days or until is required")
		return out
	case len(given) > 1:
		c.Problemf(base, "use exactly one of minutes, hours, days or until, got %s", strings.Join(given, " and "))
		return out
	}
	if given[0] == "until" {
		if s, ok := c.String(cfg, base, "until", true); ok {
			path := workflow.Pointer(base, "until")
			if !c.SingleLine(path, s) || c.Dynamic(s) {
				return out
			}
			t, ok := workflow.ParseTime(s)
			if !ok {
				c.Problemf(path, "until must be an RFC 3339 time like \"2024-01-31T09:00:00Z\", got %q", s)
				return out
			}
			out.Until = t
		}
		return out
	}
	for _, u := range delayUnits {
		if u.key != given[0] {
			continue
		}
		f, ok := c.Number(cfg, base, u.key)
		if !ok {
			return out
		}
		path := workflow.Pointer(base, u.key)
		limit := float64(maxDelay / u.unit)
		switch {
		case f <= 0:
			c.Problemf(path, "%s must be greater than 0, got %s", u.key, workflow.FormatNumber(f))
		case f > limit:
			c.Problemf(path, "at most %s %s (365 days), got %s", workflow.FormatNumber(limit), u.key, workflow.FormatNumber(f))
		default:
			out.Duration = time.Duration(f * float64(u.unit))
		}
	}
	return out
}
