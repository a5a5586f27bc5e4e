package workflow_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

func TestRender(t *testing.T) {
	ctx := sampleContext(TriggerManual)
	ctx["client"].(map[string]any)["bio"] = `<b>"Ada" & co</b>`
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error  // errors.Is target, if set
		errText string // substring of the error, if set
	}{
		{name: "no placeholder", in: "Hello world", want: "Hello world"},
		{name: "braces without placeholder", in: "{ not a tag }", want: "{ not a tag }"},
		{name: "simple", in: "Hello {{client.name}}", want: "Hello Ada Lovelace"},
		{name: "spaces inside tag", in: "{{ client.name }}", want: "Ada Lovelace"},
		{name: "nested path", in: "{{client.owner.email}}", want: "olivia@crm.test"},
		{name: "derived email domain", in: "domain:{{client.emailDomain}}", want: "domain:example.com"},
		{name: "no HTML escaping", in: "{{client.bio}}", want: `<b>"Ada" & co</b>`},
		{name: "triple mustache", in: "{{{client.bio}}}", want: `<b>"Ada" & co</b>`},
		{name: "list joined", in: "{{client.tags}}", want: "vip, gold"},
		{name: "number without exponent", in: "{{trigger.data.amount}}", want: "99.5"},
		{name: "time as RFC 3339", in: "{{client.createdAt}}", want: "2023-05-01T08:00:00Z"},
		{name: "now", in: "{{now}}", want: "2024-03-01T09:30:00Z"},
		{name: "null renders empty", in: "[{{client.phone}}]", want: "[]"},
		{name: "object as JSON", in: "{{trigger.data}}", want: `{"amount":99.5,"items":["a","b"],"orderId":"o-42"}`},
		{name: "object and its member", in: "{{trigger.data.orderId}} in {{trigger.data}}", want: `o-42 in {"amount":99.5,"items":["a","b"],"orderId":"o-42"}`},
		{name: "comment", in: "a{{! note }}b", want: "ab"},
		{name: "custom delimiters", in: "{{=<% %>=}}<% client.name %> {{literal}}", want: "Ada Lovelace {{literal}}"},
		{name: "repeated placeholder", in: "{{client.id}}-{{client.id}}", want: "11111111-1111-4111-8111-1111111111c1-11111111-1111-4111-8111-1111111111c1"},
		{name: "missing variable", in: "Hi {{client.nickname}}", wantErr: ErrMissingVariable, errText: `"client.nickname"`},
		{name: "missing root", in: "{{document.name}}", wantErr: ErrMissingVariable},
		{name: "dot is not a variable", in: "{{.}}", wantErr: ErrMissingVariable},
		{name: "empty segment", in: "{{client..name}}", wantErr: ErrMissingVariable},
		{name: "section refused", in: "{{#client.tags}}{{.}}{{/client.tags}}", wantErr: ErrUnsupportedTemplate},
		{name: "inverted section refused", in: "{{^client.phone}}none{{/client.phone}}", wantErr: ErrUnsupportedTemplate},
		{name: "partial refused", in: "{{> /etc/passwd}}", wantErr: ErrUnsupportedTemplate},
		{name: "unterminated tag", in: "Hello {{client.name", errText: "unmatched open tag"},
		{name: "empty tag", in: "Hello {{}}", errText: "empty tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Render(tt.in, ctx)
			if tt.wantErr != nil || tt.errText != "" {
				if err == nil {
					t.Fatalf("Render() = %q, want an error", got)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Fatalf("error = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.errText) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatalf("Render() error = %v", err)
			}
			if got != tt.want {
				t.Fatalf("Render() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPlaceholders(t *testing.T) {
	got, err := Placeholders("{{client.name}} <{{ client.email }}> {{client.name}} {{{trigger.data}}}")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"client.name", "client.email", "trigger.data"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Placeholders() = %q, want %q", got, want)
	}
}

func TestReadsClient(t *testing.T) {
	for _, c := range []struct {
		cfg  any
		want bool
	}{
		{map[string]any{"title": "literal", "dueDays": 2}, false},
		{map[string]any{"message": "Workflow {{workflow.name}} ran in {{execution.id}} at {{now}}"}, false},
		{map[string]any{"body": map[string]any{"seen": []any{"{{steps.fetch.output.status}}"}}}, false},
		{map[string]any{"title": "Call {{ client.name }}"}, true},
		{map[string]any{"headers": map[string]string{"X-Was": "{{trigger.previous.status}}"}}, true},
		{map[string]any{"to": []string{"{{client}}"}}, true},
		{map[string]any{"title": "{{#broken}}"}, true}, // rendering reports the template's error
	} {
		if got := ReadsClient(c.cfg); got != c.want {
			t.Errorf("ReadsClient(%v) = %v, want %v", c.cfg, got, c.want)
		}
	}
}

func TestRenderConfig(t *testing.T) {
	ctx := sampleContext(TriggerWebhook)
	cfg := map[string]any{
		"url":     "https://example.com/o/{{trigger.data.orderId}}",
		"headers": map[string]any{"X-Client": "{{client.id}}"},
		"body":    map[string]any{"list": []any{"{{client.name}}", 3.5, true, nil}, "typed": []string{"{{client.status}}"}},
		"n":       2,
	}
	before := DeepCopy(cfg)
	got, err := RenderConfig(cfg, ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"url":     "https://example.com/o/o-42",
		"headers": map[string]any{"X-Client": "11111111-1111-4111-8111-1111111111c1"},
		"body":    map[string]any{"list": []any{"Ada Lovelace", 3.5, true, nil}, "typed": []string{"ACTIVE"}},
		"n":       2,
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("RenderConfig() = %#v, want %#v", got, want)
	}
	if !reflect.DeepEqual(cfg, before) {
		t.Fatal("RenderConfig modified its input")
	}

	_, err = RenderConfig(map[string]any{"body": map[string]any{"a": []any{"ok", "{{client.nope}}"}}}, ctx)
	if !errors.Is(err, ErrMissingVariable) || !strings.Contains(err.Error(), "/body/a/1") {
		t.Fatalf("error = %v, want a missing variable at /body/a/1", err)
	}
}
