package workflow_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

func TestMatchTrigger(t *testing.T) {
	statusEvent := func(from, to string) Event {
		ev := sampleEvent(TriggerClientStatusChanged)
		ev.OldStatus, ev.NewStatus = from, to
		return ev
	}
	docEvent := func(ct string) Event {
		ev := sampleEvent(TriggerDocumentUploaded)
		ev.Document["contentType"] = ct
		return ev
	}
	tests := []struct {
		name string
		t    TriggerType
		cfg  map[string]any
		ev   Event
		want bool
	}{
		{name: "other event type", t: TriggerClientCreated, ev: sampleEvent(TriggerClientUpdated), want: false},
		{name: "unknown trigger type", t: "NOPE", ev: Event{Type: "NOPE"}, want: false},
		{name: "created without filter", t: TriggerClientCreated, cfg: map[string]any{}, ev: sampleEvent(TriggerClientCreated), want: true},
		{name: "created status filter hit", t: TriggerClientCreated, cfg: map[string]any{"status": []any{"ACTIVE"}}, ev: sampleEvent(TriggerClientCreated), want: true},
		{name: "created status filter miss", t: TriggerClientCreated, cfg: map[string]any{"status": []any{"LEAD"}}, ev: sampleEvent(TriggerClientCreated), want: false},
		{name: "updated any field", t: TriggerClientUpdated, ev: sampleEvent(TriggerClientUpdated), want: true},
		{name: "updated listed field", t: TriggerClientUpdated, cfg: map[string]any{"fields": []any{"phone", "email"}}, ev: sampleEvent(TriggerClientUpdated), want: true},
		{name: "updated other field", t: TriggerClientUpdated, cfg: map[string]any{"fields": []any{"status"}}, ev: sampleEvent(TriggerClientUpdated), want: false},
		{name: "updated nothing changed", t: TriggerClientUpdated, ev: Event{Type: TriggerClientUpdated, Client: map[string]any{"name": "a"}}, want: false},
		{name: "updated fields derived from previous", t: TriggerClientUpdated, cfg: map[string]any{"fields": []any{"name"}},
			ev: Event{Type: TriggerClientUpdated, Client: map[string]any{"name": "b"}, Previous: map[string]any{"name": "a"}}, want: true},
		{name: "status shorthand hit", t: TriggerClientStatusChanged, cfg: map[string]any{"status": "ACTIVE"}, ev: statusEvent("LEAD", "ACTIVE"), want: true},
		{name: "status shorthand means to", t: TriggerClientStatusChanged, cfg: map[string]any{"status": "LEAD"}, ev: statusEvent("LEAD", "ACTIVE"), want: false},
		{name: "status from and to", t: TriggerClientStatusChanged, cfg: map[string]any{"from": []any{"LEAD"}, "to": []any{"ACTIVE", "INACTIVE"}}, ev: statusEvent("LEAD", "ACTIVE"), want: true},
		{name: "status from miss", t: TriggerClientStatusChanged, cfg: map[string]any{"from": []any{"CHURNED"}}, ev: statusEvent("LEAD", "ACTIVE"), want: false},
		{name: "status from Previous and Client", t: TriggerClientStatusChanged, cfg: map[string]any{"from": []any{"LEAD"}, "to": []any{"ACTIVE"}},
			ev: Event{Type: TriggerClientStatusChanged, Client: map[string]any{"status": "ACTIVE"}, Previous: map[string]any{"status": "LEAD"}}, want: true},
		{name: "content type exact", t: TriggerDocumentUploaded, cfg: map[string]any{"contentTypes": []any{"application/pdf"}}, ev: docEvent("application/pdf"), want: true},
		{name: "content type wildcard with parameters", t: TriggerDocumentUploaded, cfg: map[string]any{"contentTypes": []any{"image/*"}}, ev: docEvent("Image/PNG; q=1"), want: true},
		{name: "content type miss", t: TriggerDocumentUploaded, cfg: map[string]any{"contentTypes": []any{"image/*"}}, ev: docEvent("application/pdf"), want: false},
		{name: "content type any", t: TriggerDocumentUploaded, cfg: map[string]any{"contentTypes": []any{"*/*"}}, ev: docEvent("text/plain"), want: true},
		{name: "task priority hit", t: TriggerTaskCompleted, cfg: map[string]any{"priority": []any{"HIGH", "URGENT"}}, ev: sampleEvent(TriggerTaskCompleted), want: true},
		{name: "task priority miss", t: TriggerTaskCompleted, cfg: map[string]any{"priority": []any{"LOW"}}, ev: sampleEvent(TriggerTaskCompleted), want: false},
		{name: "scheduled", t: TriggerScheduled, cfg: map[string]any{"cron": "@daily"}, ev: Event{Type: TriggerScheduled}, want: true},
		{name: "manual", t: TriggerManual, ev: sampleEvent(TriggerManual), want: true},
		{name: "webhook", t: TriggerWebhook, ev: sampleEvent(TriggerWebhook), want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MatchTrigger(tt.t, tt.cfg, tt.ev); got != tt.want {
				t.Fatalf("MatchTrigger() = %v, want %v", got, tt.want)
			}
		})
	}
}

type fakeUUID [2]byte

func (u fakeUUID) String() string { return "uuid-0102" }

func TestBuildContext(t *testing.T) {
	ev := sampleEvent(TriggerClientUpdated)
	ev.Client["id"] = fakeUUID{1, 2}
	ev.ChangedFields = nil // derived from Previous
	ctx := BuildContext(ev, "wf1", "Flow", "ex1", testNow.In(time.FixedZone("X", 3600)))
	checks := map[string]any{
		"client.id":              "uuid-0102",
		"client.emailDomain":     "example.com",
		"client.tags":            []any{"vip", "gold"},
		"client.createdAt":       "2023-05-01T08:00:00Z",
		"client.owner.name":      "Olivia Owner",
		"trigger.type":           "CLIENT_UPDATED",
		"trigger.changedFields":  []any{"email"},
		"trigger.previous.email": "ada@old.test",
		"workflow.name":          "Flow",
		"workflow.id":            "wf1",
		"execution.id":           "ex1",
		"now":                    "2024-03-01T09:30:00Z",
	}
	for path, want := range checks {
		got, ok := ctx.Lookup(path)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v (found %v), want %#v", path, got, ok, want)
		}
	}
	ev.Client["name"] = "changed"
	if got, _ := ctx.Lookup("client.name"); got != "Ada Lovelace" {
		t.Errorf("context aliases the event: client.name = %v", got)
	}
	if _, ok := ctx.Lookup("document"); ok {
		t.Error("a context without a document has a document key")
	}
}

// Every variable that ContextFields announces must exist in the context BuildContext makes for a
// complete event, or a definition that validated would fail to render.
func TestContextFieldsMatchBuildContext(t *testing.T) {
	for _, tt := range TriggerTypes {
		t.Run(string(tt), func(t *testing.T) {
			ctx := sampleContext(tt)
			for path, ft := range ContextFields(tt) {
				v, ok := ctx.Lookup(path)
				if !ok {
					t.Errorf("%s is announced but missing", path)
					continue
				}
				if ft == FieldEnum && v != nil {
					if s, _ := v.(string); !slices.Contains(EnumDomains[path], s) {
						t.Errorf("%s = %v is outside its enum %v", path, v, EnumDomains[path])
					}
				}
			}
		})
	}
	if ContextFields("NOPE") != nil {
		t.Error("ContextFields of an unknown trigger is not nil")
	}
	if _, ok := ContextFields(TriggerScheduled)["client.email"]; ok {
		t.Error("SCHEDULED announces client fields")
	}
}

func TestBuildContextStatusChangeWithoutPrevious(t *testing.T) {
	ev := Event{Type: TriggerClientStatusChanged, OldStatus: "LEAD", NewStatus: "ACTIVE",
		Client: map[string]any{"status": "ACTIVE", "name": "Ada"}}
	ctx := BuildContext(ev, "", "", "", testNow)
	for path, want := range map[string]any{
		"trigger.previous.status": "LEAD", "trigger.previous.name": "Ada", "trigger.changedFields": []any{"status"},
	} {
		if got, _ := ctx.Lookup(path); !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", path, got, want)
		}
	}
	ok, _, err := EvaluateConditions(leaf("status", OpChangedTo, "ACTIVE"), ctx)
	if err != nil || !ok {
		t.Fatalf("changed_to = %v, %v", ok, err)
	}
}
