package graph_test

import (
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestWorkflowRetentionDays: a workflow's retentionDays is set on create, read back, changed
// and cleared on update, and duplicated with the workflow; a value outside 1 to 3650 is
// refused as BAD_USER_INPUT naming the field, with the mutation's path, and writes nothing.
func TestWorkflowRetentionDays(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		create := `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id retentionDays } }`
		var created struct {
			CreateWorkflow struct {
				ID            string
				RetentionDays *int
			}
		}
		api.MustData(create, createWorkflowInput("", map[string]any{"retentionDays": 7}), &created)
		id := created.CreateWorkflow.ID
		if d := created.CreateWorkflow.RetentionDays; d == nil || *d != 7 {
			t.Fatalf("created retentionDays = %v, want 7", d)
		}
		read := func() *int {
			var out struct{ Node struct{ RetentionDays *int } }
			api.MustData(`query($id: ID!) { node(id: $id) { ... on Workflow { retentionDays } } }`, map[string]any{"id": id}, &out)
			return out.Node.RetentionDays
		}
		if d := read(); d == nil || *d != 7 {
			t.Fatalf("read retentionDays = %v, want 7", d)
		}

		update := `mutation($id: ID!, $in: UpdateWorkflowInput!) { updateWorkflow(id: $id, input: $in) { retentionDays version } }`
		var updated struct {
			UpdateWorkflow struct {
				RetentionDays *int
				Version       int
			}
		}
		api.MustData(update, map[string]any{"id": id, "in": map[string]any{"retentionDays": 365}}, &updated)
		if d := updated.UpdateWorkflow.RetentionDays; d == nil || *d != 365 || updated.UpdateWorkflow.Version != 1 {
			t.Fatalf("updated = %+v, want retentionDays 365 and no new version", updated.UpdateWorkflow)
		}
		var dup struct{ DuplicateWorkflow struct{ RetentionDays *int } }
		api.MustData(`mutation($id: ID!) { duplicateWorkflow(id: $id, name: "copy") { retentionDays } }`, map[string]any{"id": id}, &dup)
		if d := dup.DuplicateWorkflow.RetentionDays; d == nil || *d != 365 {
			t.Fatalf("duplicate's retentionDays = %v, want 365", d)
		}

		for _, tt := range []struct {
			query string
			vars  map[string]any
			field string
			path  string
		}{
			{create, createWorkflowInput("", map[string]any{"retentionDays": 0}), "input.retentionDays", "createWorkflow"},
			{create, createWorkflowInput("", map[string]any{"retentionDays": 3651}), "input.retentionDays", "createWorkflow"},
			{update, map[string]any{"id": id, "in": map[string]any{"retentionDays": -1}}, "input.retentionDays", "updateWorkflow"},
			{update, map[string]any{"id": id, "in": map[string]any{"retentionDays": 30, "clearRetentionDays": true}}, "input.clearRetentionDays", "updateWorkflow"},
		} {
			e := api.MustFail(tt.query, tt.vars, "BAD_USER_INPUT")
			if e.Extensions["field"] != tt.field || len(e.Path) != 1 || e.Path[0] != tt.path {
				t.Errorf("%v: error %+v, want field %s and path [%s]", tt.vars, e, tt.field, tt.path)
			}
		}
		if n := db.Client.Workflow.Query().CountX(testsupport.Ctx()); n != 2 {
			t.Fatalf("%d workflows, want the two created (refused creates write nothing)", n)
		}
		if d := read(); d == nil || *d != 365 {
			t.Fatalf("after refused updates retentionDays = %v, want 365", d)
		}

		api.MustData(update, map[string]any{"id": id, "in": map[string]any{"clearRetentionDays": true}}, &updated)
		if d := updated.UpdateWorkflow.RetentionDays; d != nil {
			t.Fatalf("cleared retentionDays = %v, want null", *d)
		}
	})
}
