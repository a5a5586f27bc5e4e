package graph_test

import (
	"testing"
	"time"

	"github.com/flowline/flowline/internal/auth"

	"github.com/flowline/flowline/internal/workflow/spec"

	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestNodeResolvesEveryType checks the UUID node strategy: node and nodes find the right
// type for every entity, mixed in one call, in the order asked.
func TestNodeResolvesEveryType(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		api := testsupport.NewAPI(t, db)
		u := seedUser(t, db, "owner@example.com")
		wf := seedTree(t, db, u, 1, 1, 1)[0]
		ex := wf.QueryExecutions().OnlyX(ctx)
		lg := db.Client.WorkflowExecutionLog.Query().Where(workflowexecutionlog.ExecutionID(ex.ID)).OnlyX(ctx)
		c := db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").SetOwnerID(u.ID).SaveX(ctx)
		task := db.Client.Task.Create().SetTitle("Call").SetClientID(c.ID).SaveX(ctx)
		doc := db.Client.Document.Create().SetName("a.pdf").SetContentType("application/pdf").SetSizeBytes(3).SetClientID(c.ID).SaveX(ctx)
		act := db.Client.Activity.Create().SetClientID(c.ID).SetKind("note").SetMessage("hi").SetActor("user:" + u.ID.String()).SaveX(ctx)
		ver := db.Client.WorkflowVersion.Create().SetWorkflowID(wf.ID).SetVersion(2).SetDefinition(spec.Definition{TriggerType: wf.TriggerType, Actions: wf.Actions}).SetCreatedByID(u.ID).SaveX(ctx)
		tok := db.Client.APIToken.Create().SetName("ci").SetTokenHash("hash-" + u.ID.String()).SetUserID(api.User.ID).SaveX(ctx)
		mail := db.Client.Email.Create().SetTo("ada@example.com").SetSubject("Hi").SetBody("Hello").
			SetMessageID("<node-test@flowline.local>").SetExecutionID(ex.ID).SetStepIndex(0).SetNextAttemptAt(time.Now()).SaveX(ctx)

		want := map[string]string{
			u.ID.String(): "User", wf.ID.String(): "Workflow", ex.ID.String(): "WorkflowExecution",
			lg.ID.String(): "WorkflowExecutionLog", c.ID.String(): "Client", task.ID.String(): "Task",
			doc.ID.String(): "Document", act.ID.String(): "Activity",
			ver.ID.String(): "WorkflowVersion", tok.ID.String(): "ApiToken", mail.ID.String(): "Email",
		}
		ids := make([]string, 0, len(want))
		for id, typ := range want {
			ids = append(ids, id)
			var got struct {
				Node map[string]any
			}
			api.MustData(`query($id: ID!) { node(id: $id) { id __typename } }`, map[string]any{"id": id}, &got)
			if got.Node["__typename"] != typ || got.Node["id"] != id {
				t.Errorf("node(%s) = %v, want %s", id, got.Node, typ)
			}
		}
		var many struct{ Nodes []map[string]any }
		api.MustData(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, map[string]any{"ids": ids}, &many)
		for i, n := range many.Nodes {
			if n["id"] != ids[i] || n["__typename"] != want[ids[i]] {
				t.Errorf("nodes[%d] = %v, want %s %s", i, n, ids[i], want[ids[i]])
			}
		}
		// Another user's API token is not theirs to read, through node either.
		viewer := api.As(api.NewUser(auth.RoleViewer))
		res := viewer.Do(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": tok.ID.String()})
		if len(res.Errors) == 0 || res.Errors[0].Code() != "NOT_FOUND" {
			t.Errorf("a viewer read another user's API token through node: %s %+v", res.Data, res.Errors)
		}
		// A fragment on the API name Client works (the ent type is called Contact).
		var frag struct{ Node struct{ Name string } }
		api.MustData(`query($id: ID!) { node(id: $id) { ... on Client { name } } }`, map[string]any{"id": c.ID.String()}, &frag)
		if frag.Node.Name != "Ada" {
			t.Errorf("fragment on Client: %+v", frag)
		}
	})
}

// TestConnectionsOrderFilterAndPage exercises orderBy lists, where filters, cursors and
// totalCount on the root connections.
func TestConnectionsOrderFilterAndPage(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		api := testsupport.NewAPI(t, db)
		for _, n := range []struct{ name, status string }{{"Cleo", "ACTIVE"}, {"Ada", "LEAD"}, {"Bea", "ACTIVE"}} {
			db.Client.Contact.Create().SetName(n.name).SetEmail(n.name + "@example.com").SetStatus(contactStatus(n.status)).SaveX(ctx)
		}
		var got struct {
			Clients struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct{ Node struct{ Name string } }
			}
		}
		q := `query($after: Cursor) { clients(first: 1, after: $after, where: {status: ACTIVE}, orderBy: [{field: STATUS, direction: ASC}, {field: NAME, direction: ASC}]) {
			totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`
		api.MustData(q, nil, &got)
		if got.Clients.TotalCount != 2 || got.Clients.Edges[0].Node.Name != "Bea" || !got.Clients.PageInfo.HasNextPage {
			t.Fatalf("first page: %+v", got.Clients)
		}
		api.MustData(q, map[string]any{"after": got.Clients.PageInfo.EndCursor}, &got)
		if len(got.Clients.Edges) != 1 || got.Clients.Edges[0].Node.Name != "Cleo" || got.Clients.PageInfo.HasNextPage {
			t.Fatalf("second page: %+v", got.Clients)
		}
		// A connection without first/last is capped at the page size, not unbounded.
		var all struct {
			Users struct{ TotalCount int }
		}
		api.MustData(`{ users { totalCount edges { node { id } } } }`, nil, &all)
	})
}

func contactStatus(s string) contact.Status { return contact.Status(s) }
