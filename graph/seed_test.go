package graph_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// The seed's sample workflow: VIP follow-up CREATE_TASK on CLIENT_CREATED.
var seedWorkflowVars = map[string]any{
	"name":          "Test Workflow for Schema Verification",
	"description":   "This is a test workflow to verify all fields exist",
	"isActive":      true,
	"isTemplate":    false,
	"triggerType":   "CLIENT_CREATED",
	"triggerConfig": map[string]any{"status": "LEAD"},
	"conditions":    map[string]any{"field": "tags", "operator": "contains", "value": "vip"},
	"actions": []any{map[string]any{"type": "CREATE_TASK", "config": map[string]any{
		"text": "Follow up with VIP client", "priority": "HIGH", "dueDays": 1,
	}}},
}

const createWorkflowMutation = `mutation($input: CreateWorkflowInput!) {
  createWorkflow(input: $input) { id name description isActive isTemplate triggerType
    triggerConfig conditions actions { type config } version createdBy { id } createdAt updatedAt } }`

const workflowFields = `id name description isActive isTemplate triggerType triggerConfig conditions
  actions { type config } version createdBy { id } createdAt updatedAt`

func TestSeedWorkflowRoundTrip(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := api.User
		input := map[string]any{}
		for k, v := range seedWorkflowVars {
			input[k] = v
		}
		var created struct{ CreateWorkflow map[string]any }
		api.MustData(createWorkflowMutation, map[string]any{"input": input}, &created)
		id := created.CreateWorkflow["id"].(string)

		var read struct{ Node map[string]any }
		api.MustData(`query($id: ID!) { node(id: $id) { ... on Workflow { `+workflowFields+` } } }`, map[string]any{"id": id}, &read)
		got := read.Node
		if len(got) != 13 {
			t.Fatalf("want all 13 fields, got %d: %v", len(got), got)
		}
		for _, k := range []string{"name", "description", "isActive", "isTemplate", "triggerType", "triggerConfig", "conditions", "actions"} {
			if !jsonEqual(t, got[k], seedWorkflowVars[k]) {
				t.Errorf("%s: got %v, want %v", k, got[k], seedWorkflowVars[k])
			}
		}
		if got["version"].(float64) != 1 || got["createdBy"].(map[string]any)["id"] != owner.ID.String() {
			t.Errorf("version/createdBy: %v %v", got["version"], got["createdBy"])
		}
		for _, k := range []string{"createdAt", "updatedAt"} {
			if _, err := time.Parse(time.RFC3339Nano, got[k].(string)); err != nil {
				t.Errorf("%s is not a timestamp: %v", k, got[k])
			}
		}
		if !reflect.DeepEqual(created.CreateWorkflow, got) {
			t.Errorf("mutation result and node read differ:\n%v\n%v", created.CreateWorkflow, got)
		}
	})
}

func TestSeedExecutionAndLogReadBack(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		wf := seedTree(t, db, owner, 1, 0, 0)[0]
		client, err := db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		started := time.Date(2026, 2, 2, 16, 5, 53, 0, time.UTC)
		ex, err := db.Client.WorkflowExecution.Create().
			SetWorkflowID(wf.ID).SetClientID(client.ID).SetStatus(workflowexecution.StatusPENDING).
			SetTriggerData(map[string]any{"oldStatus": "LEAD", "newStatus": "ACTIVE"}).
			SetCurrentStep(0).SetStartedAt(started).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		lg, err := db.Client.WorkflowExecutionLog.Create().
			SetExecutionID(ex.ID).SetStepIndex(0).SetActionType(spec.ActionCreateTask).
			SetStatus(workflowexecutionlog.StatusSUCCESS).
			SetInputData(map[string]any{"text": "Review uploaded document", "priority": "MEDIUM"}).
			SetOutputData(map[string]any{"taskId": "task-123", "created": true}).
			SetExecutedAt(started).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}

		var got struct {
			Node struct {
				ID, Status                string
				Workflow                  struct{ ID string }
				Client                    struct{ ID string }
				TriggerData               map[string]any
				CurrentStep               int
				StartedAt                 time.Time
				CompletedAt, ErrorMessage *string
				CreatedAt                 time.Time
				Logs                      struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							ID, ActionType, Status string
							StepIndex              int
							InputData, OutputData  map[string]any
							ErrorMessage           *string
							ExecutedAt             time.Time
							Execution              struct{ ID string }
						}
					}
				}
			}
		}
		api.MustData(`query($id: ID!) { node(id: $id) { ... on WorkflowExecution {
			id status workflow { id } client { id } triggerData currentStep startedAt completedAt errorMessage createdAt
			logs { totalCount edges { node { id stepIndex actionType status inputData outputData errorMessage executedAt execution { id } } } } } } }`,
			map[string]any{"id": ex.ID.String()}, &got)
		n := got.Node
		if n.ID != ex.ID.String() || n.Status != "PENDING" || n.Workflow.ID != wf.ID.String() || n.Client.ID != client.ID.String() ||
			n.TriggerData["newStatus"] != "ACTIVE" || n.TriggerData["oldStatus"] != "LEAD" || n.CurrentStep != 0 ||
			!n.StartedAt.Equal(started) || n.CompletedAt != nil || n.ErrorMessage != nil || n.CreatedAt.IsZero() {
			t.Fatalf("execution read back wrong: %+v", n)
		}
		if n.Logs.TotalCount != 1 {
			t.Fatalf("want 1 log, got %d", n.Logs.TotalCount)
		}
		l := n.Logs.Edges[0].Node
		if l.ID != lg.ID.String() || l.StepIndex != 0 || l.ActionType != "CREATE_TASK" || l.Status != "SUCCESS" ||
			l.InputData["text"] != "Review uploaded document" || l.OutputData["taskId"] != "task-123" || l.OutputData["created"] != true ||
			l.ErrorMessage != nil || !l.ExecutedAt.Equal(started) || l.Execution.ID != ex.ID.String() {
			t.Fatalf("log read back wrong: %+v", l)
		}
	})
}

func TestCascadeDeletes(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		wfs := seedTree(t, db, owner, 2, 3, 2)

		var del struct{ DeleteWorkflow string }
		api.MustData(`mutation($id: ID!) { deleteWorkflow(id: $id) }`, map[string]any{"id": wfs[0].ID.String()}, &del)
		if del.DeleteWorkflow != wfs[0].ID.String() {
			t.Fatalf("deleteWorkflow returned %q", del.DeleteWorkflow)
		}
		if n := db.Client.WorkflowExecution.Query().CountX(ctx); n != 3 {
			t.Fatalf("executions after deleting a workflow: %d, want 3 (the other workflow's)", n)
		}
		if n := db.Client.WorkflowExecutionLog.Query().CountX(ctx); n != 6 {
			t.Fatalf("logs after deleting a workflow: %d, want 6", n)
		}

		client := db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").SaveX(ctx)
		ex := db.Client.WorkflowExecution.Create().SetWorkflowID(wfs[1].ID).SetClientID(client.ID).SaveX(ctx)
		db.Client.WorkflowExecutionLog.Create().SetExecutionID(ex.ID).SetStepIndex(0).
			SetActionType(spec.ActionAddTag).SetStatus(workflowexecutionlog.StatusSUCCESS).SaveX(ctx)
		api.MustData(`mutation($id: ID!) { deleteClient(id: $id) }`, map[string]any{"id": client.ID.String()}, nil)
		if db.Client.WorkflowExecution.Query().Where(workflowexecution.ID(ex.ID)).ExistX(ctx) {
			t.Fatal("deleting a client left its execution")
		}
		if n := db.Client.WorkflowExecutionLog.Query().CountX(ctx); n != 6 {
			t.Fatalf("logs after deleting a client: %d, want 6", n)
		}

		// Deleting a workflow's author is refused, and nothing changes.
		e := api.MustFail(`mutation($id: ID!) { deleteUser(id: $id) }`, map[string]any{"id": owner.ID.String()}, "CONFLICT")
		if len(e.Path) == 0 {
			t.Errorf("CONFLICT error has no path: %+v", e)
		}
		if n := db.Client.Workflow.Query().CountX(ctx); n != 1 {
			t.Fatalf("workflows after refused user delete: %d", n)
		}
	})
}

func jsonEqual(t *testing.T, a, b any) bool {
	t.Helper()
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	var va, vb any
	_ = json.Unmarshal(ja, &va)
	_ = json.Unmarshal(jb, &vb)
	return reflect.DeepEqual(va, vb)
}
