package graph_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
	"github.com/flowline/flowline/internal/workflowstore"
)

// world is what the authorization tests act on: two editors' workflows, a client, an
// execution of each workflow on that client, and a template.
type world struct {
	admin, editor, editor2, viewer *testsupport.APIClient
	mine, theirs                   *ent.Workflow // the editor's and the second editor's
	template                       *ent.Workflow
	client                         *ent.Contact
	theirExecution                 *ent.WorkflowExecution
}

func newWorld(t *testing.T, db *testsupport.DB) world {
	t.Helper()
	ctx := testsupport.Ctx()
	w := world{admin: testsupport.NewAPI(t, db)}
	w.editor = w.admin.As(w.admin.NewUser(auth.RoleEditor))
	w.editor2 = w.admin.As(w.admin.NewUser(auth.RoleEditor))
	w.viewer = w.admin.As(w.admin.NewUser(auth.RoleViewer))
	if _, err := workflowstore.InstallTemplates(ctx, db.Client); err != nil {
		t.Fatal(err)
	}
	w.template = db.Client.Workflow.Query().FirstX(ctx)
	mk := func(owner *ent.User, name string) *ent.Workflow {
		created, err := workflowstore.Create(ctx, db.Client, workflowstore.Draft{
			Name: name, CreatedBy: owner.ID,
			Definition: workflowstore.DefinitionOf(w.template),
		})
		if err != nil {
			t.Fatal(err)
		}
		return created.Workflow
	}
	w.mine = mk(w.editor.User, "mine")
	w.theirs = mk(w.editor2.User, "theirs-secret-name")
	w.client = db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").SaveX(ctx)
	db.Client.WorkflowExecution.Create().SetWorkflowID(w.mine.ID).SetClientID(w.client.ID).SaveX(ctx)
	w.theirExecution = db.Client.WorkflowExecution.Create().SetWorkflowID(w.theirs.ID).SetClientID(w.client.ID).
		SetStatus(workflowexecution.StatusFAILED).SaveX(ctx)
	return w
}

// TestAuthorizationMatrix runs every query and mutation as each role and checks who is
// allowed; refusals write nothing.
func TestAuthorizationMatrix(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		w := newWorld(t, db)
		all := []string{"ADMIN", "EDITOR", "VIEWER"}
		writers := []string{"ADMIN", "EDITOR"}
		admins := []string{"ADMIN"}
		type op struct {
			name, query string
			vars        func() map[string]any
			allowed     []string
		}
		ids := func(kv ...any) func() map[string]any {
			return func() map[string]any {
				m := map[string]any{}
				for i := 0; i < len(kv); i += 2 {
					m[kv[i].(string)] = kv[i+1]
				}
				return m
			}
		}
		mine, tmpl, client := w.mine.ID.String(), w.template.ID.String(), w.client.ID.String()
		wfInput := `{name: "new", triggerType: MANUAL, actions: [{type: CREATE_TASK, config: {title: "t", priority: "LOW", dueDays: 1}}]}`
		ops := []op{
			{"workflows", `{ workflows { totalCount } }`, nil, all},
			{"workflowExecutions", `{ workflowExecutions { totalCount } }`, nil, all},
			{"clients", `{ clients { totalCount } }`, nil, all},
			{"users", `{ users { totalCount } }`, nil, all},
			{"tasks", `{ tasks { totalCount } }`, nil, all},
			{"emails", `{ emails { totalCount } }`, nil, all},
			{"workflowTemplates", `{ workflowTemplates { totalCount } }`, nil, all},
			{"me", `{ me { id } }`, nil, all},
			{"node", `query($id: ID!) { node(id: $id) { id } }`, ids("id", mine), []string{"ADMIN", "EDITOR", "VIEWER"}},
			{"simulateWorkflow", `query($id: ID!) { simulateWorkflow(workflowId: $id, sample: {}) { triggerMatched } }`, ids("id", mine), all},
			{"createWorkflow", `mutation { createWorkflow(input: ` + wfInput + `) { id } }`, nil, writers},
			{"updateWorkflow (editor's own)", `mutation($id: ID!) { updateWorkflow(id: $id, input: {name: "renamed"}) { id } }`, ids("id", mine), writers},
			{"activateWorkflow", `mutation($id: ID!) { activateWorkflow(id: $id) { warnings } }`, ids("id", mine), writers},
			{"deactivateWorkflow", `mutation($id: ID!) { deactivateWorkflow(id: $id) { id } }`, ids("id", mine), writers},
			{"rollbackWorkflow", `mutation($id: ID!) { rollbackWorkflow(id: $id, version: 1) { id } }`, ids("id", mine), nil}, // version 1 is current: CONFLICT for all
			{"duplicateWorkflow", `mutation($id: ID!) { duplicateWorkflow(id: $id, name: "dup") { id } }`, ids("id", mine), writers},
			{"saveWorkflowAsTemplate", `mutation($id: ID!) { saveWorkflowAsTemplate(id: $id) { id } }`, ids("id", mine), writers},
			{"createWorkflowFromTemplate", `mutation($id: ID!) { createWorkflowFromTemplate(templateId: $id, input: {name: "x"}) { id } }`, ids("id", tmpl), writers},
			{"createClient", `mutation { createClient(input: {name: "C", email: "c@example.com"}) { id } }`, nil, writers},
			{"updateClient", `mutation($id: ID!) { updateClient(id: $id, input: {name: "Ada L"}) { id } }`, ids("id", client), writers},
			{"createUser", `mutation { createUser(input: {email: "u@example.com", name: "U"}) { id } }`, nil, admins},
			{"createApiToken", `mutation { createApiToken(name: "t") { token } }`, nil, all},
			{"registerDocument", `mutation($c: ID!) { registerDocument(input: {clientID: $c, name: "a.pdf", contentType: "application/pdf", sizeBytes: 10}) { id } }`, ids("c", client), writers},
			{"completeTask", `mutation($id: ID!) { completeTask(id: $id) { id } }`, func() map[string]any {
				return map[string]any{"id": db.Client.Task.Create().SetTitle("t").SaveX(testsupport.Ctx()).ID.String()}
			}, writers},
			{"triggerWorkflow (editor's own)", `mutation($id: ID!) { triggerWorkflow(id: $id) { id } }`, func() map[string]any {
				def := spec.Definition{TriggerType: spec.TriggerManual, TriggerConfig: map[string]any{}, Conditions: map[string]any{},
					Actions: []spec.Action{{Type: spec.ActionCreateTask, Config: map[string]any{"title": "t", "priority": "LOW", "dueDays": 1}}}}
				c, err := workflowstore.Create(testsupport.Ctx(), db.Client, workflowstore.Draft{Name: "manual", CreatedBy: w.editor.User.ID, Definition: def})
				if err != nil {
					t.Fatal(err)
				}
				return map[string]any{"id": c.Workflow.ID.String()}
			}, writers},
			{"cancelExecution (editor's own)", `mutation($id: ID!) { cancelExecution(id: $id) { status } }`, func() map[string]any {
				ex := db.Client.WorkflowExecution.Create().SetWorkflowID(w.mine.ID).SetRunAt(time.Now().Add(time.Hour)).SaveX(testsupport.Ctx())
				return map[string]any{"id": ex.ID.String()}
			}, writers},
			{"retryExecution (editor's own)", `mutation($id: ID!) { retryExecution(id: $id) { status } }`, func() map[string]any {
				ex := db.Client.WorkflowExecution.Create().SetWorkflowID(w.mine.ID).SetStatus(workflowexecution.StatusFAILED).SaveX(testsupport.Ctx())
				return map[string]any{"id": ex.ID.String()}
			}, writers},
			{"deleteUser", `mutation($id: ID!) { deleteUser(id: $id) }`, func() map[string]any {
				return map[string]any{"id": w.admin.NewUser(auth.RoleViewer).ID.String()}
			}, admins},
			{"rotateWebhookSecret (editor's own)", `mutation($id: ID!) { rotateWebhookSecret(id: $id) { webhookSecret } }`, func() map[string]any {
				def := workflowstore.DefinitionOf(w.template)
				def.TriggerType, def.TriggerConfig, def.Conditions = "WEBHOOK", map[string]any{}, map[string]any{}
				def.Actions = []spec.Action{{Type: spec.ActionCreateTask, Config: map[string]any{"title": "t", "priority": "LOW", "dueDays": 1}}}
				c, err := workflowstore.Create(testsupport.Ctx(), db.Client, workflowstore.Draft{Name: "hook", CreatedBy: w.editor.User.ID, Definition: def})
				if err != nil {
					t.Fatal(err)
				}
				return map[string]any{"id": c.Workflow.ID.String()}
			}, writers},
			// Deletes get a fresh target each time, so every role has something to delete.
			{"deleteWorkflow (editor's own)", `mutation($id: ID!) { deleteWorkflow(id: $id) }`, func() map[string]any {
				c, err := workflowstore.Create(testsupport.Ctx(), db.Client, workflowstore.Draft{Name: "doomed", CreatedBy: w.editor.User.ID, Definition: workflowstore.DefinitionOf(w.template)})
				if err != nil {
					t.Fatal(err)
				}
				return map[string]any{"id": c.Workflow.ID.String()}
			}, writers},
			{"deleteClient", `mutation($id: ID!) { deleteClient(id: $id) }`, func() map[string]any {
				c := db.Client.Contact.Create().SetName("Doomed").SetEmail("d@example.com").SaveX(testsupport.Ctx())
				return map[string]any{"id": c.ID.String()}
			}, writers},
		}
		for _, o := range ops {
			for _, role := range all {
				t.Run(o.name+"/"+role, func(t *testing.T) {
					c := map[string]*testsupport.APIClient{"ADMIN": w.admin, "EDITOR": w.editor, "VIEWER": w.viewer}[role]
					var vars map[string]any
					if o.vars != nil {
						vars = o.vars()
					}
					before := allRowCounts(t, db)
					res := c.Do(o.query, vars)
					allowed := false
					for _, r := range o.allowed {
						allowed = allowed || r == role
					}
					if allowed && len(res.Errors) > 0 {
						t.Fatalf("%s should be allowed: %+v", role, res.Errors)
					}
					if !allowed {
						if len(res.Errors) == 0 {
							t.Fatalf("%s should be refused, got %s", role, res.Data)
						}
						code := res.Errors[0].Code()
						if code != "FORBIDDEN" && code != "NOT_FOUND" && code != "CONFLICT" {
							t.Fatalf("%s refused with code %q: %+v", role, code, res.Errors)
						}
						if after := allRowCounts(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
							t.Fatalf("a refused %s wrote rows: %v -> %v", o.name, before, after)
						}
					}
				})
			}
		}
	})
}

// TestSecondEditorCannotSeeOrTouch checks that another editor's workflow does not exist for
// an editor through any path: node, nodes, lists, totalCount, filters, nested edges and
// mutations.
func TestSecondEditorCannotSeeOrTouch(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		w := newWorld(t, db)
		theirs, exec := w.theirs.ID.String(), w.theirExecution.ID.String()
		ed := w.editor

		ed.MustFail(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": theirs}, "NOT_FOUND")
		ed.MustFail(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": exec}, "NOT_FOUND")
		res := ed.Do(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": []string{theirs, w.mine.ID.String()}})
		if strings.Contains(string(res.Data), theirs) || !strings.Contains(string(res.Data), w.mine.ID.String()) {
			t.Fatalf("nodes leaked or lost: %s", res.Data)
		}

		var counts struct {
			Workflows struct {
				TotalCount int
				Edges      []struct{ Node struct{ ID string } }
			}
			Filtered           struct{ TotalCount int }
			WorkflowExecutions struct{ TotalCount int }
			Node               struct {
				Executions struct{ TotalCount int }
			}
		}
		ed.MustData(`query($c: ID!) {
			workflows(where: {isTemplate: false}) { totalCount edges { node { id } } }
			filtered: workflows(where: {nameContains: "secret"}) { totalCount }
			workflowExecutions { totalCount }
			node(id: $c) { ... on Client { executions { totalCount } } } }`, map[string]any{"c": w.client.ID.String()}, &counts)
		if counts.Workflows.TotalCount != 1 || counts.Workflows.Edges[0].Node.ID != w.mine.ID.String() ||
			counts.Filtered.TotalCount != 0 || counts.WorkflowExecutions.TotalCount != 1 || counts.Node.Executions.TotalCount != 1 {
			t.Fatalf("editor sees another editor's objects: %+v", counts)
		}
		// Edge filters are plain subqueries the policies do not narrow, so none reaches a
		// workflow or execution from an object everyone can read.
		res = ed.Do(`{ clients(where: {hasExecutionsWith: {hasWorkflowWith: {nameContains: "secret"}}}) { totalCount } }`, nil)
		if len(res.Errors) == 0 {
			t.Fatalf("a where filter reaches other editors' workflows: %s", res.Data)
		}
		// The viewer and the admin see both.
		w.viewer.MustData(`{ workflows(where: {isTemplate: false}) { totalCount } }`, nil, &counts)
		if counts.Workflows.TotalCount != 2 {
			t.Fatalf("viewer should read all workflows: %+v", counts)
		}

		for _, m := range []string{
			`mutation($id: ID!) { triggerWorkflow(id: $id) { id } }`,
			`mutation($id: ID!) { updateWorkflow(id: $id, input: {name: "pwned"}) { id } }`,
			`mutation($id: ID!) { deleteWorkflow(id: $id) }`,
			`mutation($id: ID!) { activateWorkflow(id: $id) { warnings } }`,
			`mutation($id: ID!) { rotateWebhookSecret(id: $id) { id } }`,
			`mutation($id: ID!) { duplicateWorkflow(id: $id, name: "copy") { id } }`,
			`query($id: ID!) { simulateWorkflow(workflowId: $id, sample: {}) { triggerMatched } }`,
		} {
			res := ed.Do(m, map[string]any{"id": theirs})
			if len(res.Errors) == 0 || res.Errors[0].Code() != "NOT_FOUND" {
				t.Errorf("%s on another editor's workflow: %+v", m, res)
			}
		}
		for _, m := range []string{
			`mutation($id: ID!) { cancelExecution(id: $id) { id } }`,
			`mutation($id: ID!) { retryExecution(id: $id) { id } }`,
		} {
			if res := ed.Do(m, map[string]any{"id": exec}); len(res.Errors) == 0 || res.Errors[0].Code() != "NOT_FOUND" {
				t.Errorf("%s on another editor's execution: %+v", m, res)
			}
		}
		if got := db.Client.WorkflowExecution.GetX(testsupport.Ctx(), w.theirExecution.ID); got.Status != workflowexecution.StatusFAILED {
			t.Fatalf("another editor's execution changed: %s", got.Status)
		}
		if got := db.Client.Workflow.GetX(testsupport.Ctx(), w.theirs.ID); got.Name != "theirs-secret-name" {
			t.Fatalf("another editor's workflow changed: %q", got.Name)
		}
		// A template is readable by editors but not editable by them: FORBIDDEN, since they
		// can see it.
		for _, m := range []string{
			`mutation($id: ID!) { updateWorkflow(id: $id, input: {name: "mine now"}) { id } }`,
			`mutation($id: ID!) { deactivateWorkflow(id: $id) { id } }`,
			`mutation($id: ID!) { rollbackWorkflow(id: $id, version: 1) { id } }`,
			`mutation($id: ID!) { deleteWorkflow(id: $id) }`,
		} {
			if e := ed.MustFail(m, map[string]any{"id": w.template.ID.String()}, "FORBIDDEN"); len(e.Path) == 0 {
				t.Errorf("%s: no path: %+v", m, e)
			}
		}
		if got := db.Client.Workflow.GetX(testsupport.Ctx(), w.template.ID); got.Name == "mine now" {
			t.Fatal("an editor edited a library template")
		}
	})
}

// TestAPITokensArePrivate: a token is seen and revoked only by its owner, admins included.
func TestAPITokensArePrivate(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		w := newWorld(t, db)
		var made struct {
			CreateAPIToken struct{ APIToken struct{ ID string } }
		}
		w.editor.MustData(`mutation { createApiToken(name: "editor's") { apiToken { id } } }`, nil, &made)
		id := made.CreateAPIToken.APIToken.ID
		for _, other := range []*testsupport.APIClient{w.editor2, w.viewer} {
			other.MustFail(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, map[string]any{"id": id}, "NOT_FOUND")
			other.MustFail(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}, "NOT_FOUND")
		}
		var me struct {
			Me struct{ APITokens []struct{ ID string } }
		}
		w.admin.MustData(`{ me { apiTokens { id } } }`, nil, &me)
		if len(me.Me.APITokens) != 0 {
			t.Fatalf("admin's own list shows another user's tokens: %+v", me)
		}
		// ADMIN sees and revokes anyone's token (a leaked one must be stoppable).
		var revoked struct {
			RevokeAPIToken struct{ RevokedAt *string }
		}
		w.admin.MustData(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": id}, &revoked)
		if revoked.RevokeAPIToken.RevokedAt == nil {
			t.Fatal("not revoked")
		}
		w.editor.MustData(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": id}, &revoked)
		if revoked.RevokeAPIToken.RevokedAt == nil {
			t.Fatal("revoking again un-revoked it")
		}
	})
}

// TestDeleteUserChecksTheRoleFirst checks that a caller who may not delete users is refused
// FORBIDDEN before anything about the user (that it authored workflows) is revealed.
func TestDeleteUserChecksTheRoleFirst(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		admin := testsupport.NewAPI(t, db)
		author := seedUser(t, db, "author@example.com")
		seedTree(t, db, author, 1, 0, 0)
		for _, role := range []auth.Role{auth.RoleViewer, auth.RoleEditor} {
			c := admin.As(admin.NewUser(role))
			c.MustFail(`mutation($id: ID!) { deleteUser(id: $id) }`, map[string]any{"id": author.ID.String()}, "FORBIDDEN")
		}
		admin.MustFail(`mutation($id: ID!) { deleteUser(id: $id) }`, map[string]any{"id": author.ID.String()}, "CONFLICT")
	})
}
