package workflow_test

import (
	"errors"
	"slices"
	"testing"

	. "github.com/flowline/flowline/internal/workflow"
)

// TestValidateEnrollmentAndGoal: the enrollment rule and the goal are checked at save with
// JSON pointers to the offending value.
func TestValidateEnrollmentAndGoal(t *testing.T) {
	cat := Catalog{CustomFields: map[string]FieldType{"tier": FieldString}}
	updated := func(enrollment, goal map[string]any) Definition {
		d := def(TriggerClientUpdated, map[string]any{}, nil, okTask())
		d.Enrollment, d.Goal = enrollment, goal
		return d
	}
	tests := []struct {
		name  string
		def   Definition
		paths []string
	}{
		{"no rule", updated(nil, nil), nil},
		{"every time", updated(map[string]any{"mode": "EVERY_TIME"}, nil), nil},
		{"once with fields", updated(map[string]any{"mode": "ONCE", "reenrollOn": []any{"status", "custom.tier"}}, nil), nil},
		{"one active", updated(map[string]any{"mode": "ONE_ACTIVE"}, leaf("client.custom.tier", OpEquals, "gold")), nil},
		{"unknown mode", updated(map[string]any{"mode": "TWICE"}, nil), []string{"/enrollment/mode"}},
		{"missing mode", updated(map[string]any{"reenrollOn": []any{"status"}}, nil), []string{"/enrollment/mode"}},
		{"unknown key", updated(map[string]any{"mode": "ONCE", "every": true}, nil), []string{"/enrollment/every"}},
		{"unknown field", updated(map[string]any{"mode": "ONCE", "reenrollOn": []any{"status", "custom.nope", 3}}, nil),
			[]string{"/enrollment/reenrollOn/1", "/enrollment/reenrollOn/2"}},
		{"duplicate field", updated(map[string]any{"mode": "ONCE", "reenrollOn": []any{"status", "status"}}, nil), []string{"/enrollment/reenrollOn/1"}},
		{"not a list", updated(map[string]any{"mode": "ONCE", "reenrollOn": "status"}, nil), []string{"/enrollment/reenrollOn"}},
		{"reenrollOn without ONCE", updated(map[string]any{"mode": "ONE_ACTIVE", "reenrollOn": []any{"status"}}, nil), []string{"/enrollment/reenrollOn"}},
		{"scheduled once", Definition{TriggerType: TriggerScheduled, TriggerConfig: map[string]any{"cron": "@daily"},
			Actions: []Action{plainTask()}, Enrollment: map[string]any{"mode": "ONCE"}}, []string{"/enrollment/mode"}},
		{"goal on an unknown field", updated(nil, leaf("client.nope", OpEquals, "x")), []string{"/goal/field"}},
		{"goal of the wrong type", updated(nil, leaf("client.status", OpEquals, "GOLD")), []string{"/goal/value"}},
		{"goal not a condition", updated(nil, map[string]any{"sometimes": true}), []string{"/goal", "/goal/sometimes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateWith(tt.def, cat)
			var ve *ValidationError
			if tt.paths == nil {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			if !errors.As(err, &ve) {
				t.Fatalf("want a ValidationError at %v, got %v", tt.paths, err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Path)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.paths) {
				t.Errorf("paths %v, want %v (%v)", got, tt.paths, err)
			}
		})
	}
}
