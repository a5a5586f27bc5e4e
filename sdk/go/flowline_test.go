package flowline_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/gqlerror"

	flowline "github.com/flowline/flowline/sdk/go"

	"github.com/flowline/flowline/internal/testsupport"
)

func ptr[T any](v T) *T { return &v }

// TestSDKAgainstARealServer runs the SDK's operations against the real handler: who am I, a
// client, a workflow with a step tree (read back as a tree), a simulation, a run triggered
// and cancelled, and a validation error carrying its code.
func TestSDKAgainstARealServer(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPI(t, testsupport.Open(t, "sqlite3"))
	token := strings.TrimPrefix(api.Header.Get("Authorization"), "Bearer ")
	c := flowline.NewClient(api.Server.URL+"/query", token, api.Server.Client())
	ctx := context.Background()

	me, err := flowline.Me(ctx, c)
	if err != nil || me.Me.Role != flowline.RoleAdmin {
		t.Fatalf("Me = %+v, %v", me, err)
	}
	client, err := flowline.CreateClient(ctx, c, flowline.CreateClientInput{Name: "Ada", Email: "ada@example.com", Tags: []string{"vip"}})
	if err != nil {
		t.Fatal(err)
	}
	cfg := func(m map[string]any) *map[string]any { return &m }
	wf, err := flowline.CreateWorkflow(ctx, c, flowline.CreateWorkflowInput{
		Name: "VIP or not", TriggerType: flowline.TriggerTypeManual, IsActive: ptr(true),
		Actions: []flowline.WorkflowActionInput{{
			Key: ptr("vip"), Type: flowline.ActionTypeIf,
			Config: cfg(map[string]any{"conditions": map[string]any{"field": "tags", "operator": "contains", "value": "vip"}}),
			Then:   []flowline.WorkflowActionInput{{Type: flowline.ActionTypeCreateTask, Config: cfg(map[string]any{"title": "Call {{client.name}}"})}},
			Else:   []flowline.WorkflowActionInput{{Type: flowline.ActionTypeStop, Config: cfg(map[string]any{"reason": "not a VIP"})}},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	step := wf.CreateWorkflow.Actions[0]
	if *step.Key != "vip" || step.Type != flowline.ActionTypeIf || step.Then[0].Type != flowline.ActionTypeCreateTask || step.Else[0].Type != flowline.ActionTypeStop {
		t.Fatalf("the tree read back as %+v", step)
	}

	sim, err := flowline.SimulateWorkflow(ctx, c, wf.CreateWorkflow.Id, flowline.SimulationSampleInput{ClientId: &client.CreateClient.Id})
	if err != nil || len(sim.SimulateWorkflow.Steps) != 2 || (*sim.SimulateWorkflow.Steps[1].RenderedConfig)["title"] != "Call Ada" {
		t.Fatalf("simulation = %+v, %v", sim, err)
	}

	run, err := flowline.TriggerWorkflow(ctx, c, wf.CreateWorkflow.Id, &client.CreateClient.Id, &map[string]any{"source": "sdk"})
	if err != nil || run.TriggerWorkflow.Status != flowline.WorkflowExecutionStatusPending {
		t.Fatalf("trigger = %+v, %v", run, err)
	}
	cancelled, err := flowline.CancelExecution(ctx, c, run.TriggerWorkflow.Id)
	if err != nil || cancelled.CancelExecution.Status != flowline.WorkflowExecutionStatusCancelled {
		t.Fatalf("cancel = %+v, %v", cancelled, err)
	}
	got, err := flowline.GetExecution(ctx, c, run.TriggerWorkflow.Id, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ex, ok := got.Node.(*flowline.GetExecutionNodeWorkflowExecution); !ok || ex.Status != flowline.WorkflowExecutionStatusCancelled {
		t.Fatalf("execution = %#v", got.Node)
	}

	_, err = flowline.CreateWorkflow(ctx, c, flowline.CreateWorkflowInput{Name: "bad", TriggerType: flowline.TriggerTypeManual,
		Actions: []flowline.WorkflowActionInput{{Type: flowline.ActionTypeLogActivity, Config: cfg(map[string]any{"message": "{{steps.nope.output.x}}"})}}})
	var list gqlerror.List
	if !errors.As(err, &list) || len(list) != 1 || list[0].Extensions["code"] != "VALIDATION_FAILED" ||
		!strings.Contains(fmt.Sprint(list[0].Extensions["problems"]), `no step has the key "nope"`) {
		t.Fatalf("a bad reference: %v", err)
	}
}

// TestSDKSubscribes follows an execution through the SDK's WebSocket client: its creation,
// then its cancellation.
func TestSDKSubscribes(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPIWith(t, testsupport.Open(t, "sqlite3"), testsupport.APIOptions{Live: &testsupport.LiveOptions{}})
	token := strings.TrimPrefix(api.Header.Get("Authorization"), "Bearer ")
	c := flowline.NewClient(api.Server.URL+"/query", token, api.Server.Client())
	ctx := context.Background()
	wf, err := flowline.CreateWorkflow(ctx, c, flowline.CreateWorkflowInput{
		Name: "Followed", TriggerType: flowline.TriggerTypeManual, IsActive: ptr(true),
		Actions: []flowline.WorkflowActionInput{{Type: flowline.ActionTypeCreateTask, Config: &map[string]any{"title": "Call"}}},
	})
	if err != nil {
		t.Fatal(err)
	}

	ws := flowline.NewWebSocketClient(api.Server.URL+"/query", token)
	if _, err := ws.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ws.Close() }()
	events, _, err := flowline.ExecutionUpdated(ctx, ws, &wf.CreateWorkflow.Id, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// graphql-transport-ws does not acknowledge a subscribe: wait for the server to hold it.
	waitCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := api.Live.WaitSubscriptions(waitCtx, 1); err != nil {
		t.Fatal("the subscription never reached the server")
	}
	next := func() flowline.ExecutionUpdatedExecutionUpdatedWorkflowExecution {
		t.Helper()
		select {
		case ev := <-events:
			if len(ev.Errors) > 0 || ev.Data == nil {
				t.Fatalf("event = %+v", ev)
			}
			return ev.Data.ExecutionUpdated
		case <-time.After(30 * time.Second):
			t.Fatal("no event within 30s")
		}
		panic("unreachable")
	}
	run, err := flowline.TriggerWorkflow(ctx, c, wf.CreateWorkflow.Id, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A subscriber gets the row as it is when the event reaches it: wait for the creation
	// before cancelling, or the two may arrive as one CANCELLED event.
	created := next()
	if _, err := flowline.CancelExecution(ctx, c, run.TriggerWorkflow.Id); err != nil {
		t.Fatal(err)
	}
	cancelled := next()
	seen := []flowline.WorkflowExecutionStatus{created.Status, cancelled.Status}
	for _, got := range []flowline.ExecutionUpdatedExecutionUpdatedWorkflowExecution{created, cancelled} {
		if got.Id != run.TriggerWorkflow.Id || got.Workflow.Name != "Followed" {
			t.Fatalf("event about %+v", got)
		}
	}
	if seen[0] != flowline.WorkflowExecutionStatusPending || seen[1] != flowline.WorkflowExecutionStatusCancelled {
		t.Fatalf("statuses = %v, want PENDING then CANCELLED", seen)
	}
}
