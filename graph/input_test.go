package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// rowCounts counts every table a mutation could write.
func rowCounts(t *testing.T, db *testsupport.DB) [4]int {
	t.Helper()
	ctx := testsupport.Ctx()
	return [4]int{
		db.Client.Workflow.Query().CountX(ctx),
		db.Client.Contact.Query().CountX(ctx),
		db.Client.User.Query().CountX(ctx),
		db.Client.WorkflowExecution.Query().CountX(ctx),
	}
}

// TestBadInputIsRefusedAndWritesNothing sends each kind of bad input the API promises to
// refuse and checks the error code, that the error points somewhere, and that no row changed.
func TestBadInputIsRefusedAndWritesNothing(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		missing := "0eebf4c3-89cf-4354-bb3f-fca3c7851aff"
		wf := func(over map[string]any) map[string]any {
			in := map[string]any{"name": "w", "triggerType": "MANUAL",
				"actions": []any{map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "hi"}}}}
			for k, v := range over {
				in[k] = v
			}
			return map[string]any{"input": in}
		}
		cases := []struct {
			name, query string
			vars        map[string]any
			code        string
			mention     string
		}{
			{"malformed UUID", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": "not-a-uuid"}, "BAD_USER_INPUT", "not a valid ID"},
			{"malformed UUID literal", `{ node(id: "1234") { id } }`, nil, "BAD_USER_INPUT", "not a valid ID"},
			{"unknown node", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": missing}, "NOT_FOUND", ""},
			{"unknown enum", createWorkflowMutation, wf(map[string]any{"triggerType": "CLIENT_EXPLODED"}), "", "CLIENT_EXPLODED"},
			{"unknown action type", createWorkflowMutation, wf(map[string]any{"actions": []any{map[string]any{"type": "FAX", "config": map[string]any{}}}}), "", "FAX"},
			{"JSON of the wrong shape", createWorkflowMutation, wf(map[string]any{"triggerConfig": []any{1, 2}}), "", "triggerConfig"},
			{"missing required field", createWorkflowMutation, map[string]any{"input": map[string]any{"name": "w"}}, "", "triggerType"},
			{"empty name", createWorkflowMutation, wf(map[string]any{"name": ""}), "BAD_USER_INPUT", "name"},
			{"blank name", createWorkflowMutation, wf(map[string]any{"name": "   "}), "BAD_USER_INPUT", "blank"},
			{"blank client name", `mutation($in: CreateClientInput!) { createClient(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"name": " ", "email": "blank@example.com"}}, "BAD_USER_INPUT", "blank"},
			{"createdBy is never client-supplied", createWorkflowMutation, wf(map[string]any{"createdByID": owner.ID.String()}), "BAD_USER_INPUT", "unknown field"},
			{"dangling client owner", `mutation($in: CreateClientInput!) { createClient(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"name": "Ada", "email": "ada@example.com", "ownerID": missing}}, "NOT_FOUND", "user"},
			{"bad client email", `mutation($in: CreateClientInput!) { createClient(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"name": "Ada", "email": "not an email"}}, "BAD_USER_INPUT", "email"},
			{"bad client status", `mutation($in: CreateClientInput!) { createClient(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"name": "Ada", "email": "ada@example.com", "status": "ZOMBIE"}}, "", "ZOMBIE"},
			{"update unknown workflow", `mutation($id: ID!) { updateWorkflow(id: $id, input: {name: "x"}) { id } }`, map[string]any{"id": missing}, "NOT_FOUND", "workflow"},
			{"delete unknown client", `mutation($id: ID!) { deleteClient(id: $id) }`, map[string]any{"id": missing}, "NOT_FOUND", "client"},
			{"duplicate user email", `mutation { createUser(input: {email: "owner@example.com", name: "Dup"}) { id } }`, nil, "CONFLICT", "already exists"},
			{"page too large", `{ workflows(first: 101) { totalCount } }`, nil, "BAD_USER_INPUT", "at most 100"},
			{"nested page too large", `{ workflows(first: 1) { edges { node { executions(first: 1000) { totalCount } } } } }`, nil, "BAD_USER_INPUT", "at most 100"},
			{"negative first", `{ workflows(first: -1) { totalCount } }`, nil, "BAD_USER_INPUT", ""},
			{"SQL-looking filter", `{ workflows(where: {nameContains: "'; DROP TABLE workflows; --"}) { totalCount } }`, nil, "none", ""},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				before := rowCounts(t, db)
				res := api.Do(tc.query, tc.vars)
				if tc.code == "none" {
					if len(res.Errors) > 0 {
						t.Fatalf("want no error, got %+v", res.Errors)
					}
				} else {
					if len(res.Errors) == 0 {
						t.Fatalf("want an error, got data %s", res.Data)
					}
					e := res.Errors[0]
					if tc.code != "" && e.Code() != tc.code {
						t.Fatalf("code %q, want %q: %+v", e.Code(), tc.code, e)
					}
					if e.Code() == "" {
						t.Fatalf("error without extensions.code: %+v", e)
					}
					if !strings.Contains(e.Message, tc.mention) {
						t.Fatalf("message %q does not mention %q: %+v", e.Message, tc.mention, e)
					}
					if strings.Contains(strings.ToLower(e.Message), "sql") || strings.Contains(e.Message, "pq:") {
						t.Fatalf("message leaks SQL: %q", e.Message)
					}
					if len(e.Path) == 0 && e.Extensions["field"] == nil && e.Code() != "GRAPHQL_VALIDATION_FAILED" {
						t.Fatalf("error points nowhere (no path, no field): %+v", e)
					}
				}
				if after := rowCounts(t, db); after != before {
					t.Fatalf("rows changed from %v to %v", before, after)
				}
			})
		}
	})
}

// TestInlineInputErrorsHavePaths: mistakes written into the query text (not variables) are
// refused by validation with the path of the field and the offending argument or input field.
func TestInlineInputErrorsHavePaths(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPI(t, testsupport.Open(t, "sqlite3"))
	for _, c := range []struct {
		query string
		path  string
		field string
	}{
		{`mutation { createClient(input: {name: "X", email: "x@example.com", status: NOPE}) { id } }`, "createClient", "input.status"},
		{`mutation { createClient(input: {email: "x@example.com"}) { id } }`, "createClient", "input.name"},
		{`mutation { createClient { id } }`, "createClient", "input"},
		{`{ w: workflows(where: {status: 3}) { totalCount } }`, "w", "where.status"},
		{`{ workflows(first: 1) { edges { node { executions(first: "x") { totalCount } } } } }`, "workflows.edges.node.executions", "first"},
	} {
		res := api.Do(c.query, nil)
		if len(res.Errors) != 1 {
			t.Errorf("%s: %+v", c.query, res.Errors)
			continue
		}
		e := res.Errors[0]
		if e.Code() != "GRAPHQL_VALIDATION_FAILED" || fmt.Sprint(e.Path) != fmt.Sprint(strings.Split(c.path, ".")) || e.Extensions["field"] != c.field {
			t.Errorf("%s: code %s, path %v, field %v; want path %s, field %s", c.query, e.Code(), e.Path, e.Extensions["field"], c.path, c.field)
		}
	}
}

// TestManyValidationErrorsStayCheap: a query with many bad fields is parsed for error paths
// once, only the first errors are located, and the answer lists 20 errors plus a count of
// the rest, so the work and the answer stay small whatever the query's size.
func TestManyValidationErrorsStayCheap(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPI(t, testsupport.Open(t, "sqlite3"))
	var b strings.Builder
	b.WriteString("{ me {")
	for i := range 50 {
		fmt.Fprintf(&b, " zz%d", i)
	}
	b.WriteString(" } }")
	res := api.Do(b.String(), nil)
	located := 0
	for _, e := range res.Errors {
		if e.Code() != "GRAPHQL_VALIDATION_FAILED" {
			t.Fatalf("error %+v", e)
		}
		if len(e.Path) > 0 {
			located++
		}
	}
	// The answer lists 20 errors (each located) and a last one counting the other 30.
	if len(res.Errors) != 21 || located != 20 {
		t.Fatalf("%d errors, %d with a path; want 21 and 20", len(res.Errors), located)
	}
	if last := res.Errors[20]; last.Extensions["omitted"] != 30.0 || !strings.Contains(last.Message, "30 more errors") {
		t.Fatalf("last error %+v, want a count of the 30 left out", last)
	}
}
