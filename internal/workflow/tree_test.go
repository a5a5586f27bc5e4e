package workflow_test

import (
	"fmt"
	"strings"
	"testing"

	. "github.com/flowline/flowline/internal/workflow"
)

func titled(title string) Action {
	return Action{Type: ActionCreateTask, Config: map[string]any{"title": title}}
}

func keyed(key string, a Action) Action {
	a.Key = key
	return a
}

func ifStep(cond map[string]any, then, els []Action) Action {
	return Action{Type: ActionIf, Config: map[string]any{"conditions": cond}, Then: then, Else: els}
}

func findClients() Action {
	return keyed("find", Action{Type: ActionFindClients, Config: map[string]any{
		"where": leaf("status", "equals", "LEAD"), "limit": 100,
	}})
}

func forEach(items, as string, body ...Action) Action {
	return Action{Type: ActionForEach, Config: map[string]any{"items": items, "as": as}, Body: body}
}

// TestStepTreesThatValidate: the shapes of the definition language's step trees save.
func TestStepTreesThatValidate(t *testing.T) {
	vip := leaf("tags", "contains", "vip")
	tests := map[string][]Action{
		"IF with both branches": {ifStep(vip, []Action{titled("a")}, []Action{titled("b")})},
		"IF with then only":     {ifStep(vip, []Action{titled("a")}, nil)},
		"an output read in both branches and after them": {
			keyed("t", titled("a")),
			ifStep(vip, []Action{titled("{{steps.t.output.title}}")}, []Action{titled("b")}),
			titled("{{steps.t.output.taskId}}"),
		},
		"an output read in a later step": {keyed("first", titled("a")), titled("after {{steps.first.output.title}}")},
		"SWITCH": {{Type: ActionSwitch, Cases: []Case{
			{Name: "vip", Conditions: vip, Actions: []Action{titled("v")}},
			{Name: "gold", Conditions: leaf("tags", "contains", "gold"), Actions: []Action{titled("g")}},
		}, Default: []Action{titled("d")}}},
		"FIND + FOR_EACH reading the item and the loop": {
			findClients(),
			forEach("{{steps.find.output.clients}}", "lead",
				Action{Type: ActionAddTag, Config: map[string]any{"tag": "stale", "clientId": "{{lead.id}}"}},
				ifStep(leaf("lead.ownerId", "not_exists", nil),
					[]Action{{Type: ActionUpdateClient, Config: map[string]any{"clientId": "{{lead.id}}", "set": map[string]any{"status": "ACTIVE"}}}},
					[]Action{{Type: ActionCreateTask, Config: map[string]any{"clientId": "{{lead.id}}", "title": "Call {{lead.name}} ({{loop.index}} of {{loop.count}})"}}}),
			),
			titled("found {{steps.find.output.count}}"),
		},
		"FOR_EACH over a string list": {forEach("{{client.tags}}", "tag", titled("tag {{tag}}"))},
		"STOP":                        {ifStep(vip, []Action{{Type: ActionStop, Config: map[string]any{"reason": "{{client.name}} is VIP"}}}, nil), titled("x")},
		"IF on a step output":         {keyed("t", titled("a")), ifStep(leaf("steps.t.output.title", "starts_with", "a"), []Action{titled("b")}, nil)},
	}
	for name, actions := range tests {
		t.Run(name, func(t *testing.T) {
			if err := Validate(created(nil, actions...)); err != nil {
				t.Fatalf("Validate: %v", err)
			}
		})
	}
}

// TestStepTreeChecksAtSave: every save-time check of step trees reports one problem at its
// JSON pointer.
func TestStepTreeChecksAtSave(t *testing.T) {
	vip := leaf("tags", "contains", "vip")
	deep := titled("deep")
	for range 11 {
		deep = ifStep(vip, []Action{deep}, nil)
	}
	tests := []struct {
		name    string
		actions []Action
		path    string
		message string
	}{
		{"a key with capitals", []Action{keyed("Find", titled("a"))}, "/actions/0/key", "key must match"},
		{"a duplicate key", []Action{keyed("a", titled("a")), keyed("a", titled("b"))}, "/actions/1/key", `duplicate key "a": also used by the step at /actions/0`},
		{"an unknown step", []Action{titled("{{steps.nope.output.title}}")}, "/actions/0/config/title", `no step has the key "nope"`},
		{"a later step", []Action{titled("{{steps.later.output.title}}"), keyed("later", titled("b"))}, "/actions/0/config/title", "steps.later is defined later, at /actions/1"},
		{"the other branch", []Action{
			ifStep(vip, []Action{titled("a")}, []Action{keyed("score", titled("b"))}),
			ifStep(vip, []Action{titled("{{steps.score.output.title}}")}, nil),
		}, "/actions/1/then/0/config/title", "steps.score is defined only in /actions/0/else"},
		{"a loop body from outside", []Action{
			findClients(),
			forEach("{{steps.find.output.clients}}", "lead", keyed("inner", titled("x"))),
			titled("{{steps.inner.output.title}}"),
		}, "/actions/2/config/title", "steps.inner is defined only in /actions/1/body"},
		{"an output the step does not have", []Action{keyed("t", titled("a")), titled("{{steps.t.output.nope}}")}, "/actions/1/config/title", "step t (CREATE_TASK) has no output nope; it has: assigneeId, dueAt, priority, taskId, title"},
		{"gt on a string output", []Action{keyed("t", titled("a")), ifStep(leaf("steps.t.output.title", "gt", 3), []Action{titled("b")}, nil)}, "/actions/1/config/conditions/operator", "operator gt does not apply to string field steps.t.output.title"},
		{"FOR_EACH over a string", []Action{keyed("t", titled("a")), forEach("{{steps.t.output.title}}", "x", titled("b"))}, "/actions/1/config/items", "FOR_EACH items must be a list; steps.t.output.title is a string"},
		{"items that are not one placeholder", []Action{forEach("clients: {{client.tags}}", "x", titled("b"))}, "/actions/0/config/items", "items must be one placeholder"},
		{"the loop variable outside its body", []Action{forEach("{{client.tags}}", "tag", titled("b")), titled("{{tag}}")}, "/actions/1/config/title", "tag exists only inside the body of the FOR_EACH at /actions/0"},
		{"loop outside a body", []Action{titled("{{loop.index}}")}, "/actions/0/config/title", "loop.index and loop.count exist only inside a FOR_EACH body"},
		{"as naming a client field", []Action{forEach("{{client.tags}}", "name", titled("b"))}, "/actions/0/config/as", `as cannot be "name"`},
		{"too deep", []Action{deep}, "/actions/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0", "control steps nest at most 10 levels deep"},
		{"an empty IF", []Action{ifStep(vip, nil, nil)}, "/actions/0", "IF needs steps in then, else or both"},
		{"an IF without conditions", []Action{{Type: ActionIf, Config: map[string]any{}, Then: []Action{titled("a")}}}, "/actions/0/config/conditions", "conditions are required"},
		{"a SWITCH without cases", []Action{{Type: ActionSwitch, Default: []Action{titled("a")}}}, "/actions/0/cases", "SWITCH needs at least one case"},
		{"two cases with one name", []Action{{Type: ActionSwitch, Cases: []Case{
			{Name: "a", Conditions: vip, Actions: []Action{titled("a")}}, {Name: "a", Conditions: vip, Actions: []Action{titled("b")}},
		}}}, "/actions/0/cases/1/name", `duplicate case name "a"`},
		{"a block on a plain step", []Action{{Type: ActionCreateTask, Config: map[string]any{"title": "a"}, Then: []Action{titled("b")}}}, "/actions/0/then", "CREATE_TASK steps have no then block"},
		{"an empty loop body", []Action{forEach("{{client.tags}}", "x")}, "/actions/0/body", "FOR_EACH needs at least one step in its body"},
		{"maxItems out of range", []Action{{Type: ActionForEach, Config: map[string]any{"items": "{{client.tags}}", "as": "x", "maxItems": 20000}, Body: []Action{titled("a")}}}, "/actions/0/config/maxItems", "maxItems must be a whole number from 1 to 10000"},
		{"FIND limit too high", []Action{{Type: ActionFindClients, Config: map[string]any{"limit": 5000}}}, "/actions/0/config/limit", "limit must be a whole number from 1 to 1000"},
		{"FIND on an unknown field", []Action{{Type: ActionFindClients, Config: map[string]any{"where": leaf("shoeSize", "equals", "9")}}}, "/actions/0/config/where/field", `unknown field "shoeSize"`},
		{"a bad clientId", []Action{{Type: ActionAddTag, Config: map[string]any{"tag": "x", "clientId": "nope"}}}, "/actions/0/config/clientId", "clientId must be a client id (a UUID) or a placeholder"},
		{"a CONTINUE step's output", []Action{{Key: "t", Type: ActionCreateTask, Config: map[string]any{"title": "a"}, OnError: OnErrorContinue}, titled("{{steps.t.output.title}}")}, "/actions/1/config/title", "steps.t may have no output: its onError is CONTINUE"},
		{"maxItems as a string", []Action{{Type: ActionForEach, Config: map[string]any{"items": "{{client.tags}}", "as": "x", "maxItems": "3"}, Body: []Action{titled("a")}}}, "/actions/0/config/maxItems", "maxItems must be a whole number"},
		{"as a CEL reserved word", []Action{forEach("{{client.tags}}", "package", titled("b"))}, "/actions/0/config/as", `as cannot be "package"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(created(nil, tt.actions...))
			for _, p := range Problems(err) {
				if p.Path == tt.path && strings.Contains(p.Message, tt.message) {
					return
				}
			}
			t.Fatalf("want %s: %q among the problems, got %v", tt.path, tt.message, err)
		})
	}
}

// TestTooManyStepsCountsNestedOnes: the 200-step limit counts the steps inside blocks.
func TestTooManyStepsCountsNestedOnes(t *testing.T) {
	body := make([]Action, 200)
	for i := range body {
		body[i] = titled(fmt.Sprint(i))
	}
	err := Validate(created(nil, ifStep(leaf("tags", "contains", "vip"), body, nil)))
	if !strings.Contains(fmt.Sprint(err), "at most 200 steps in all (nested ones included), got 201") {
		t.Fatalf("Validate = %v", err)
	}
}

// TestWebhookClientActionsNeedAClientID: a WEBHOOK run may have no client, so a client
// action must name one (hardening finding 7); SCHEDULED is refused the same way.
func TestWebhookClientActionsNeedAClientID(t *testing.T) {
	tag := Action{Type: ActionAddTag, Config: map[string]any{"tag": "x"}}
	for _, tt := range []TriggerType{TriggerWebhook, TriggerScheduled} {
		cfg := map[string]any{}
		if tt == TriggerScheduled {
			cfg = map[string]any{"cron": "0 9 * * *"}
		}
		err := Validate(def(tt, cfg, nil, tag))
		if !strings.Contains(fmt.Sprint(err), "/actions/0/type: ADD_TAG needs a client") {
			t.Errorf("%s: Validate = %v", tt, err)
		}
	}
	named := Action{Type: ActionAddTag, Config: map[string]any{"tag": "x", "clientId": "{{client.id}}"}}
	if err := Validate(def(TriggerWebhook, map[string]any{}, nil, named)); err != nil {
		t.Errorf("a webhook step naming clientId: %v", err)
	}
}

// TestCompileStraightListKeepsIndexes: a list of actions compiles to one instruction per
// action at its own index, so executions saved before step trees resume where they were.
func TestCompileStraightListKeepsIndexes(t *testing.T) {
	p := Compile([]Action{titled("a"), titled("b"), titled("c")})
	if p.Len() != 3 || p.HasTree() {
		t.Fatalf("Len = %d, HasTree = %v", p.Len(), p.HasTree())
	}
	for i, in := range p.Instrs {
		if in.Op != OpStep || in.Path != fmt.Sprintf("/actions/%d", i) || in.End != i+1 {
			t.Errorf("instruction %d = %+v", i, in)
		}
	}
}

// TestSettleWalksLoopsAndBranches: the position after each instruction of a loop with an
// IF inside goes through the items in order and leaves the loop after the last.
func TestSettleWalksLoopsAndBranches(t *testing.T) {
	p := Compile([]Action{
		forEach("{{client.tags}}", "x", ifStep(leaf("tags", "contains", "vip"), []Action{titled("then")}, []Action{titled("else")})),
		titled("after"),
	})
	// 0 FOR_EACH, 1 IF, 2 then, 3 jump, 4 else, 5 next, 6 after
	if p.Len() != 7 {
		t.Fatalf("Len = %d: %+v", p.Len(), p.Instrs)
	}
	frames := []Frame{{At: 0, Index: 0, Count: 2}}
	ip, fr := p.Settle(3, frames) // after the then branch of item 0
	if ip != 1 || len(fr) != 1 || fr[0].Index != 1 {
		t.Fatalf("after item 0: ip %d frames %+v, want the IF of item 1", ip, fr)
	}
	ip, fr = p.Settle(5, fr) // after the else branch of item 1, the last
	if ip != 6 || len(fr) != 0 {
		t.Fatalf("after the last item: ip %d frames %+v, want the step after the loop", ip, fr)
	}
	ip, fr = p.SkipItem(0, []Frame{{At: 0, Index: 0, Count: 2}})
	if ip != 5 || len(fr) != 1 {
		t.Fatalf("SkipItem: ip %d frames %+v, want the loop's end with its frame", ip, fr)
	}
}

// TestSimulateWalksTheTree: a simulation takes the branch the conditions choose, previews a
// loop's body per item with the item's values, reads earlier outputs and ends at STOP.
func TestSimulateWalksTheTree(t *testing.T) {
	def := created(nil,
		keyed("check", ifStep(leaf("tags", "contains", "vip"), []Action{titled("VIP {{client.name}}")}, []Action{titled("plain")})),
		forEach("{{client.tags}}", "tag", titled("tag {{tag}} ({{loop.index}}) after {{steps.check.output.branch}}")),
		Action{Type: ActionStop, Config: map[string]any{"reason": "done"}},
		titled("never"),
	)
	if err := Validate(def); err != nil {
		t.Fatal(err)
	}
	res := Simulate(def, sampleEvent(TriggerClientCreated), nil, testNow)
	var got []string
	for _, s := range res.Steps {
		line := fmt.Sprintf("%s %s %s", s.Path, s.Type, s.Effect)
		if title, ok := s.RenderedConfig["title"]; ok {
			line += fmt.Sprintf(" %q", title)
		}
		got = append(got, line)
	}
	want := []string{
		"/actions/0 IF wouldBranch",
		`/actions/0/then/0 CREATE_TASK wouldCreateTask "VIP Ada Lovelace"`,
		"/actions/1 FOR_EACH wouldLoop",
		`/actions/1/body/0 CREATE_TASK wouldCreateTask "tag vip (0) after then"`,
		`/actions/1/body/0 CREATE_TASK wouldCreateTask "tag gold (1) after then"`,
		"/actions/2 STOP wouldStop",
		"/actions/3 CREATE_TASK skipped",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("simulated steps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestExpressionsAreTypeCheckedAtSave: COMPUTE values and expr conditions compile against
// what is in scope, and their types flow on to later steps.
func TestExpressionsAreTypeCheckedAtSave(t *testing.T) {
	compute := func(values map[string]any) Action {
		return keyed("calc", Action{Type: ActionCompute, Config: map[string]any{"values": values}})
	}
	exprIf := func(expr string) Action {
		return ifStep(map[string]any{"expr": expr}, []Action{titled("yes")}, nil)
	}
	ok := [][]Action{
		{compute(map[string]any{"n": "size(client.tags) * 2", "vip": `"vip" in client.tags`}), exprIf("steps.calc.output.vip && steps.calc.output.n > 1")},
		{compute(map[string]any{"n": "size(client.tags)"}), ifStep(leaf("steps.calc.output.n", "gt", 1), []Action{titled("x")}, nil)},
		{exprIf(`client.owner.email.endsWith("@crm.test") || client.phone == null`)},
		{exprIf(`timestamp(client.createdAt) < timestamp(now) - duration("24h")`)},
	}
	for i, actions := range ok {
		if err := Validate(created(nil, actions...)); err != nil {
			t.Errorf("valid %d: %v", i, err)
		}
	}
	bad := []struct {
		actions []Action
		path    string
		message string
	}{
		{[]Action{exprIf("size(client.tags)")}, "/actions/0/config/conditions/expr", "must be true or false (a bool), this one is a number"},
		{[]Action{exprIf("client.shoeSize > 3")}, "/actions/0/config/conditions/expr", "undeclared reference"},
		{[]Action{exprIf(`client.name > 3`)}, "/actions/0/config/conditions/expr", "no matching overload"},
		{[]Action{compute(map[string]any{"s": `client.name + "!"`}), ifStep(leaf("steps.calc.output.s", "gt", 3), []Action{titled("x")}, nil)}, "/actions/1/config/conditions/operator", "operator gt does not apply to string field"},
		{[]Action{compute(map[string]any{"bad name": "1"})}, "/actions/0/config/values/bad name", "a value name is a letter"},
		{[]Action{compute(map[string]any{"x": "(("})}, "/actions/0/config/values/x", "Syntax error"},
	}
	for _, tt := range bad {
		err := Validate(created(nil, tt.actions...))
		found := false
		for _, p := range Problems(err) {
			found = found || (p.Path == tt.path && strings.Contains(p.Message, tt.message))
		}
		if !found {
			t.Errorf("want %s: %q, got %v", tt.path, tt.message, err)
		}
	}
	// Top-level conditions take expressions too.
	if err := Validate(created(map[string]any{"expr": `"vip" in client.tags`}, titled("x"))); err != nil {
		t.Errorf("expr in the workflow's conditions: %v", err)
	}
	passed, _, err := EvaluateConditions(map[string]any{"expr": `"vip" in client.tags && client.owner.name.startsWith("Olivia")`}, sampleContext(TriggerClientCreated))
	if err != nil || !passed {
		t.Errorf("EvaluateConditions(expr) = %v, %v", passed, err)
	}
}

// TestValidateUnknownTriggerWithALoop: an unknown trigger turns context checks off; a loop
// in such a definition is reported, not a panic.
func TestValidateUnknownTriggerWithALoop(t *testing.T) {
	err := Validate(def("NOPE", map[string]any{}, nil, forEach("{{trigger.data.x}}", "lead", titled("{{lead.name}}"))))
	if !strings.Contains(fmt.Sprint(err), "unknown trigger type") {
		t.Fatalf("Validate = %v", err)
	}
}

// TestComputeValuesAreJSON: maps and lists come out as JSON values, and a value JSON cannot
// hold (a division by zero) is an error, not a stored Inf.
func TestComputeValuesAreJSON(t *testing.T) {
	out, err := Compute(map[string]any{"values": map[string]any{"m": `{'a': 1.0, 'l': [1.0, 'x']}`}}, sampleContext(TriggerClientCreated))
	if err != nil || fmt.Sprint(out["m"]) != "map[a:1 l:[1 x]]" {
		t.Fatalf("Compute = %#v, %v", out, err)
	}
	if _, ok := out["m"].(map[string]any); !ok {
		t.Fatalf("m is %T, want a map", out["m"])
	}
	if _, err := Compute(map[string]any{"values": map[string]any{"x": "1.0/0.0"}}, sampleContext(TriggerClientCreated)); err == nil {
		t.Fatal("1.0/0.0 computed")
	}
}

// TestSimulateContinuesAfterAFailedItem: with continueOnItemError a failing item does not
// skip the next items in a simulation either.
func TestSimulateContinuesAfterAFailedItem(t *testing.T) {
	def := created(nil, Action{Type: ActionForEach, Config: map[string]any{"items": "{{client.tags}}", "as": "tag", "continueOnItemError": true},
		Body: []Action{{Type: ActionAddTag, Config: map[string]any{"tag": "{{tag}}", "clientId": "{{tag}}"}}}})
	res := Simulate(def, sampleEvent(TriggerClientCreated), nil, testNow)
	failed := 0
	for _, s := range res.Steps {
		if s.Error != "" {
			failed++
		}
	}
	if failed != 2 { // both items fail (a tag is not a client id); the second is still tried
		t.Fatalf("%d failed steps: %+v", failed, res.Steps)
	}
}

// TestABranchThatStopsDoesNotCount: a step defined in then is readable after the IF when
// the else branch ends with STOP (no path reaches the reader without it).
func TestABranchThatStopsDoesNotCount(t *testing.T) {
	vip := leaf("tags", "contains", "vip")
	ok := created(nil,
		ifStep(vip, []Action{keyed("t", titled("a"))}, []Action{{Type: ActionStop, Config: map[string]any{}}}),
		titled("{{steps.t.output.title}}"),
	)
	if err := Validate(ok); err != nil {
		t.Fatalf("Validate = %v", err)
	}
	notAll := created(nil,
		ifStep(vip, []Action{keyed("t", titled("a"))}, []Action{titled("b")}),
		titled("{{steps.t.output.title}}"),
	)
	if err := Validate(notAll); !strings.Contains(fmt.Sprint(err), "steps.t is defined only in /actions/0/then") {
		t.Fatalf("Validate = %v", err)
	}
}
