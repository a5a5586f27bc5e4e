package workflow_test

import (
	"reflect"
	"testing"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

func TestIsSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"Authorization": true, "X-Api-Key": true, "x-auth-token": true, "X-Client-Secret": true, "Cookie": true,
		"Content-Type": false, "X-Request-Id": false, "Accept": false,
	} {
		if got := IsSecretName(name); got != want {
			t.Errorf("IsSecretName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestRedactConfig(t *testing.T) {
	tests := []struct {
		name string
		t    ActionType
		in   map[string]any
		want map[string]any
	}{
		{
			name: "webhook headers, url and body",
			t:    ActionSendWebhook,
			in: map[string]any{
				"url":     "https://user:pw@example.com/h?api_key=abc&page=2",
				"headers": map[string]any{"Authorization": "Bearer x", "X-Api-Key": "k", "X-Trace": "t"},
				"body":    map[string]any{"password": "p", "nested": []any{map[string]any{"accessToken": "a", "id": 1}}},
			},
			want: map[string]any{
				"url":     "https://user:***@example.com/h?api_key=***&page=2",
				"headers": map[string]any{"Authorization": Redacted, "X-Api-Key": Redacted, "X-Trace": "t"},
				"body":    map[string]any{"password": Redacted, "nested": []any{map[string]any{"accessToken": Redacted, "id": 1}}},
			},
		},
		{name: "typed headers", t: ActionSendWebhook, in: map[string]any{"headers": map[string]string{"X-Token": "t"}},
			want: map[string]any{"headers": map[string]string{"X-Token": Redacted}}},
		{name: "other actions unchanged", t: ActionSendEmail, in: map[string]any{"to": "a@example.com", "subject": "token"},
			want: map[string]any{"to": "a@example.com", "subject": "token"}},
		{name: "nil config", t: ActionSendWebhook, in: nil, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := DeepCopy(tt.in)
			got := RedactConfig(tt.t, tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("RedactConfig() = %#v, want %#v", got, tt.want)
			}
			if !reflect.DeepEqual(tt.in, before) {
				t.Fatal("RedactConfig modified its input")
			}
		})
	}
}

func TestRedactActions(t *testing.T) {
	in := []Action{{Type: ActionSendWebhook, Name: "hook", Config: map[string]any{"headers": map[string]any{"Authorization": "x"}}, Retry: &RetryPolicy{MaxAttempts: 2}}}
	out := RedactActions(in)
	if out[0].Config["headers"].(map[string]any)["Authorization"] != Redacted || out[0].Name != "hook" || out[0].Retry.MaxAttempts != 2 {
		t.Fatalf("RedactActions() = %+v", out)
	}
	if in[0].Config["headers"].(map[string]any)["Authorization"] != "x" || out[0].Retry == in[0].Retry {
		t.Fatal("RedactActions aliases its input")
	}
}

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/hook?token=abc&x=1&api_key=zz": "https://example.com/hook?token=***&x=1&api_key=***",
		"https://user:pw@example.com/h?page=2":              "https://user:***@example.com/h?page=2",
		"https://user:abc@SECRET@example.com/":              "https://user:***@example.com/",
		"https://example.com/h?x=%41&token=a%26b#frag":      "https://example.com/h?x=%41&token=***#frag",
		"https://example.com/plain":                         "https://example.com/plain",
		"not a url at all %zz":                              "not a url at all %zz",
	} {
		if got := RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}
