package workflow_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/action/createtask"
	"github.com/flowline/flowline/internal/action/delay"
	"github.com/flowline/flowline/internal/action/logactivity"
	_ "github.com/flowline/flowline/internal/action/registry"
	"github.com/flowline/flowline/internal/action/sendemail"
	"github.com/flowline/flowline/internal/action/sendwebhook"
	"github.com/flowline/flowline/internal/action/tag"
	"github.com/flowline/flowline/internal/action/updateclient"
	. "github.com/flowline/flowline/internal/workflow"
)

func TestDecodeConfig(t *testing.T) {
	until := time.Date(2024, 4, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		t    ActionType
		cfg  map[string]any
		want any
	}{
		{name: "email", t: ActionSendEmail, cfg: map[string]any{"to": "Ada <ada@example.com>", "cc": []any{"b@example.com"}, "subject": "Hi", "body": "Text"},
			want: sendemail.Config{To: "Ada <ada@example.com>", Cc: []string{"b@example.com"}, Subject: "Hi", Body: "Text"}},
		{name: "email with template id only", t: ActionSendEmail, cfg: map[string]any{"to": "a@example.com", "subject": "Hi", "templateId": "welcome"},
			want: sendemail.Config{To: "a@example.com", Subject: "Hi", TemplateID: "welcome"}},
		{name: "task defaults", t: ActionCreateTask, cfg: map[string]any{"title": "Call"}, want: createtask.Config{Title: "Call", Priority: "MEDIUM"}},
		{name: "task from seed text and rendered number", t: ActionCreateTask, cfg: map[string]any{"text": "Call", "priority": "HIGH", "dueDays": "3", "assignee": "01900000-0000-7000-8000-000000000002"},
			want: createtask.Config{Title: "Call", Priority: "HIGH", DueDays: 3, Assignee: "01900000-0000-7000-8000-000000000002"}},
		{name: "task json number", t: ActionCreateTask, cfg: map[string]any{"title": "Call", "dueDays": json.Number("7")},
			want: createtask.Config{Title: "Call", Priority: "MEDIUM", DueDays: 7}},
		{name: "update client", t: ActionUpdateClient, cfg: map[string]any{"set": map[string]any{"status": "CHURNED", "tags": []any{"a", "b"}, "phone": nil}},
			want: updateclient.Config{Set: map[string]any{"status": "CHURNED", "tags": []string{"a", "b"}, "phone": nil}}},
		{name: "tag", t: ActionAddTag, cfg: map[string]any{"tag": "vip"}, want: tag.Config{Tag: "vip"}},
		{name: "webhook defaults", t: ActionSendWebhook, cfg: map[string]any{"url": "https://example.com/h", "body": map[string]any{"a": 1.0}},
			want: sendwebhook.Config{URL: "https://example.com/h", Method: "POST", Body: map[string]any{"a": 1.0}}},
		{name: "webhook headers", t: ActionSendWebhook, cfg: map[string]any{"url": "http://example.com", "method": "PATCH", "headers": map[string]any{"X-Api-Key": "k"}},
			want: sendwebhook.Config{URL: "http://example.com", Method: "PATCH", Headers: map[string]string{"X-Api-Key": "k"}}},
		{name: "delay minutes", t: ActionDelay, cfg: map[string]any{"minutes": 90}, want: delay.Config{Duration: 90 * time.Minute}},
		{name: "delay fractional hours", t: ActionDelay, cfg: map[string]any{"hours": 1.5}, want: delay.Config{Duration: 90 * time.Minute}},
		{name: "delay days", t: ActionDelay, cfg: map[string]any{"days": 2}, want: delay.Config{Duration: 48 * time.Hour}},
		{name: "delay until", t: ActionDelay, cfg: map[string]any{"until": "2024-04-01T10:00:00+02:00"}, want: delay.Config{Until: until}},
		{name: "log activity", t: ActionLogActivity, cfg: map[string]any{"message": "Done"}, want: logactivity.Config{Message: "Done"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeConfig(tt.t, tt.cfg)
			if err != nil {
				t.Fatalf("DecodeConfig() error = %v", err)
			}
			if d, ok := got.(delay.Config); ok && !d.Until.IsZero() {
				if !d.Until.Equal(tt.want.(delay.Config).Until) {
					t.Fatalf("until = %v, want %v", d.Until, tt.want.(delay.Config).Until)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("DecodeConfig() = %#v, want %#v", got, tt.want)
			}
		})
	}
}

// After rendering, values come from CRM data; DecodeConfig must catch what data can break.
func TestDecodeConfigRejectsRenderedValues(t *testing.T) {
	tests := []struct {
		name string
		t    ActionType
		cfg  map[string]any
		path string
	}{
		{name: "header injection through a rendered subject", t: ActionSendEmail, cfg: map[string]any{"to": "a@example.com", "subject": "Hi\r\nBcc: x@evil.test", "body": "b"}, path: "/subject"},
		{name: "rendered recipient is not an address", t: ActionSendEmail, cfg: map[string]any{"to": "", "subject": "s", "body": "b"}, path: "/to"},
		{name: "braces are data after rendering", t: ActionSendEmail, cfg: map[string]any{"to": "{{client.email}}", "subject": "s", "body": "b"}, path: "/to"},
		{name: "empty rendered tag", t: ActionAddTag, cfg: map[string]any{"tag": ""}, path: "/tag"},
		{name: "rendered due days not a number", t: ActionCreateTask, cfg: map[string]any{"title": "t", "dueDays": "soon"}, path: "/dueDays"},
		{name: "rendered webhook url to another scheme", t: ActionSendWebhook, cfg: map[string]any{"url": "file:///etc/passwd"}, path: "/url"},
		{name: "webhook method without a body", t: ActionSendWebhook, cfg: map[string]any{"url": "https://example.com", "method": "GET"}, path: "/method"},
		{name: "rendered header value with newline", t: ActionSendWebhook, cfg: map[string]any{"url": "https://example.com", "headers": map[string]any{"X-A": "a\nb"}}, path: "/headers/X-A"},
		{name: "rendered until not a time", t: ActionDelay, cfg: map[string]any{"until": ""}, path: "/until"},
		{name: "unknown key", t: ActionLogActivity, cfg: map[string]any{"message": "m", "level": "info"}, path: "/level"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeConfig(tt.t, tt.cfg)
			if got := problemPaths(err); !equalStrings(got, []string{tt.path}) {
				t.Fatalf("problem paths = %q, want [%q] (error: %v)", got, tt.path, err)
			}
			if !strings.Contains(err.Error(), "decode "+string(tt.t)+" config") {
				t.Fatalf("error %q lacks context", err)
			}
		})
	}
	if _, err := DecodeConfig("NOPE", nil); err == nil {
		t.Fatal("DecodeConfig accepted an unknown type")
	}
}

func TestEffectiveOnError(t *testing.T) {
	if got := (Action{}).EffectiveOnError(); got != OnErrorStop {
		t.Fatalf("default onError = %q", got)
	}
	if got := (Action{OnError: OnErrorContinue}).EffectiveOnError(); got != OnErrorContinue {
		t.Fatalf("onError = %q", got)
	}
}
