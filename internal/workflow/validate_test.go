package workflow_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

func task(cfg map[string]any) Action { return Action{Type: ActionCreateTask, Config: cfg} }

func plainTask() Action { return task(map[string]any{"title": "Review"}) }

func okTask() Action { return task(map[string]any{"title": "Call {{client.name}}"}) }

func email(cfg map[string]any) Action { return Action{Type: ActionSendEmail, Config: cfg} }

func okEmail() map[string]any {
	return map[string]any{"to": "{{client.email}}", "subject": "Hello {{client.name}}", "body": "Hi"}
}

func with(m map[string]any, kv ...any) map[string]any {
	out := CopyMap(m)
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(out, kv[i].(string))
			continue
		}
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

func def(t TriggerType, cfg, conds map[string]any, actions ...Action) Definition {
	return Definition{TriggerType: t, TriggerConfig: cfg, Conditions: conds, Actions: actions}
}

func created(conds map[string]any, actions ...Action) Definition {
	return def(TriggerClientCreated, map[string]any{}, conds, actions...)
}

func leaf(field, op string, value any) map[string]any {
	m := map[string]any{"field": field, "operator": op}
	if value != nil {
		m["value"] = value
	}
	return m
}

func nested(depth int) map[string]any {
	c := leaf("status", OpEquals, "LEAD")
	for i := 1; i < depth; i++ {
		c = map[string]any{"all": []any{c}}
	}
	return c
}

func manyActions(n int) []Action {
	out := make([]Action, n)
	for i := range out {
		out[i] = okTask()
	}
	return out
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		def     Definition
		paths   []string // expected problem paths, sorted; nil = valid
		message string   // optional substring of one problem message
	}{
		// Valid definitions.
		{name: "seed VIP workflow with text shorthand", def: created(leaf("tags", OpContains, "vip"),
			task(map[string]any{"text": "Call VIP {{client.name}}", "priority": "HIGH", "dueDays": 1}))},
		{name: "seed status shorthand string", def: def(TriggerClientStatusChanged, map[string]any{"status": "LEAD"}, nil, okTask())},
		{name: "status shorthand list", def: def(TriggerClientStatusChanged, map[string]any{"status": []any{"LEAD", "ACTIVE"}}, nil, okTask())},
		{name: "status changed from and to", def: def(TriggerClientStatusChanged, map[string]any{"from": []any{"LEAD"}, "to": []any{"ACTIVE"}}, nil, okTask())},
		{name: "scheduled descriptor with timezone", def: def(TriggerScheduled, map[string]any{"cron": "@daily", "timezone": "Europe/Paris"}, nil,
			task(map[string]any{"title": "Daily review {{now}}"}))},
		{name: "scheduled five fields default timezone", def: def(TriggerScheduled, map[string]any{"cron": "*/15 8-18 * * MON-FRI"}, nil,
			task(map[string]any{"title": "Check"}))},
		{name: "document with wildcard content type", def: def(TriggerDocumentUploaded, map[string]any{"contentTypes": []any{"image/*", "application/pdf"}},
			leaf("document.sizeBytes", OpGT, 1024), task(map[string]any{"title": "Review {{document.name}}"}))},
		{name: "webhook trigger with free data and secret header", def: def(TriggerWebhook, map[string]any{}, leaf("trigger.data.amount", OpGTE, 10),
			Action{Type: ActionSendWebhook, Config: map[string]any{
				"url": "https://hooks.example.com/orders/{{trigger.data.orderId}}", "method": "PUT",
				"headers": map[string]any{"Authorization": "Bearer abc", "X-Order": "{{trigger.data.orderId}}"},
				"body":    map[string]any{"order": "{{trigger.data}}", "n": 1, "nested": []any{"{{client.id}}"}},
			}})},
		{name: "conditions nested ten levels", def: created(nested(10), okTask())},
		{name: "client updated with changed operator", def: def(TriggerClientUpdated, map[string]any{"fields": []any{"email"}},
			leaf("email", OpChanged, nil), okTask())},
		{name: "status changed with changed_to", def: def(TriggerClientStatusChanged, map[string]any{}, leaf("status", OpChangedTo, "ACTIVE"), okTask())},
		{name: "json numbers from gqlgen", def: created(leaf("owner.email", OpEndsWith, "@crm.test"),
			task(map[string]any{"title": "x", "dueDays": json.Number("2")}))},
		{name: "delay until a task placeholder", def: def(TriggerTaskCompleted, map[string]any{"priority": []any{"HIGH"}}, nil,
			Action{Type: ActionDelay, Config: map[string]any{"until": "{{task.dueAt}}"}}, okTask())},
		{name: "time comparison", def: created(map[string]any{"any": []any{
			leaf("createdAt", OpLT, "2024-01-01T00:00:00Z"), map[string]any{"not": leaf("status", OpIn, []any{"LEAD", "CHURNED"})},
		}}, okTask())},
		{name: "exactly 200 steps", def: created(nil, manyActions(200)...)},
		{name: "retry and onError", def: created(nil, Action{Type: ActionLogActivity, Config: map[string]any{"message": "hi"}, OnError: OnErrorContinue,
			Retry: &RetryPolicy{MaxAttempts: 5, InitialBackoff: "2s", MaxBackoff: "5m"}})},
		{name: "update client with every field", def: created(nil, Action{Type: ActionUpdateClient, Config: map[string]any{"set": map[string]any{
			"name": "{{client.name}} (VIP)", "email": "vip@example.com", "phone": nil, "status": "ACTIVE", "tags": []any{"vip"}, "ownerId": "01900000-0000-7000-8000-000000000002"}}})},

		// Trigger problems.
		{name: "unknown trigger type", def: def("CLIENT_DELETED", nil, nil, okTask()), paths: []string{"/triggerType"}, message: "expected one of"},
		{name: "missing trigger type", def: def("", nil, nil, okTask()), paths: []string{"/triggerType"}},
		{name: "unknown trigger config key", def: def(TriggerClientCreated, map[string]any{"foo": 1}, nil, okTask()), paths: []string{"/triggerConfig/foo"}},
		{name: "bad client status in filter", def: def(TriggerClientCreated, map[string]any{"status": []any{"LEAD", "VIP"}}, nil, okTask()),
			paths: []string{"/triggerConfig/status/1"}, message: "LEAD, ACTIVE, INACTIVE, CHURNED"},
		{name: "status shorthand together with to", def: def(TriggerClientStatusChanged, map[string]any{"status": "LEAD", "to": []any{"ACTIVE"}}, nil, okTask()),
			paths: []string{"/triggerConfig/status"}},
		{name: "from is not a list", def: def(TriggerClientStatusChanged, map[string]any{"from": 3.0}, nil, okTask()), paths: []string{"/triggerConfig/from"}},
		{name: "single string is a one-element list", def: def(TriggerClientCreated, map[string]any{"status": "LEAD"}, nil, okTask())},
		{name: "empty filter list", def: def(TriggerClientStatusChanged, map[string]any{"to": []any{}}, nil, okTask()), paths: []string{"/triggerConfig/to"}},
		{name: "unknown updated field", def: def(TriggerClientUpdated, map[string]any{"fields": []any{"nickname"}}, nil, okTask()), paths: []string{"/triggerConfig/fields/0"}},
		{name: "bad content type", def: def(TriggerDocumentUploaded, map[string]any{"contentTypes": []any{"pdf"}}, nil, okTask()), paths: []string{"/triggerConfig/contentTypes/0"}},
		{name: "bad task priority", def: def(TriggerTaskCompleted, map[string]any{"priority": []any{"CRITICAL"}}, nil, okTask()), paths: []string{"/triggerConfig/priority/0"}},
		{name: "scheduled without cron", def: def(TriggerScheduled, map[string]any{"timezone": "UTC"}, nil, plainTask()), paths: []string{"/triggerConfig/cron"}},
		{name: "cron minute out of range", def: def(TriggerScheduled, map[string]any{"cron": "61 * * * *"}, nil, plainTask()), paths: []string{"/triggerConfig/cron"}},
		{name: "cron with seconds field", def: def(TriggerScheduled, map[string]any{"cron": "0 0 9 * * *"}, nil, plainTask()), paths: []string{"/triggerConfig/cron"}, message: "5 fields"},
		{name: "cron every", def: def(TriggerScheduled, map[string]any{"cron": "@every 1s"}, nil, plainTask()), paths: []string{"/triggerConfig/cron"}},
		{name: "cron with TZ prefix", def: def(TriggerScheduled, map[string]any{"cron": "TZ=UTC"}, nil, plainTask()), paths: []string{"/triggerConfig/cron"}},
		{name: "cron never fires", def: def(TriggerScheduled, map[string]any{"cron": "0 0 30 2 *"}, nil, plainTask()), paths: []string{"/triggerConfig/cron"}, message: "never fires"},
		{name: "unknown time zone", def: def(TriggerScheduled, map[string]any{"cron": "@daily", "timezone": "Mars/Olympus"}, nil, plainTask()), paths: []string{"/triggerConfig/timezone"}},
		{name: "webhook config takes no keys", def: def(TriggerWebhook, map[string]any{"secret": "s"}, nil, okTask()), paths: []string{"/triggerConfig/secret"}},

		// Condition problems.
		{name: "gt on a string field", def: created(leaf("name", OpGT, "A"), okTask()), paths: []string{"/conditions/operator"}, message: "does not apply to string field client.name"},
		{name: "in without a list", def: created(leaf("status", OpIn, "LEAD"), okTask()), paths: []string{"/conditions/value"}, message: "list"},
		{name: "unknown field", def: created(leaf("nickname", OpEquals, "x"), okTask()), paths: []string{"/conditions/field"}},
		{name: "contains on a number", def: def(TriggerDocumentUploaded, nil, leaf("document.sizeBytes", OpContains, 1), okTask()), paths: []string{"/conditions/operator"}},
		{name: "unknown operator", def: created(leaf("name", "like", "A%"), okTask()), paths: []string{"/conditions/operator"}},
		{name: "eleven levels deep", def: created(nested(11), okTask()),
			paths: []string{"/conditions" + strings.Repeat("/all/0", 10)}, message: "at most 10 levels"},
		{name: "group mixed with leaf", def: created(map[string]any{"all": []any{leaf("name", OpExists, nil)}, "field": "name"}, okTask()), paths: []string{"/conditions"}},
		{name: "unknown condition key", def: created(map[string]any{"field": "name", "operator": OpExists, "negate": true}, okTask()), paths: []string{"/conditions/negate"}},
		{name: "changed outside update triggers", def: created(leaf("status", OpChanged, nil), okTask()), paths: []string{"/conditions/operator"}},
		{name: "changed on a non-client field", def: def(TriggerClientUpdated, nil, leaf("trigger.changedFields", OpChanged, nil), okTask()), paths: []string{"/conditions/field"}},
		{name: "enum value not allowed", def: created(leaf("status", OpEquals, "VIP"), okTask()), paths: []string{"/conditions/value"}},
		{name: "time value not RFC 3339", def: created(leaf("createdAt", OpGT, "yesterday"), okTask()), paths: []string{"/conditions/value"}},
		{name: "exists with a value", def: created(leaf("phone", OpExists, "x"), okTask()), paths: []string{"/conditions/value"}},
		{name: "empty any group", def: created(map[string]any{"any": []any{}}, okTask()), paths: []string{"/conditions/any"}},
		{name: "in list with a wrong element", def: created(leaf("status", OpIn, []any{"LEAD", 3}), okTask()), paths: []string{"/conditions/value/1"}},
		{name: "equals on a list field", def: created(leaf("tags", OpEquals, "vip"), okTask()), paths: []string{"/conditions/operator"}},
		{name: "document field on client trigger", def: created(leaf("document.name", OpEquals, "x"), okTask()), paths: []string{"/conditions/field"}},
		{name: "several condition problems at once", def: created(map[string]any{"all": []any{
			leaf("name", OpGT, "A"), leaf("status", OpIn, "LEAD"), map[string]any{"not": leaf("nickname", OpExists, nil)},
		}}, okTask()), paths: []string{"/conditions/all/0/operator", "/conditions/all/1/value", "/conditions/all/2/not/field"}},

		// Action problems.
		{name: "no actions", def: created(nil), paths: []string{"/actions"}},
		{name: "201 steps", def: created(nil, manyActions(201)...), paths: []string{"/actions"}, message: "at most 200 steps in all (nested ones included), got 201"},
		{name: "unknown action type", def: created(nil, Action{Type: "SEND_SMS", Config: map[string]any{}}), paths: []string{"/actions/0/type"}},
		{name: "email to is not an address", def: created(nil, email(with(okEmail(), "to", "not-an-email"))), paths: []string{"/actions/0/config/to"}},
		{name: "email to with CRLF injection", def: created(nil, email(with(okEmail(), "to", "a@example.com\r\nBcc: x@evil.test"))), paths: []string{"/actions/0/config/to"}, message: "CR or LF"},
		{name: "subject with LF", def: created(nil, email(with(okEmail(), "subject", "Hi\nBcc: x@evil.test"))), paths: []string{"/actions/0/config/subject"}},
		{name: "email missing subject and body", def: created(nil, email(map[string]any{"to": "a@example.com"})), paths: []string{"/actions/0/config/body", "/actions/0/config/subject"}},
		{name: "email unknown key", def: created(nil, email(with(okEmail(), "bcc", "x@example.com"))), paths: []string{"/actions/0/config/bcc"}},
		{name: "bad cc element", def: created(nil, email(with(okEmail(), "cc", []any{"ok@example.com", "nope", "{{client.owner.email}}"}))), paths: []string{"/actions/0/config/cc/1"}},
		{name: "unknown placeholder", def: created(nil, email(with(okEmail(), "body", "Hi {{client.nickname}}"))), paths: []string{"/actions/0/config/body"}},
		{name: "bare placeholder", def: created(nil, email(with(okEmail(), "to", "{{email}}"))), paths: []string{"/actions/0/config/to"}, message: "did you mean {{client.email}}"},
		{name: "placeholder from another trigger", def: created(nil, email(with(okEmail(), "body", "{{document.name}}"))), paths: []string{"/actions/0/config/body"}},
		{name: "mustache section", def: created(nil, email(with(okEmail(), "body", "{{#client.tags}}x{{/client.tags}}"))), paths: []string{"/actions/0/config/body"}, message: "section"},
		{name: "unterminated placeholder", def: created(nil, email(with(okEmail(), "body", "Hi {{client.name"))), paths: []string{"/actions/0/config/body"}},
		{name: "task title and text", def: created(nil, task(map[string]any{"title": "a", "text": "b"})), paths: []string{"/actions/0/config/text"}},
		{name: "task without title", def: created(nil, task(map[string]any{"priority": "LOW"})), paths: []string{"/actions/0/config/title"}},
		{name: "task bad priority and due days", def: created(nil, task(map[string]any{"title": "a", "priority": "CRITICAL", "dueDays": 1.5})),
			paths: []string{"/actions/0/config/dueDays", "/actions/0/config/priority"}},
		{name: "email unknown template", def: created(nil, email(map[string]any{"to": "a@example.com", "subject": "s", "templateId": "nope"})), paths: []string{"/actions/0/config/templateId"}},
		{name: "email template placeholders checked", def: created(nil, email(map[string]any{"to": "a@example.com", "subject": "s", "templateId": "document-received"})), paths: []string{"/actions/0/config/body"}},
		{name: "task bad assignee email", def: created(nil, task(map[string]any{"title": "a", "assignee": "bob@"})), paths: []string{"/actions/0/config/assignee"}},
		{name: "task assignee neither id nor email", def: created(nil, task(map[string]any{"title": "a", "assignee": "nobody"})), paths: []string{"/actions/0/config/assignee"}},
		{name: "task assignee placeholder", def: created(nil, task(map[string]any{"title": "a", "assignee": "{{client.ownerId}}"})), paths: nil},
		{name: "update unknown and bad fields", def: created(nil, Action{Type: ActionUpdateClient, Config: map[string]any{"set": map[string]any{"score": 3, "status": "VIP"}}}),
			paths: []string{"/actions/0/config/set/score", "/actions/0/config/set/status"}},
		{name: "update with empty set", def: created(nil, Action{Type: ActionUpdateClient, Config: map[string]any{"set": map[string]any{}}}), paths: []string{"/actions/0/config/set"}},
		{name: "tag missing and too long", def: created(nil, Action{Type: ActionAddTag, Config: map[string]any{}},
			Action{Type: ActionRemoveTag, Config: map[string]any{"tag": strings.Repeat("x", 65)}}),
			paths: []string{"/actions/0/config/tag", "/actions/1/config/tag"}, message: "at most 64 characters, got 65"},
		{name: "webhook problems", def: created(nil, Action{Type: ActionSendWebhook, Config: map[string]any{
			"url": "https://user:pw@example.com/x", "method": "TRACE",
			"headers": map[string]any{"X-Custom": "a\r\nInjected: 1", "Idempotency-Key": "k", "Bad Header": "v"},
		}}), paths: []string{"/actions/0/config/headers/Bad Header", "/actions/0/config/headers/Idempotency-Key", "/actions/0/config/headers/X-Custom",
			"/actions/0/config/method", "/actions/0/config/url"}},
		{name: "webhook template url without scheme", def: created(nil, Action{Type: ActionSendWebhook, Config: map[string]any{"url": "{{client.name}}"}}),
			paths: []string{"/actions/0/config/url"}},
		{name: "webhook ftp url", def: created(nil, Action{Type: ActionSendWebhook, Config: map[string]any{"url": "ftp://example.com"}}), paths: []string{"/actions/0/config/url"}},
		{name: "delay without duration", def: created(nil, Action{Type: ActionDelay, Config: map[string]any{}}), paths: []string{"/actions/0/config"}},
		{name: "delay with two durations", def: created(nil, Action{Type: ActionDelay, Config: map[string]any{"minutes": 5, "hours": 1}}), paths: []string{"/actions/0/config"}},
		{name: "delay bounds and until", def: created(nil,
			Action{Type: ActionDelay, Config: map[string]any{"minutes": 0}},
			Action{Type: ActionDelay, Config: map[string]any{"days": 400}},
			Action{Type: ActionDelay, Config: map[string]any{"until": "tomorrow"}}),
			paths: []string{"/actions/0/config/minutes", "/actions/1/config/days", "/actions/2/config/until"}, message: "at most 365 days"},
		{name: "empty activity message", def: created(nil, Action{Type: ActionLogActivity, Config: map[string]any{"message": " "}}), paths: []string{"/actions/0/config/message"}},
		{name: "bad onError", def: created(nil, Action{Type: ActionLogActivity, Config: map[string]any{"message": "x"}, OnError: "RETRY"}), paths: []string{"/actions/0/onError"}},
		{name: "retry out of bounds", def: created(nil,
			Action{Type: ActionLogActivity, Config: map[string]any{"message": "x"}, Retry: &RetryPolicy{MaxAttempts: 11, InitialBackoff: "soon"}},
			Action{Type: ActionLogActivity, Config: map[string]any{"message": "x"}, Retry: &RetryPolicy{InitialBackoff: "10s", MaxBackoff: "2s"}}),
			paths: []string{"/actions/0/retry/initialBackoff", "/actions/0/retry/maxAttempts", "/actions/1/retry/maxBackoff"}},
		{name: "config too large", def: created(nil, Action{Type: ActionLogActivity, Config: map[string]any{"message": strings.Repeat("x", 17000)}}),
			paths: []string{"/actions/0/config"}, message: "at most 16384 bytes"},
		{name: "client action on a schedule", def: def(TriggerScheduled, map[string]any{"cron": "@weekly"}, nil,
			Action{Type: ActionAddTag, Config: map[string]any{"tag": "x"}}, task(map[string]any{"title": "{{client.name}}"})),
			paths: []string{"/actions/0/type", "/actions/1/config/title"}, message: "SCHEDULED runs have no client"},
		{name: "problems everywhere are all reported", def: def(TriggerClientCreated, map[string]any{"status": []any{"X"}}, leaf("name", OpGT, "a"),
			email(map[string]any{"to": "x", "subject": "s", "body": "b"}), Action{Type: "NOPE"}),
			paths: []string{"/actions/0/config/to", "/actions/1/type", "/conditions/operator", "/triggerConfig/status/0"}},
		{name: "unknown trigger still checks actions", def: def("NOPE", nil, leaf("anything", OpEquals, "x"), Action{Type: "NOPE"}),
			paths: []string{"/actions/0/type", "/triggerType"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.def)
			got := problemPaths(err)
			if tt.paths == nil {
				if err != nil {
					t.Fatalf("Validate() = %v, want valid", err)
				}
				return
			}
			if !equalStrings(got, tt.paths) {
				t.Fatalf("problem paths = %q, want %q (error: %v)", got, tt.paths, err)
			}
			if tt.message != "" && !strings.Contains(err.Error(), tt.message) {
				t.Fatalf("error %q does not mention %q", err, tt.message)
			}
		})
	}
}

func TestValidateAcceptsNormalizedForm(t *testing.T) {
	for _, d := range []Definition{
		def(TriggerClientStatusChanged, map[string]any{"status": "LEAD"}, nil, task(map[string]any{"text": "x"})),
		created(leaf("tags", OpContains, "vip"), task(map[string]any{"text": "Call {{client.name}}", "priority": "HIGH"})),
	} {
		if err := Validate(d); err != nil {
			t.Fatalf("Validate(shorthand) = %v", err)
		}
		if err := Validate(Normalize(d)); err != nil {
			t.Fatalf("Validate(Normalize(shorthand)) = %v", err)
		}
	}
}

func TestValidationErrorIsStructured(t *testing.T) {
	err := Validate(created(nil, manyActions(201)...))
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %T is not a *ValidationError", err)
	}
	b, jerr := json.Marshal(ve.Problems)
	if jerr != nil || !strings.Contains(string(b), `"path":"/actions"`) {
		t.Fatalf("problems JSON = %s, %v", b, jerr)
	}
}

func TestValidateCapsProblemCount(t *testing.T) {
	actions := make([]Action, 300)
	for i := range actions {
		actions[i] = Action{Type: "NOPE"}
	}
	probs := Problems(Validate(created(nil, actions...)))
	if len(probs) != MaxProblems+1 || !strings.Contains(probs[MaxProblems].Message, "more problems not shown") {
		t.Fatalf("got %d problems, last %+v", len(probs), probs[len(probs)-1])
	}
}
