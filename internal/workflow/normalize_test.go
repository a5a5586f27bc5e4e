package workflow_test

import (
	"reflect"
	"testing"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name string
		in   Definition
		want Definition
	}{
		{
			name: "status shorthand string becomes to",
			in:   def(TriggerClientStatusChanged, map[string]any{"status": "LEAD"}, nil, Action{Type: ActionLogActivity, Config: map[string]any{"message": "m"}}),
			want: def(TriggerClientStatusChanged, map[string]any{"to": []any{"LEAD"}}, nil, Action{Type: ActionLogActivity, Config: map[string]any{"message": "m"}}),
		},
		{
			name: "status shorthand list becomes to",
			in:   def(TriggerClientStatusChanged, map[string]any{"status": []any{"LEAD", "ACTIVE"}, "from": []any{"INACTIVE"}}, nil),
			want: def(TriggerClientStatusChanged, map[string]any{"to": []any{"LEAD", "ACTIVE"}, "from": []any{"INACTIVE"}}, nil),
		},
		{
			name: "status and to conflict left for Validate",
			in:   def(TriggerClientStatusChanged, map[string]any{"status": "LEAD", "to": []any{"ACTIVE"}}, nil),
			want: def(TriggerClientStatusChanged, map[string]any{"status": "LEAD", "to": []any{"ACTIVE"}}, nil),
		},
		{
			name: "status is not a shorthand on other triggers",
			in:   def(TriggerClientCreated, map[string]any{"status": []any{"LEAD"}}, nil),
			want: def(TriggerClientCreated, map[string]any{"status": []any{"LEAD"}}, nil),
		},
		{
			name: "task text becomes title, onError default not written",
			in:   created(leaf("tags", OpContains, "vip"), task(map[string]any{"text": "Call", "priority": "HIGH"})),
			want: created(leaf("tags", OpContains, "vip"), task(map[string]any{"title": "Call", "priority": "HIGH"})),
		},
		{
			name: "text and title conflict left for Validate",
			in:   created(nil, task(map[string]any{"text": "a", "title": "b"})),
			want: created(nil, task(map[string]any{"text": "a", "title": "b"})),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := Normalize(tt.in) // Normalize doubles as a deep copy of the input
			got := Normalize(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Normalize() = %#v, want %#v", got, tt.want)
			}
			if again := Normalize(got); !reflect.DeepEqual(again, got) {
				t.Fatalf("Normalize is not idempotent: %#v", again)
			}
			got.TriggerConfig["mutated"] = true
			if len(got.Actions) > 0 {
				got.Actions[0].Config["mutated"] = true
			}
			if !reflect.DeepEqual(Normalize(tt.in), before) {
				t.Fatal("Normalize result aliases its input")
			}
		})
	}
}
