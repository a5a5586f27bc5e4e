package workflow_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

// FuzzEvaluateConditions feeds arbitrary JSON conditions and contexts to the parser and the
// evaluator: they must never panic, must be deterministic, and must agree with Validate's
// structural checks. The seeds run in plain `go test`.
func FuzzEvaluateConditions(f *testing.F) {
	ctx, _ := json.Marshal(sampleContext(TriggerClientStatusChanged))
	seeds := []string{
		`{}`,
		`{"field":"tags","operator":"contains","value":"vip"}`,
		`{"all":[{"field":"status","operator":"in","value":["LEAD","ACTIVE"]},{"not":{"field":"phone","operator":"exists"}}]}`,
		`{"any":[{"field":"createdAt","operator":"lt","value":"2024-01-01T00:00:00Z"},{"field":"status","operator":"changed_to","value":"ACTIVE"}]}`,
		`{"field":"trigger.previous.status","operator":"changed"}`,
		`{"field":"name","operator":"gt","value":3}`,
		`{"all":[]}`,
		`{"not":[1,2]}`,
		`{"field":"","operator":"equals","value":null}`,
		`{"field":"client.tags","operator":"in","value":[[1],{"a":1}]}`,
		`{"all":[{"all":[{"all":[{"all":[{"all":[{"all":[{"all":[{"all":[{"all":[{"all":[{"all":[{"field":"a","operator":"exists"}]}]}]}]}]}]}]}]}]}]}]}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s), ctx)
	}
	f.Add([]byte(`{"field":"a.b","operator":"equals","value":1e308}`), []byte(`{"client":{"a":{"b":1e308}}}`))
	f.Add([]byte(`{"field":"x","operator":"starts_with","value":""}`), []byte(`{"client":{"x":["a"]},"trigger":{"changedFields":"x"}}`))
	f.Fuzz(func(t *testing.T, condsJSON, ctxJSON []byte) {
		var conds map[string]any
		var ctx map[string]any
		if json.Unmarshal(condsJSON, &conds) != nil || json.Unmarshal(ctxJSON, &ctx) != nil {
			return
		}
		passed, ex, err := EvaluateConditions(conds, Context(ctx))
		passed2, ex2, err2 := EvaluateConditions(conds, Context(ctx))
		if passed != passed2 || !reflect.DeepEqual(ex, ex2) || (err == nil) != (err2 == nil) {
			t.Fatal("evaluation is not deterministic")
		}
		if err != nil {
			if passed || ex.Kind != KindInvalid || len(Problems(err)) == 0 {
				t.Fatalf("invalid conditions gave passed=%v kind=%q problems=%v", passed, ex.Kind, Problems(err))
			}
		} else if passed != ex.Passed {
			t.Fatal("result and explanation disagree")
		}
		if _, jerr := json.Marshal(ex); jerr != nil {
			t.Fatalf("explanation is not JSON-serialisable: %v", jerr)
		}
		// Whatever the evaluator accepts, validation's structure checks accept too.
		if perr := ParseConditions(conds); (perr == nil) != (err == nil) {
			t.Fatalf("parser and evaluator disagree: %v vs %v", perr, err)
		}
		_ = Validate(Definition{TriggerType: TriggerClientUpdated, Conditions: conds, Actions: []Action{okTask()}})
	})
}

// FuzzRender feeds arbitrary templates to the renderer and the save-time checks: no panic,
// deterministic output, text without "{{" unchanged, and every template that validates against
// a trigger's context renders against a full context of that trigger (free-form trigger.data
// sub-paths aside, whose presence depends on the payload).
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"", "plain", "Hello {{client.name}}", "{{{client.email}}}", "{{&client.tags}}", "{{client.nope}}",
		"{{#client.tags}}{{.}}{{/client.tags}}", "{{^a}}x{{/a}}", "{{> partial}}", "{{=<% %>=}}<% client.id %>",
		"{{", "}}", "{{}}", "{{{}}}", "{{{a}}", "{{.}}", "{{a..b}}", "{{!comment}}", "{{=| |=}}|a|", "{{= =}}",
		"{{trigger.data}}{{trigger.data.orderId}}", "{{trigger.data.String}}", "{{client.owner.email}}\r\n{{now}}",
		strings.Repeat("{{#a}}", 50), "{{=<% %>=}}<%={{ }}=%>{{client.id}}",
	} {
		f.Add(s)
	}
	ctx := sampleContext(TriggerManual)
	fields := ContextFields(TriggerManual)
	f.Fuzz(func(t *testing.T, s string) {
		out, err := Render(s, ctx)
		out2, err2 := Render(s, ctx)
		if out != out2 || (err == nil) != (err2 == nil) {
			t.Fatal("rendering is not deterministic")
		}
		if !strings.Contains(s, "{{") && (err != nil || out != s) {
			t.Fatalf("literal text changed: %q -> %q, %v", s, out, err)
		}
		perr := CheckPlaceholders("/s", s, TriggerManual, fields)
		names, _ := Placeholders(s)
		dynamic := false // trigger.data.* validates whatever the payload will hold
		for _, n := range names {
			dynamic = dynamic || strings.HasPrefix(n, "trigger.data.")
		}
		if perr == nil && !dynamic && err != nil {
			t.Fatalf("template %q validates but fails to render: %v", s, err)
		}
		if _, err := RenderConfig(map[string]any{"a": []any{s, map[string]any{"b": s}}}, ctx); (err == nil) != (err2 == nil) {
			t.Fatal("RenderConfig and Render disagree")
		}
	})
}
