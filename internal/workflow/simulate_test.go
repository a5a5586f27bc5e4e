package workflow_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

func TestSimulate(t *testing.T) {
	ev := sampleEvent(TriggerClientCreated)
	ctx := BuildContext(ev, "wf1", "VIP flow", "sim", testNow)
	d := created(leaf("tags", OpContains, "vip"),
		task(map[string]any{"text": "Call {{client.name}}", "priority": "HIGH", "dueDays": 2}),
		Action{Type: ActionDelay, Config: map[string]any{"days": 1}},
		Action{Type: ActionSendEmail, Name: "mail", Config: map[string]any{"to": "{{client.email}}", "subject": "Hi {{client.name}}", "body": "Sent at {{now}}"}},
		Action{Type: ActionUpdateClient, Config: map[string]any{"set": map[string]any{"status": "ACTIVE"}}},
		Action{Type: ActionAddTag, Config: map[string]any{"tag": "domain:{{client.emailDomain}}"}},
		Action{Type: ActionRemoveTag, Config: map[string]any{"tag": "lead"}},
		Action{Type: ActionSendWebhook, Config: map[string]any{"url": "https://example.com/h?token=abc&x=1", "headers": map[string]any{"Authorization": "Bearer s3cret"}}},
		Action{Type: ActionLogActivity, Config: map[string]any{"message": "Done for {{client.id}}"}},
	)
	defBefore, _ := json.Marshal(d)
	ctxBefore, _ := json.Marshal(ctx)
	evBefore, _ := json.Marshal(ev)

	res := Simulate(d, ev, ctx, testNow)

	if a, _ := json.Marshal(d); string(a) != string(defBefore) {
		t.Fatal("Simulate modified the definition")
	}
	if a, _ := json.Marshal(ctx); string(a) != string(ctxBefore) {
		t.Fatal("Simulate modified the context")
	}
	if a, _ := json.Marshal(ev); string(a) != string(evBefore) {
		t.Fatal("Simulate modified the event")
	}
	if again := Simulate(d, ev, ctx, testNow); !reflect.DeepEqual(again, res) {
		t.Fatal("Simulate is not deterministic")
	}
	if !res.TriggerMatched || !res.ConditionsPassed || !res.Explanation.Passed {
		t.Fatalf("result = %+v", res)
	}
	wantEffects := []string{"wouldCreateTask", "wouldDelay", "wouldSendEmail", "wouldUpdateClient", "wouldAddTag", "wouldRemoveTag", "wouldSendWebhook", "wouldLogActivity"}
	for i, s := range res.Steps {
		if s.Effect != wantEffects[i] || s.Error != "" || s.Index != i {
			t.Fatalf("step %d = %+v, want effect %s", i, s, wantEffects[i])
		}
	}
	checks := []struct {
		step int
		key  string
		want any
	}{
		{0, "title", "Call Ada Lovelace"},
		{0, "priority", "HIGH"},
		{0, "dueAt", "2024-03-03T09:30:00Z"},
		{0, "assignee", "u1"},
		{1, "until", "2024-03-02T09:30:00Z"},
		{2, "to", "Ada@Example.com"},
		{2, "subject", "Hi Ada Lovelace"},
		{4, "tag", "domain:example.com"},
		{6, "url", "https://example.com/h?token=***&x=1"},
		{6, "method", "POST"},
		{7, "message", "Done for 11111111-1111-4111-8111-1111111111c1"},
	}
	for _, c := range checks {
		if got := res.Steps[c.step].Details[c.key]; got != c.want {
			t.Errorf("step %d %s = %#v, want %#v", c.step, c.key, got, c.want)
		}
	}
	if got := res.Steps[2].RenderedConfig["body"]; got != "Sent at 2024-03-02T09:30:00Z" {
		t.Errorf("email after a one-day delay renders now as %v", got)
	}
	if got := res.Steps[3].Details["set"]; !reflect.DeepEqual(got, map[string]any{"status": "ACTIVE"}) {
		t.Errorf("update details = %#v", got)
	}
	out, _ := json.Marshal(res)
	if strings.Contains(string(out), "s3cret") || strings.Contains(string(out), "token=abc") {
		t.Fatalf("simulation leaks a secret: %s", out)
	}
}

func TestSimulateSkips(t *testing.T) {
	failing := Action{Type: ActionSendEmail, Config: map[string]any{"to": "{{client.email}}", "subject": "{{client.nope}}", "body": "b"}}
	log := Action{Type: ActionLogActivity, Config: map[string]any{"message": "m"}}
	tests := []struct {
		name    string
		def     Definition
		ev      Event
		effects []string
		errors  []bool
	}{
		{name: "trigger does not match", def: def(TriggerClientUpdated, nil, nil, log), ev: sampleEvent(TriggerClientCreated),
			effects: []string{EffectSkipped}, errors: []bool{false}},
		{name: "conditions fail", def: created(leaf("status", OpEquals, "LEAD"), log, log), ev: sampleEvent(TriggerClientCreated),
			effects: []string{EffectSkipped, EffectSkipped}, errors: []bool{false, false}},
		{name: "failing step stops the run", def: created(nil, failing, log), ev: sampleEvent(TriggerClientCreated),
			effects: []string{EffectSkipped, EffectSkipped}, errors: []bool{true, false}},
		{name: "failing step with CONTINUE", def: created(nil, func() Action { a := failing; a.OnError = OnErrorContinue; return a }(), log), ev: sampleEvent(TriggerClientCreated),
			effects: []string{EffectSkipped, "wouldLogActivity"}, errors: []bool{true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Simulate(tt.def, tt.ev, nil, testNow)
			for i, s := range res.Steps {
				if s.Effect != tt.effects[i] || (s.Error != "") != tt.errors[i] {
					t.Fatalf("step %d = %+v, want effect %s, error %v", i, s, tt.effects[i], tt.errors[i])
				}
				if s.Effect == EffectSkipped && s.Details["reason"] == nil {
					t.Fatalf("skipped step %d has no reason", i)
				}
			}
		})
	}
}
