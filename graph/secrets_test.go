package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflowstore"
)

// TestSecretsAreNeverShown: secret action config values are stored but shown as "***"
// (and survive an edit that sends "***" back); hashes never appear in the schema.
func TestSecretsAreNeverShown(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		in := createWorkflowInput("", map[string]any{"actions": []any{map[string]any{
			"type": "SEND_WEBHOOK", "config": map[string]any{
				"url": "https://hooks.example.com/in?token=s3cret-q&x=1&api_key=s3cret-k", "headers": map[string]any{"Authorization": "Bearer s3cret-value", "X-Trace": "visible"},
			},
		}}})
		var created struct {
			CreateWorkflow struct {
				ID      string
				Actions []struct{ Config map[string]any }
			}
		}
		api.MustData(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id actions { config } } }`, in, &created)
		headers := created.CreateWorkflow.Actions[0].Config["headers"].(map[string]any)
		if headers["Authorization"] != "***" || headers["X-Trace"] != "visible" {
			t.Fatalf("headers shown as %v", headers)
		}
		const shownURL = "https://hooks.example.com/in?token=***&x=1&api_key=***"
		if u := created.CreateWorkflow.Actions[0].Config["url"]; u != shownURL {
			t.Fatalf("url shown as %v, want %s", u, shownURL)
		}
		res := api.Do(`query($id: ID!) { node(id: $id) { ... on Workflow { actions { config } versions { edges { node { definition { actions { config } } } } } } } }`,
			map[string]any{"id": created.CreateWorkflow.ID})
		if strings.Contains(string(res.Data), "s3cret") {
			t.Fatalf("secret leaked: %s", res.Data)
		}
		// Sending the redacted form back (a client that edits another field) keeps the secret.
		api.MustData(`mutation($id: ID!, $actions: [WorkflowActionInput!]) { updateWorkflow(id: $id, input: {actions: $actions}) { version } }`,
			map[string]any{"id": created.CreateWorkflow.ID, "actions": []any{map[string]any{"type": "SEND_WEBHOOK", "config": map[string]any{
				"url": shownURL, "headers": map[string]any{"Authorization": "***", "X-Trace": "changed"}}}}}, nil)
		stored := db.Client.Workflow.Query().Where(workflow.Name("VIP follow-up")).OnlyX(testsupport.Ctx())
		h := stored.Actions[0].Config["headers"].(map[string]any)
		if h["Authorization"] != "Bearer s3cret-value" || h["X-Trace"] != "changed" {
			t.Fatalf("stored headers after edit: %v", h)
		}
		if u := stored.Actions[0].Config["url"]; u != "https://hooks.example.com/in?token=s3cret-q&x=1&api_key=s3cret-k" {
			t.Fatalf("stored url after edit: %v", u)
		}

		var schema struct {
			Schema struct {
				Types []struct {
					Name   string
					Fields []struct{ Name string }
				}
			} `json:"__schema"`
		}
		api.MustData(`{ __schema { types { name fields { name } } } }`, nil, &schema)
		for _, typ := range schema.Schema.Types {
			for _, f := range typ.Fields {
				n := strings.ToLower(f.Name)
				if strings.Contains(n, "password") || strings.Contains(n, "hash") {
					t.Errorf("%s.%s exposes a secret", typ.Name, f.Name)
				}
			}
		}
	})
}

// TestSecretsStayWithTheirOwner: a hidden secret cannot be redirected to another URL, and a
// copy made by another user does not inherit it.
func TestSecretsStayWithTheirOwner(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		admin := testsupport.NewAPI(t, db)
		editor := admin.As(admin.NewUser(auth.RoleEditor))
		webhook := func(url, authz string) []any {
			return []any{map[string]any{"type": "SEND_WEBHOOK", "config": map[string]any{
				"url": url, "headers": map[string]any{"Authorization": authz}}}}
		}
		in := createWorkflowInput("", map[string]any{"isTemplate": true, "actions": webhook("https://partner.example/in", "Bearer ADMIN-SECRET")})
		var tmpl struct{ CreateWorkflow struct{ ID string } }
		admin.MustData(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id } }`, in, &tmpl)

		// Another user's copy starts without the secret.
		var mine struct{ CreateWorkflowFromTemplate struct{ ID string } }
		editor.MustData(`mutation($t: ID!) { createWorkflowFromTemplate(templateId: $t, input: {name: "mine"}) { id } }`,
			map[string]any{"t": tmpl.CreateWorkflow.ID}, &mine)
		copied := db.Client.Workflow.GetX(testsupport.Ctx(), mustUUID(t, mine.CreateWorkflowFromTemplate.ID))
		if h := copied.Actions[0].Config["headers"].(map[string]any); h["Authorization"] != "" {
			t.Fatalf("the copy inherited the secret: %v", h)
		}
		// "***" with a new URL is refused: the secret would go to another server.
		var own struct{ CreateWorkflow struct{ ID string } }
		admin.MustData(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id } }`,
			createWorkflowInput("", map[string]any{"actions": webhook("https://partner.example/in", "Bearer ADMIN-SECRET")}), &own)
		e := admin.MustFail(`mutation($id: ID!, $a: [WorkflowActionInput!]) { updateWorkflow(id: $id, input: {actions: $a}) { id } }`,
			map[string]any{"id": own.CreateWorkflow.ID, "a": webhook("https://attacker.example/x", "***")}, "VALIDATION_FAILED")
		if !strings.Contains(fmt.Sprint(e.Extensions["problems"]), "/actions/0/config/headers/Authorization") {
			t.Fatalf("problem does not point at the header: %+v", e)
		}
		stored := db.Client.Workflow.GetX(testsupport.Ctx(), mustUUID(t, own.CreateWorkflow.ID))
		if stored.Actions[0].Config["url"] != "https://partner.example/in" {
			t.Fatalf("refused edit changed the workflow: %v", stored.Actions[0].Config)
		}
	})
}

// TestEveryBuiltinTemplateIsUsable: an editor can create a workflow from each template.
func TestEveryBuiltinTemplateIsUsable(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	admin := testsupport.NewAPI(t, db)
	editor := admin.As(admin.NewUser(auth.RoleEditor))
	if _, err := workflowstore.InstallTemplates(testsupport.Ctx(), db.Client); err != nil {
		t.Fatal(err)
	}
	for _, tmpl := range db.Client.Workflow.Query().Where(workflow.TemplateKeyNotNil()).AllX(testsupport.Ctx()) {
		res := editor.Do(`mutation($t: ID!) { createWorkflowFromTemplate(templateId: $t, input: {name: "from template"}) { id } }`,
			map[string]any{"t": tmpl.ID.String()})
		if len(res.Errors) > 0 {
			t.Errorf("template %q: %+v", *tmpl.TemplateKey, res.Errors)
		}
	}
}

// TestRedactedSecretsFollowTheWebhook: "***" keeps a stored secret when the webhook moved to
// another position in the list, or its header name changed case, as long as the URL is the same.
func TestRedactedSecretsFollowTheWebhook(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	api := testsupport.NewAPI(t, db)
	const url = "https://hooks.example.com/in?token=q-secret"
	var created struct{ CreateWorkflow struct{ ID string } }
	api.MustData(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id } }`,
		createWorkflowInput("", map[string]any{"actions": []any{map[string]any{"type": "SEND_WEBHOOK", "config": map[string]any{
			"url": url, "headers": map[string]any{"Authorization": "Bearer h-secret"}}}}}), &created)
	api.MustData(`mutation($id: ID!, $actions: [WorkflowActionInput!]) { updateWorkflow(id: $id, input: {actions: $actions}) { version } }`,
		map[string]any{"id": created.CreateWorkflow.ID, "actions": []any{
			map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "first"}},
			map[string]any{"type": "SEND_WEBHOOK", "config": map[string]any{
				"url": "https://hooks.example.com/in?token=***", "headers": map[string]any{"authorization": "***"}}},
		}}, nil)
	stored := db.Client.Workflow.Query().OnlyX(testsupport.Ctx())
	cfg := stored.Actions[1].Config
	if cfg["url"] != url || cfg["headers"].(map[string]any)["Authorization"] != "Bearer h-secret" {
		t.Fatalf("stored webhook after the move: %v", cfg)
	}
}
