package workflow_test

import (
	"reflect"
	"testing"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

func TestLoopWarnings(t *testing.T) {
	setStatus := func(s string) Action {
		return Action{Type: ActionUpdateClient, Config: map[string]any{"set": map[string]any{"status": s}}}
	}
	tests := []struct {
		name string
		def  Definition
		want []string
	}{
		{name: "status write on status change", def: def(TriggerClientStatusChanged, map[string]any{}, nil, okTask(), okTask(), setStatus("ACTIVE")),
			want: []string{"action 2 (UPDATE_CLIENT) writes client.status, which this workflow's CLIENT_STATUS_CHANGED trigger listens to: it may trigger itself"}},
		{name: "status write excluded by to filter", def: def(TriggerClientStatusChanged, map[string]any{"to": []any{"LEAD"}}, nil, setStatus("ACTIVE"))},
		{name: "status write matching shorthand", def: def(TriggerClientStatusChanged, map[string]any{"status": "ACTIVE"}, nil, setStatus("ACTIVE")),
			want: []string{"action 0 (UPDATE_CLIENT) writes client.status, which this workflow's CLIENT_STATUS_CHANGED trigger listens to: it may trigger itself"}},
		{name: "templated status write", def: def(TriggerClientStatusChanged, map[string]any{"to": []any{"LEAD"}}, nil, setStatus("{{trigger.oldStatus}}")),
			want: []string{"action 0 (UPDATE_CLIENT) writes client.status, which this workflow's CLIENT_STATUS_CHANGED trigger listens to: it may trigger itself"}},
		{name: "tag on any update", def: def(TriggerClientUpdated, map[string]any{}, nil, Action{Type: ActionAddTag, Config: map[string]any{"tag": "x"}}),
			want: []string{"action 0 (ADD_TAG) writes client.tags, which this workflow's CLIENT_UPDATED trigger listens to: it may trigger itself"}},
		{name: "update of another field", def: def(TriggerClientUpdated, map[string]any{"fields": []any{"email"}}, nil,
			Action{Type: ActionRemoveTag, Config: map[string]any{"tag": "x"}}, setStatus("ACTIVE"))},
		{name: "several fields on update", def: def(TriggerClientUpdated, map[string]any{"fields": []any{"name", "status"}}, nil,
			Action{Type: ActionUpdateClient, Config: map[string]any{"set": map[string]any{"status": "LEAD", "name": "x", "phone": "1"}}}),
			want: []string{
				"action 0 (UPDATE_CLIENT) writes client.name, which this workflow's CLIENT_UPDATED trigger listens to: it may trigger itself",
				"action 0 (UPDATE_CLIENT) writes client.status, which this workflow's CLIENT_UPDATED trigger listens to: it may trigger itself",
			}},
		{name: "created trigger cannot loop", def: created(nil, setStatus("ACTIVE"), Action{Type: ActionAddTag, Config: map[string]any{"tag": "x"}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LoopWarnings(tt.def); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("LoopWarnings() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWriteTargets(t *testing.T) {
	got := WriteTargets(Action{Type: ActionUpdateClient, Config: map[string]any{"set": map[string]any{"tags": []any{}, "status": "LEAD", "bogus": 1}}})
	if want := []string{"status", "tags"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("WriteTargets() = %q, want %q", got, want)
	}
	if got := WriteTargets(okTask()); got != nil {
		t.Fatalf("CREATE_TASK writes %q", got)
	}
}
