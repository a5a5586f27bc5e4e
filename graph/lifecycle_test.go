package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flowline/flowline/ent/migrate"
	entworkflow "github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflowstore"
)

// allRowCounts counts the rows of every table in the schema.
func allRowCounts(t *testing.T, db *testsupport.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range migrate.Tables {
		var n int
		if err := db.SQL.QueryRowContext(testsupport.Ctx(), "SELECT COUNT(*) FROM "+table.Name).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table.Name, err)
		}
		out[table.Name] = n
	}
	return out
}

func createWorkflowInput(owner string, over map[string]any) map[string]any {
	in := map[string]any{
		"name": "VIP follow-up", "triggerType": "CLIENT_CREATED",
		"conditions": map[string]any{"field": "tags", "operator": "contains", "value": "vip"},
		"actions": []any{map[string]any{"type": "CREATE_TASK", "config": map[string]any{
			"title": "Call {{client.name}}", "priority": "HIGH", "dueDays": 1}}},
	}
	for k, v := range over {
		in[k] = v
	}
	return map[string]any{"input": in}
}

func TestValidationThroughGraphQL(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com").ID.String()
		before := allRowCounts(t, db)

		bad := createWorkflowInput(owner, map[string]any{
			"triggerConfig": map[string]any{"status": []any{"LEAD", "ZOMBIE"}},
			"conditions":    map[string]any{"field": "name", "operator": "gt", "value": 3},
			"actions": []any{
				map[string]any{"type": "CREATE_TASK", "config": map[string]any{"title": "ok", "priority": "HIGH", "dueDays": 1}},
				map[string]any{"type": "SEND_EMAIL", "config": map[string]any{"to": "{{client.nope}}", "subject": "a\r\nBcc: x@evil.com", "body": "b", "colour": "red"}},
			},
		})
		e := api.MustFail(createWorkflowMutation, bad, "VALIDATION_FAILED")
		problems, _ := e.Extensions["problems"].([]any)
		paths := map[string]bool{}
		for _, p := range problems {
			paths[p.(map[string]any)["path"].(string)] = true
		}
		for _, want := range []string{"/triggerConfig/status/1", "/conditions/operator", "/actions/1/config/to", "/actions/1/config/subject", "/actions/1/config/colour"} {
			if !paths[want] {
				t.Errorf("no problem at %s; got %v", want, paths)
			}
		}
		if len(e.Path) == 0 || e.Path[0] != "createWorkflow" {
			t.Errorf("error path = %v", e.Path)
		}

		// The same rules hold on update, and a refused update changes nothing.
		var created struct{ CreateWorkflow struct{ ID string } }
		api.MustData(createWorkflowMutation, createWorkflowInput(owner, nil), &created)
		id := created.CreateWorkflow.ID
		api.MustFail(`mutation($id: ID!) { updateWorkflow(id: $id, input: {actions: [{type: SEND_EMAIL, config: {to: "nobody"}}]}) { id } }`,
			map[string]any{"id": id}, "VALIDATION_FAILED")
		api.MustFail(`mutation($id: ID!) { updateWorkflow(id: $id, input: {actions: []}) { id } }`, map[string]any{"id": id}, "VALIDATION_FAILED")
		after := allRowCounts(t, db)
		if after["workflows"] != before["workflows"]+1 || after["workflow_versions"] != before["workflow_versions"]+1 {
			t.Fatalf("refused writes changed rows: before %v after %v", before, after)
		}
	})
}

func TestVersionsAndLifecycle(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com").ID.String()
		var created struct{ CreateWorkflow struct{ ID string } }
		api.MustData(createWorkflowMutation, createWorkflowInput(owner, nil), &created)
		id := created.CreateWorkflow.ID
		vars := map[string]any{"id": id}

		type versions struct {
			Node struct {
				Version  int
				Versions struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							Version    int
							Definition struct {
								Actions []struct{ Config map[string]any }
							}
						}
					}
				}
			}
		}
		read := func() versions {
			var v versions
			api.MustData(`query($id: ID!) { node(id: $id) { ... on Workflow { version versions { totalCount edges { node { version definition { actions { config } } } } } } } }`, vars, &v)
			return v
		}
		if v := read(); v.Node.Version != 1 || v.Node.Versions.TotalCount != 1 {
			t.Fatalf("after create: %+v", v)
		}
		// Name and description edits make no version.
		api.MustData(`mutation($id: ID!) { updateWorkflow(id: $id, input: {name: "Renamed", description: "d"}) { version } }`, vars, nil)
		// Resending the same definition makes no version either.
		api.MustData(`mutation($id: ID!) { updateWorkflow(id: $id, input: {conditions: {field: "tags", operator: "contains", value: "vip"}}) { version } }`, vars, nil)
		if v := read(); v.Node.Version != 1 || v.Node.Versions.TotalCount != 1 {
			t.Fatalf("after name edit: %+v", v)
		}
		api.MustData(`mutation($id: ID!) { updateWorkflow(id: $id, expectedVersion: 1, input: {actions: [{type: CREATE_TASK, config: {title: "Second", priority: "LOW", dueDays: 2}}]}) { version } }`, vars, nil)
		v := read()
		if v.Node.Version != 2 || v.Node.Versions.TotalCount != 2 || v.Node.Versions.Edges[0].Node.Version != 2 {
			t.Fatalf("after definition edit (versions newest first): %+v", v)
		}
		// A stale expectedVersion is a CONFLICT and changes nothing.
		api.MustFail(`mutation($id: ID!) { updateWorkflow(id: $id, input: {expectedVersion: 1, actions: [{type: ADD_TAG, config: {tag: "x"}}]}) { version } }`, vars, "CONFLICT")
		// Rollback makes a NEW version equal to the old one.
		var rb struct{ RollbackWorkflow struct{ Version int } }
		api.MustData(`mutation($id: ID!) { rollbackWorkflow(id: $id, version: 1) { version } }`, vars, &rb)
		v = read()
		if rb.RollbackWorkflow.Version != 3 || v.Node.Versions.TotalCount != 3 ||
			v.Node.Versions.Edges[0].Node.Definition.Actions[0].Config["title"] != "Call {{client.name}}" {
			t.Fatalf("after rollback: %+v", v)
		}
		if e := api.MustFail(`mutation($id: ID!) { rollbackWorkflow(id: $id, version: 9) { version } }`, vars, "NOT_FOUND"); e.Extensions["field"] != "version" {
			t.Errorf("missing version: %+v", e)
		}
		if e := api.MustFail(`mutation { createWorkflowFromTemplate(templateId: "01900000-0000-7000-8000-000000000000", input: {name: "x"}) { id } }`, nil, "NOT_FOUND"); e.Extensions["field"] != "templateId" {
			t.Errorf("missing template: %+v", e)
		}

		// Deactivate, then activate a self-triggering workflow: the warning names the loop.
		api.MustData(`mutation($id: ID!) { deactivateWorkflow(id: $id) { isActive } }`, vars, nil)
		var loop struct{ CreateWorkflow struct{ ID string } }
		api.MustData(createWorkflowMutation, createWorkflowInput(owner, map[string]any{
			"isActive": false, "triggerType": "CLIENT_STATUS_CHANGED", "conditions": map[string]any{},
			"actions": []any{map[string]any{"type": "UPDATE_CLIENT", "config": map[string]any{"set": map[string]any{"status": "ACTIVE"}}}},
		}), &loop)
		var act struct {
			ActivateWorkflow struct {
				Workflow struct{ IsActive bool }
				Warnings []string
			}
		}
		api.MustData(`mutation($id: ID!) { activateWorkflow(id: $id) { workflow { isActive } warnings } }`, map[string]any{"id": loop.CreateWorkflow.ID}, &act)
		if !act.ActivateWorkflow.Workflow.IsActive || len(act.ActivateWorkflow.Warnings) == 0 || !strings.Contains(act.ActivateWorkflow.Warnings[0], "status") {
			t.Fatalf("activation of a loop: %+v", act)
		}

		var dup struct {
			DuplicateWorkflow struct {
				Name     string
				IsActive bool
				Version  int
			}
		}
		api.MustData(`mutation($id: ID!) { duplicateWorkflow(id: $id, name: "Copy") { name isActive version } }`, vars, &dup)
		if dup.DuplicateWorkflow.Name != "Copy" || dup.DuplicateWorkflow.IsActive || dup.DuplicateWorkflow.Version != 1 {
			t.Fatalf("duplicate: %+v", dup)
		}
	})
}

func TestTemplates(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		api := testsupport.NewAPI(t, db)
		n, err := workflowstore.InstallTemplates(ctx, db.Client)
		if err != nil || n != len(workflow.BuiltinTemplates()) || n < 8 {
			t.Fatalf("install: %d %v", n, err)
		}
		// A user edits a built-in template; reinstalling neither duplicates nor overwrites.
		first := db.Client.Workflow.Query().Where(entworkflow.TemplateKeyNotNil()).FirstX(ctx)
		first.Update().SetName("Edited by a user").ExecX(ctx)
		if n, err := workflowstore.InstallTemplates(ctx, db.Client); err != nil || n != 0 {
			t.Fatalf("reinstall: %d %v", n, err)
		}
		if got := db.Client.Workflow.GetX(ctx, first.ID).Name; got != "Edited by a user" {
			t.Fatalf("reinstall overwrote a template: %q", got)
		}

		var list struct {
			WorkflowTemplates struct {
				TotalCount int
				Edges      []struct {
					Node struct{ ID, Name, TriggerType string }
				}
			}
		}
		api.MustData(`{ workflowTemplates(first: 50) { totalCount edges { node { id name triggerType } } } }`, nil, &list)
		if list.WorkflowTemplates.TotalCount != len(workflow.BuiltinTemplates()) {
			t.Fatalf("workflowTemplates: %+v", list)
		}
		var tmplID string
		for _, e := range list.WorkflowTemplates.Edges {
			if e.Node.TriggerType == "CLIENT_CREATED" {
				tmplID = e.Node.ID
			}
		}
		var made struct {
			CreateWorkflowFromTemplate struct {
				Name, Description    string
				IsActive, IsTemplate bool
				Conditions           map[string]any
			}
		}
		api.MustData(`mutation($t: ID!, $in: CreateWorkflowFromTemplateInput!) { createWorkflowFromTemplate(templateId: $t, input: $in) { name description isActive isTemplate conditions } }`,
			map[string]any{"t": tmplID, "in": map[string]any{"name": "Mine",
				"overrides": map[string]any{"conditions": map[string]any{"field": "status", "operator": "equals", "value": "ACTIVE"}}}}, &made)
		m := made.CreateWorkflowFromTemplate
		if m.Name != "Mine" || m.IsActive || m.IsTemplate || m.Conditions["value"] != "ACTIVE" {
			t.Fatalf("from template: %+v", m)
		}
		// Activating a template itself is refused: templates never run.
		api.MustFail(`mutation($id: ID!) { activateWorkflow(id: $id) { warnings } }`, map[string]any{"id": tmplID}, "CONFLICT")

		var saved struct {
			SaveWorkflowAsTemplate struct{ IsTemplate, IsActive bool }
		}
		api.MustData(`mutation($id: ID!) { saveWorkflowAsTemplate(id: $id, name: "My template") { isTemplate isActive } }`, map[string]any{"id": tmplID}, &saved)
		if !saved.SaveWorkflowAsTemplate.IsTemplate || saved.SaveWorkflowAsTemplate.IsActive {
			t.Fatalf("save as template: %+v", saved)
		}
	})
}

func TestSimulationWritesNothing(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		client := db.Client.Contact.Create().SetName("Grace").SetEmail("grace@example.com").
			SetTags([]string{"vip"}).SetOwnerID(owner.ID).SaveX(ctx)
		var created struct{ CreateWorkflow struct{ ID string } }
		in := createWorkflowInput(owner.ID.String(), nil)
		in["input"].(map[string]any)["actions"] = []any{
			map[string]any{"type": "CREATE_TASK", "config": map[string]any{"title": "Call {{client.name}}", "priority": "HIGH", "dueDays": 1}},
			map[string]any{"type": "SEND_EMAIL", "config": map[string]any{"to": "{{client.email}}", "subject": "Hi {{client.name}}", "body": "Welcome"}},
			map[string]any{"type": "SEND_WEBHOOK", "config": map[string]any{"url": "https://example.com/hook", "headers": map[string]any{"Authorization": "Bearer s3cret"}}},
		}
		api.MustData(createWorkflowMutation, in, &created)
		before := allRowCounts(t, db)

		var sim struct {
			SimulateWorkflow struct {
				TriggerMatched, ConditionsPassed bool
				Explanation                      map[string]any
				Steps                            []struct {
					Type, Effect   string
					RenderedConfig map[string]any
					Details        map[string]any
				}
			}
		}
		api.MustData(`query($id: ID!, $c: ID!) { simulateWorkflow(workflowId: $id, sample: {clientId: $c}) {
			triggerMatched conditionsPassed explanation steps { type effect renderedConfig details } } }`,
			map[string]any{"id": created.CreateWorkflow.ID, "c": client.ID.String()}, &sim)
		s := sim.SimulateWorkflow
		if !s.TriggerMatched || !s.ConditionsPassed || s.Explanation["passed"] != true || len(s.Steps) != 3 {
			t.Fatalf("simulation: %+v", s)
		}
		if s.Steps[0].Effect != "wouldCreateTask" || s.Steps[0].RenderedConfig["title"] != "Call Grace" ||
			s.Steps[1].Effect != "wouldSendEmail" || s.Steps[1].RenderedConfig["to"] != "grace@example.com" ||
			s.Steps[2].Effect != "wouldSendWebhook" {
			t.Fatalf("steps: %+v", s.Steps)
		}
		if fmt.Sprint(s.Steps[2].RenderedConfig["headers"]) != "map[Authorization:***]" {
			t.Fatalf("secret header not redacted: %v", s.Steps[2].RenderedConfig)
		}
		// An unsaved definition whose conditions fail: every step skipped, with reasons.
		var sim2 struct {
			SimulateWorkflow struct {
				ConditionsPassed bool
				Explanation      map[string]any
			}
		}
		api.MustData(`query($c: ID!) { simulateWorkflow(definition: {triggerType: CLIENT_CREATED, conditions: {field: "status", operator: "equals", value: "ACTIVE"},
			actions: [{type: ADD_TAG, config: {tag: "x"}}]}, sample: {clientId: $c}) { conditionsPassed explanation } }`,
			map[string]any{"c": client.ID.String()}, &sim2)
		if sim2.SimulateWorkflow.ConditionsPassed || sim2.SimulateWorkflow.Explanation["reason"] == "" {
			t.Fatalf("failing conditions: %+v", sim2)
		}
		if after := allRowCounts(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("simulation wrote rows: before %v after %v", before, after)
		}
	})
}

func TestWebhookSecretShownOnce(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com").ID.String()
		var created struct {
			CreateWorkflow struct {
				ID            string
				WebhookSecret *string
				WebhookPath   *string
			}
		}
		api.MustData(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id webhookSecret webhookPath } }`,
			createWorkflowInput(owner, map[string]any{"triggerType": "WEBHOOK", "conditions": map[string]any{},
				"actions": []any{map[string]any{"type": "CREATE_TASK", "config": map[string]any{"title": "From hook", "priority": "LOW", "dueDays": 0}}}}), &created)
		c := created.CreateWorkflow
		if c.WebhookSecret == nil || !strings.HasPrefix(*c.WebhookSecret, "whsec_") || c.WebhookPath == nil || *c.WebhookPath != "/hooks/"+c.ID {
			t.Fatalf("create: %+v", c)
		}
		var again struct {
			Node struct{ WebhookSecret *string }
		}
		api.MustData(`query($id: ID!) { node(id: $id) { ... on Workflow { webhookSecret } } }`, map[string]any{"id": c.ID}, &again)
		if again.Node.WebhookSecret != nil {
			t.Fatal("webhook secret shown twice")
		}
		stored := db.Client.Workflow.GetX(ctx, mustUUID(t, c.ID)).WebhookSecret
		if stored == nil || *stored == *c.WebhookSecret || !workflowstore.WebhookSecretMatches(stored, *c.WebhookSecret) {
			t.Fatal("the stored value must be a hash that matches the secret")
		}
		var rot struct {
			RotateWebhookSecret struct{ WebhookSecret *string }
		}
		api.MustData(`mutation($id: ID!) { rotateWebhookSecret(id: $id) { webhookSecret } }`, map[string]any{"id": c.ID}, &rot)
		stored = db.Client.Workflow.GetX(ctx, mustUUID(t, c.ID)).WebhookSecret
		if rot.RotateWebhookSecret.WebhookSecret == nil || workflowstore.WebhookSecretMatches(stored, *c.WebhookSecret) {
			t.Fatal("rotation must replace the secret")
		}
	})
}

// TestOnErrorIsAnEnum: onError is typed (STOP | CONTINUE), shown as the value in effect, and
// anything else is refused before a resolver runs.
func TestOnErrorIsAnEnum(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	api := testsupport.NewAPI(t, db)
	in := createWorkflowInput("", map[string]any{"actions": []any{
		map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "a"}},
		map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "b"}, "onError": "CONTINUE"},
	}})
	var out struct {
		CreateWorkflow struct {
			Actions []struct {
				OnError string
				Name    *string
			}
		}
	}
	api.MustData(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { actions { onError name } } }`, in, &out)
	if a := out.CreateWorkflow.Actions; len(a) != 2 || a[0].OnError != "STOP" || a[1].OnError != "CONTINUE" || a[0].Name != nil {
		t.Fatalf("onError shown as %+v", a)
	}
	in["input"].(map[string]any)["actions"] = []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "a"}, "onError": "RETRY"}}
	api.MustFail(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id } }`, in, "BAD_USER_INPUT")
	if n := db.Client.Workflow.Query().CountX(testsupport.Ctx()); n != 1 {
		t.Fatalf("%d workflows", n)
	}
}

// TestTemplatesRenderForAClientWithoutOwner: every built-in template renders its steps for a
// plain client (no owner, no phone): a null on a placeholder's path renders empty.
func TestTemplatesRenderForAClientWithoutOwner(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	api := testsupport.NewAPI(t, db)
	if _, err := workflowstore.InstallTemplates(testsupport.Ctx(), db.Client); err != nil {
		t.Fatal(err)
	}
	var c struct{ CreateClient struct{ ID string } }
	api.MustData(`mutation { createClient(input: {name: "Grace", email: "grace@example.com", status: ACTIVE, tags: ["vip"]}) { id } }`, nil, &c)
	var list struct {
		WorkflowTemplates struct {
			Edges []struct{ Node struct{ ID, Name string } }
		}
	}
	api.MustData(`{ workflowTemplates(first: 50) { edges { node { id name } } } }`, nil, &list)
	if len(list.WorkflowTemplates.Edges) == 0 {
		t.Fatal("no templates")
	}
	for _, e := range list.WorkflowTemplates.Edges {
		var sim struct {
			SimulateWorkflow struct {
				Steps []struct {
					Index int
					Error *string
				}
			}
		}
		api.MustData(`query($id: ID!, $c: ID) { simulateWorkflow(workflowId: $id, sample: {clientId: $c}) { steps { index error } } }`,
			map[string]any{"id": e.Node.ID, "c": c.CreateClient.ID}, &sim)
		for _, s := range sim.SimulateWorkflow.Steps {
			if s.Error != nil && strings.Contains(*s.Error, "missing variable") {
				t.Errorf("template %q step %d: %s", e.Node.Name, s.Index, *s.Error)
			}
		}
	}
}

// TestTemplatesAreNeverActive: templates never run, so no path makes one active.
func TestTemplatesAreNeverActive(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	api := testsupport.NewAPI(t, db)
	create := `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id isActive isTemplate } }`
	var tpl struct {
		CreateWorkflow struct {
			ID                   string
			IsActive, IsTemplate bool
		}
	}
	api.MustData(create, createWorkflowInput("", map[string]any{"isTemplate": true}), &tpl)
	if tpl.CreateWorkflow.IsActive || !tpl.CreateWorkflow.IsTemplate {
		t.Fatalf("new template: %+v", tpl)
	}
	api.MustFail(create, createWorkflowInput("", map[string]any{"isTemplate": true, "isActive": true}), "CONFLICT")
	update := `mutation($id: ID!, $in: UpdateWorkflowInput!) { updateWorkflow(id: $id, input: $in) { isActive isTemplate } }`
	api.MustFail(update, map[string]any{"id": tpl.CreateWorkflow.ID, "in": map[string]any{"isActive": true}}, "CONFLICT")

	var wf struct{ CreateWorkflow struct{ ID string } }
	api.MustData(create, createWorkflowInput("", nil), &wf)
	var out struct {
		UpdateWorkflow struct{ IsActive, IsTemplate bool }
	}
	api.MustData(update, map[string]any{"id": wf.CreateWorkflow.ID, "in": map[string]any{"isTemplate": true}}, &out)
	if out.UpdateWorkflow.IsActive || !out.UpdateWorkflow.IsTemplate {
		t.Fatalf("workflow made a template: %+v", out)
	}
	if n := db.Client.Workflow.Query().Where(entworkflow.IsTemplate(true), entworkflow.IsActive(true)).CountX(testsupport.Ctx()); n != 0 {
		t.Fatalf("%d active templates", n)
	}
}

// TestSimulateStatusChange: a sample status change shows the client in its new status, so
// the trigger and a changed_to condition agree.
func TestSimulateStatusChange(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	api := testsupport.NewAPI(t, db)
	var c struct{ CreateClient struct{ ID string } }
	api.MustData(`mutation { createClient(input: {name: "Lee", email: "lee@example.com", status: LEAD}) { id } }`, nil, &c)
	var out struct {
		SimulateWorkflow struct{ TriggerMatched, ConditionsPassed bool }
	}
	api.MustData(`query($c: ID) { simulateWorkflow(
		definition: {triggerType: CLIENT_STATUS_CHANGED, triggerConfig: {to: "ACTIVE"},
			conditions: {field: "status", operator: "changed_to", value: "ACTIVE"},
			actions: [{type: LOG_ACTIVITY, config: {message: "now {{client.status}}"}}]},
		sample: {clientId: $c, triggerData: {oldStatus: "LEAD", newStatus: "ACTIVE"}}) { triggerMatched conditionsPassed } }`,
		map[string]any{"c": c.CreateClient.ID}, &out)
	if !out.SimulateWorkflow.TriggerMatched || !out.SimulateWorkflow.ConditionsPassed {
		t.Fatalf("simulation: %+v", out.SimulateWorkflow)
	}
}

// TestSimulationWalksATree: a simulated FIND reads the rows its caller may read (shown
// capped), the FOR_EACH previews its first items with their values, HTTP_REQUEST is shown as
// a call that would be made, and nothing is written or called.
func TestSimulationWalksATree(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		api := testsupport.NewAPI(t, db)
		for i := range 12 {
			db.Client.Contact.Create().SetName(fmt.Sprintf("Lead %02d", i)).SetEmail(fmt.Sprintf("l%d@example.com", i)).SaveX(ctx)
		}
		db.Client.Contact.Create().SetName("Active").SetEmail("a@example.com").SetStatus("ACTIVE").SaveX(ctx)
		before := allRowCounts(t, db)
		var sim struct {
			SimulateWorkflow struct {
				Steps []struct {
					Path, Effect string
					Branch       *string
					Iteration    *int
					Details      map[string]any
				}
			}
		}
		api.MustData(`{ simulateWorkflow(definition: {triggerType: MANUAL, actions: [
			{key: "find", type: FIND_CLIENTS, config: {where: {field: "status", operator: "equals", value: "LEAD"}, orderBy: "name"}},
			{type: FOR_EACH, config: {items: "{{steps.find.output.clients}}", as: "lead"}, body: [
				{type: HTTP_REQUEST, config: {url: "https://scoring.example.com/{{lead.email}}"}}]}]},
			sample: {}) { steps { path effect branch iteration details } } }`, nil, &sim)
		steps := sim.SimulateWorkflow.Steps
		if len(steps) != 2+10 {
			t.Fatalf("%d steps: %+v", len(steps), steps)
		}
		if steps[0].Effect != "wouldFindClients" || steps[0].Details["count"] != float64(12) || len(steps[0].Details["clients"].([]any)) != 10 {
			t.Errorf("FIND: %+v", steps[0])
		}
		if steps[1].Effect != "wouldLoop" || steps[1].Details["count"] != float64(12) || steps[1].Details["previewedItems"] != float64(10) {
			t.Errorf("FOR_EACH: %+v", steps[1])
		}
		if s := steps[2]; s.Path != "/actions/1/body/0" || s.Iteration == nil || *s.Iteration != 0 ||
			s.Details["wouldCall"] != "GET https://scoring.example.com/l0@example.com" {
			t.Errorf("first item: %+v", s)
		}
		if after := allRowCounts(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("simulation wrote rows: before %v after %v", before, after)
		}
	})
}
