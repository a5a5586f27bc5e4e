package workflow_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	. "github.com/flowline/flowline/internal/workflow"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// slots lists a schedule's slots in (from, to].
func slots(t *testing.T, cfg map[string]any, from, to string) []string {
	t.Helper()
	s, err := ParseSchedule(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for at := s.Next(utc(from)); !at.After(utc(to)); at = s.Next(at) {
		out = append(out, at.UTC().Format(time.RFC3339))
	}
	return out
}

// TestScheduleDaylightSaving pins the rule in Europe/Paris: a slot in the skipped hour
// (31 March 2024, 02:00–02:59 does not exist) runs once at the transition, 03:00 local
// (01:00 UTC); a slot in the repeated hour (27 October 2024, 02:00–02:59 happens twice) runs
// once, at its first occurrence (summer time). Nothing is lost, nothing runs twice.
func TestScheduleDaylightSaving(t *testing.T) {
	paris := func(cron string) map[string]any { return map[string]any{"cron": cron, "timezone": "Europe/Paris"} }
	tests := []struct {
		name     string
		cfg      map[string]any
		from, to string
		want     []string
	}{
		{name: "spring: daily 02:30 runs at 03:00", cfg: paris("30 2 * * *"), from: "2024-03-30T12:00:00Z", to: "2024-04-01T12:00:00Z",
			want: []string{"2024-03-31T01:00:00Z", "2024-04-01T00:30:00Z"}},
		{name: "spring: every 30 minutes, the skipped slots collapse into 03:00", cfg: paris("*/30 * * * *"), from: "2024-03-31T00:10:00Z", to: "2024-03-31T01:40:00Z",
			want: []string{"2024-03-31T00:30:00Z", "2024-03-31T01:00:00Z", "2024-03-31T01:30:00Z"}},
		{name: "fall: daily 02:30 runs once, in summer time", cfg: paris("30 2 * * *"), from: "2024-10-26T12:00:00Z", to: "2024-10-28T12:00:00Z",
			want: []string{"2024-10-27T00:30:00Z", "2024-10-28T01:30:00Z"}},
		{name: "fall: hourly skips the second 02:00", cfg: paris("0 * * * *"), from: "2024-10-26T22:30:00Z", to: "2024-10-27T03:00:00Z",
			want: []string{"2024-10-26T23:00:00Z", "2024-10-27T00:00:00Z", "2024-10-27T02:00:00Z", "2024-10-27T03:00:00Z"}},
		{name: "fall: every 30 minutes, the repeated hour runs once", cfg: paris("*/30 * * * *"), from: "2024-10-26T23:50:00Z", to: "2024-10-27T02:30:00Z",
			want: []string{"2024-10-27T00:00:00Z", "2024-10-27T00:30:00Z", "2024-10-27T02:00:00Z", "2024-10-27T02:30:00Z"}},
		{name: "UTC has no transitions", cfg: map[string]any{"cron": "30 2 * * *"}, from: "2024-03-30T12:00:00Z", to: "2024-04-01T12:00:00Z",
			want: []string{"2024-03-31T02:30:00Z", "2024-04-01T02:30:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := slots(t, tt.cfg, tt.from, tt.to); !slices.Equal(got, tt.want) {
				t.Fatalf("slots = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestScheduleCatchUp(t *testing.T) {
	for cfg, want := range map[string]string{"": CatchUpOnce, "ONCE": CatchUpOnce, "SKIP": CatchUpSkip} {
		in := map[string]any{"cron": "@hourly"}
		if cfg != "" {
			in["catchUp"] = cfg
		}
		s, err := ParseSchedule(in)
		if err != nil || s.CatchUp != want {
			t.Fatalf("catchUp %q: %v, %v", cfg, s, err)
		}
	}
	err := Validate(Definition{TriggerType: TriggerScheduled, TriggerConfig: map[string]any{"cron": "@hourly", "catchUp": "ALL"}})
	if !slices.Contains(problemPaths(err), "/triggerConfig/catchUp") {
		t.Fatalf("catchUp ALL: %v", err)
	}
}

func TestClientDateOccurrences(t *testing.T) {
	parse := func(cfg map[string]any) *ClientDate {
		t.Helper()
		d, err := ParseClientDate(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	renewal := parse(map[string]any{"field": "custom.renewalDate", "offsetDays": -3, "at": "09:00", "timezone": "Europe/Paris"})
	client := map[string]any{"custom": map[string]any{"renewalDate": "2027-01-31"}, "createdAt": "2026-01-01T10:00:00Z"}
	base, ok := renewal.BaseDate(client)
	if !ok || base.Format(time.DateOnly) != "2027-01-31" {
		t.Fatalf("base date %v %v", base, ok)
	}
	date, due, ok := renewal.Next(base, utc("2026-06-01T00:00:00Z"))
	if !ok || date.Format(time.DateOnly) != "2027-01-31" || !due.Equal(utc("2027-01-28T08:00:00Z")) {
		t.Fatalf("Next = %v %v %v, want 2027-01-28 09:00 Paris", date, due, ok)
	}
	if _, _, ok := renewal.Next(base, utc("2027-01-28T08:00:00Z")); ok {
		t.Fatal("a one-off date has an occurrence after it ran")
	}
	// A DATETIME is read on its date in the trigger's zone: 23:30 UTC is the next day in Paris.
	dt := map[string]any{"custom": map[string]any{"renewalDate": "2027-01-30T23:30:00Z"}}
	if base, _ := renewal.BaseDate(dt); base.Format(time.DateOnly) != "2027-01-31" {
		t.Fatalf("DATETIME base date %v", base)
	}
	// At 02:30 on the day the clocks go forward: 03:00 local.
	gap := parse(map[string]any{"field": "createdAt", "at": "02:30", "timezone": "Europe/Paris"})
	if got := gap.Due(utc("2024-03-31T00:00:00Z")); !got.Equal(utc("2024-03-31T01:00:00Z")) {
		t.Fatalf("due in the skipped hour = %v", got)
	}
	// Yearly: every anniversary; 29 February falls on 28 February in other years.
	yearly := parse(map[string]any{"field": "createdAt", "yearly": true})
	leap := utc("2024-02-29T00:00:00Z")
	var got []string
	after := utc("2024-01-01T00:00:00Z")
	for range 3 {
		d, due, ok := yearly.Next(leap, after)
		if !ok {
			t.Fatal("no anniversary")
		}
		got = append(got, d.Format(time.DateOnly))
		after = due
	}
	if want := []string{"2024-02-29", "2025-02-28", "2026-02-28"}; !slices.Equal(got, want) {
		t.Fatalf("anniversaries %v, want %v", got, want)
	}
}

func TestClientDateValidation(t *testing.T) {
	cat := Catalog{CustomFields: map[string]FieldType{"renewalDate": FieldTime, "tier": FieldString}}
	tests := []struct {
		name string
		cfg  map[string]any
		path string
		msg  string
	}{
		{"missing field", map[string]any{}, "/triggerConfig/field", "required"},
		{"unknown custom field", map[string]any{"field": "custom.nope"}, "/triggerConfig/field", "unknown custom field"},
		{"not a date field", map[string]any{"field": "custom.tier"}, "/triggerConfig/field", "not a DATE or DATETIME"},
		{"a built-in that is not createdAt", map[string]any{"field": "email"}, "/triggerConfig/field", "createdAt"},
		{"bad at", map[string]any{"field": "createdAt", "at": "9am"}, "/triggerConfig/at", "HH:MM"},
		{"at out of range", map[string]any{"field": "createdAt", "at": "24:00"}, "/triggerConfig/at", "HH:MM"},
		{"bad timezone", map[string]any{"field": "createdAt", "timezone": "Mars/Olympus"}, "/triggerConfig/timezone", "unknown time zone"},
		{"fractional offset", map[string]any{"field": "createdAt", "offsetDays": 1.5}, "/triggerConfig/offsetDays", "whole number"},
		{"offset too far", map[string]any{"field": "createdAt", "offsetDays": 4000}, "/triggerConfig/offsetDays", "whole number"},
		{"yearly not a bool", map[string]any{"field": "createdAt", "yearly": "yes"}, "/triggerConfig/yearly", "true or false"},
		{"unknown key", map[string]any{"field": "createdAt", "every": "day"}, "/triggerConfig/every", "unknown key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateWith(Definition{TriggerType: TriggerClientDate, TriggerConfig: tt.cfg}, cat)
			if err == nil || !slices.Contains(problemPaths(err), tt.path) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("problems %v (%v), want %s: ...%s...", problemPaths(err), err, tt.path, tt.msg)
			}
		})
	}
	ok := map[string]any{"field": "custom.renewalDate", "offsetDays": -3, "at": "09:00", "timezone": "Europe/Paris", "yearly": false}
	if err := ValidateWith(Definition{TriggerType: TriggerClientDate, TriggerConfig: ok,
		Actions: []Action{{Type: ActionCreateTask, Config: map[string]any{"title": "Renewal of {{client.name}} on {{trigger.data.date}}"}}}}, cat); err != nil {
		t.Fatalf("valid config refused: %v", err)
	}
}
