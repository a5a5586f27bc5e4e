package workflow_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	. "github.com/flowline/flowline/internal/workflow"
)

func compiledSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(DefinitionSchemaJSON()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("workflow-definition.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("workflow-definition.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

func asJSONValue(t *testing.T, def Definition) any {
	t.Helper()
	b, err := json.Marshal(Normalize(def))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestJSONSchemaAgreesWithTheValidator: every built-in template (and the step-tree examples)
// is valid under both the JSON Schema and Validate; every definition of the corpus of bad
// ones is refused by both.
func TestJSONSchemaAgreesWithTheValidator(t *testing.T) {
	schema := compiledSchema(t)
	for _, tpl := range BuiltinTemplates() {
		if err := schema.Validate(asJSONValue(t, tpl.Definition)); err != nil {
			t.Errorf("template %s: the schema refuses it: %v", tpl.Key, err)
		}
	}
	vip := leaf("tags", "contains", "vip")
	bad := map[string]Definition{
		"unknown trigger":       def("NOPE", map[string]any{}, nil, titled("a")),
		"no actions":            created(nil),
		"unknown action type":   created(nil, Action{Type: "NOPE", Config: map[string]any{}}),
		"unknown config key":    created(nil, Action{Type: ActionAddTag, Config: map[string]any{"tag": "x", "color": "red"}}),
		"missing config key":    created(nil, Action{Type: ActionLogActivity, Config: map[string]any{}}),
		"IF without conditions": created(nil, Action{Type: ActionIf, Config: map[string]any{}, Then: []Action{titled("a")}}),
		"bad key":               created(nil, keyed("Bad Key", titled("a"))),
		"FOR_EACH without body": created(nil, Action{Type: ActionForEach, Config: map[string]any{"items": "{{client.tags}}", "as": "t"}}),
		"SWITCH without cases":  created(nil, Action{Type: ActionSwitch, Default: []Action{titled("a")}}),
		"then on a plain step":  created(nil, Action{Type: ActionCreateTask, Config: map[string]any{"title": "a"}, Then: []Action{titled("b")}}),
		"bad onError":           created(nil, Action{Type: ActionCreateTask, Config: map[string]any{"title": "a"}, OnError: "MAYBE"}),
		"bad operator":          created(map[string]any{"field": "tags", "operator": "resembles", "value": "x"}, titled("a")),
		"bad condition shape":   created(map[string]any{"all": "nope"}, titled("a")),
		"maxItems too large":    created(nil, Action{Type: ActionForEach, Config: map[string]any{"items": "{{client.tags}}", "as": "t", "maxItems": 20000}, Body: []Action{titled("a")}}),
		"FIND limit too large":  created(nil, Action{Type: ActionFindClients, Config: map[string]any{"limit": 5000}}),
		"bad HTTP method":       created(nil, Action{Type: ActionHTTPRequest, Config: map[string]any{"url": "https://example.com", "method": "BREW"}}),
		"bad trigger config":    def(TriggerClientCreated, map[string]any{"status": "SLEEPING"}, nil, titled("a")),
		"unknown trigger key":   def(TriggerTaskCompleted, map[string]any{"colour": "red"}, nil, titled("a")),
		"two delays at once":    created(nil, Action{Type: ActionDelay, Config: map[string]any{"minutes": 5, "hours": 1}}),
		"empty COMPUTE":         created(nil, Action{Type: ActionCompute, Config: map[string]any{"values": map[string]any{}}}),
		"IF with cases":         created(nil, Action{Type: ActionIf, Config: map[string]any{"conditions": vip}, Then: []Action{titled("a")}, Cases: []Case{{Name: "x", Conditions: vip}}}),
	}
	for name, d := range bad {
		if err := Validate(d); err == nil {
			t.Errorf("%s: Validate accepts it", name)
		}
		if err := schema.Validate(asJSONValue(t, d)); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}
