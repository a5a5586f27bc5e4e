package graph_test

import (
	"strings"
	"testing"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// seedTriggered creates an active workflow listening to t with cfg.
func seedTriggered(t *testing.T, db *testsupport.DB, owner *ent.User, tt spec.TriggerType, cfg map[string]any) *ent.Workflow {
	t.Helper()
	return db.Client.Workflow.Create().SetName(string(tt)).SetTriggerType(tt).SetTriggerConfig(cfg).
		SetActions([]spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "hi"}}}).
		SetCreatedByID(owner.ID).SaveX(testsupport.Ctx())
}

// executionsOf lists a workflow's executions, oldest first.
func executionsOf(t *testing.T, db *testsupport.DB, wf *ent.Workflow) []*ent.WorkflowExecution {
	t.Helper()
	return db.Client.WorkflowExecution.Query().Where(workflowexecution.WorkflowID(wf.ID)).
		Order(ent.Asc(workflowexecution.FieldCreatedAt)).AllX(testsupport.Ctx())
}

// TestMutationsRaiseEvents: each CRM mutation creates, in its own transaction, one PENDING
// execution per matching workflow, with the event's data as triggerData.
func TestMutationsRaiseEvents(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		pdf := seedTriggered(t, db, owner, spec.TriggerDocumentUploaded, map[string]any{"contentTypes": []any{"application/pdf"}})
		urgent := seedTriggered(t, db, owner, spec.TriggerTaskCompleted, map[string]any{"priority": []any{"HIGH"}})
		emailChanged := seedTriggered(t, db, owner, spec.TriggerClientUpdated, map[string]any{"fields": []any{"email"}})
		activated := seedTriggered(t, db, owner, spec.TriggerClientStatusChanged, map[string]any{"to": []any{"ACTIVE"}})
		created := seedTriggered(t, db, owner, spec.TriggerClientCreated, map[string]any{})

		var c struct{ CreateClient struct{ ID string } }
		api.MustData(`mutation { createClient(input: {name: "Ada", email: "ada@example.com"}) { id } }`, nil, &c)
		client := c.CreateClient.ID
		if exs := executionsOf(t, db, created); len(exs) != 1 || exs[0].ClientID.String() != client {
			t.Fatalf("createClient: %d CLIENT_CREATED executions", len(exs))
		}

		doc := `mutation($in: RegisterDocumentInput!) { registerDocument(input: $in) { id name contentType sizeBytes client { id } } }`
		api.MustData(doc, map[string]any{"in": map[string]any{"clientId": client, "name": "contract.pdf", "contentType": "application/pdf", "sizeBytes": 1234}}, nil)
		api.MustData(doc, map[string]any{"in": map[string]any{"clientId": client, "name": "photo.png", "contentType": "image/png", "sizeBytes": 10}}, nil)
		exs := executionsOf(t, db, pdf)
		if len(exs) != 1 {
			t.Fatalf("registerDocument: %d DOCUMENT_UPLOADED executions, want 1 (the PDF)", len(exs))
		}
		if d, _ := exs[0].TriggerData["document"].(map[string]any); d["name"] != "contract.pdf" || d["sizeBytes"] != float64(1234) {
			t.Errorf("document trigger data = %v", exs[0].TriggerData)
		}

		task := db.Client.Task.Create().SetTitle("call").SetPriority("HIGH").SetClientID(*exs[0].ClientID).SaveX(testsupport.Ctx())
		complete := `mutation($id: ID!) { completeTask(id: $id) { id completedAt } }`
		api.MustData(complete, map[string]any{"id": task.ID.String()}, nil)
		if exs := executionsOf(t, db, urgent); len(exs) != 1 || exs[0].TriggerData["task"].(map[string]any)["title"] != "call" {
			t.Fatalf("completeTask: executions %v", exs)
		}
		e := api.MustFail(complete, map[string]any{"id": task.ID.String()}, "CONFLICT")
		if !strings.Contains(e.Message, "already completed") || len(executionsOf(t, db, urgent)) != 1 {
			t.Fatalf("completing twice: %+v", e)
		}

		update := `mutation($id: ID!, $in: UpdateClientInput!) { updateClient(id: $id, input: $in) { id } }`
		api.MustData(update, map[string]any{"id": client, "in": map[string]any{"name": "Ada L."}}, nil)
		api.MustData(update, map[string]any{"id": client, "in": map[string]any{"email": "ada@lovelace.org"}}, nil)
		api.MustData(update, map[string]any{"id": client, "in": map[string]any{"status": "ACTIVE"}}, nil)
		exs = executionsOf(t, db, emailChanged)
		if len(exs) != 1 {
			t.Fatalf("updateClient: %d CLIENT_UPDATED executions of the email workflow, want 1", len(exs))
		}
		if p, _ := exs[0].TriggerData["previous"].(map[string]any); p["email"] != "ada@example.com" {
			t.Errorf("CLIENT_UPDATED trigger data = %v", exs[0].TriggerData)
		}
		exs = executionsOf(t, db, activated)
		if len(exs) != 1 || exs[0].TriggerData["oldStatus"] != "LEAD" || exs[0].TriggerData["newStatus"] != "ACTIVE" {
			t.Fatalf("CLIENT_STATUS_CHANGED executions = %v", exs)
		}
	})
}

// TestEngineMutationsRefuseBadInput: the engine's mutations refuse bad input with a coded,
// located error and write nothing.
func TestEngineMutationsRefuseBadInput(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com")
		client := db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").SaveX(ctx)
		manual := seedTriggered(t, db, owner, spec.TriggerManual, map[string]any{})
		inactive := db.Client.Workflow.UpdateOne(seedTriggered(t, db, owner, spec.TriggerManual, map[string]any{})).SetIsActive(false).SaveX(ctx)
		created := seedTriggered(t, db, owner, spec.TriggerClientCreated, map[string]any{})
		done := db.Client.WorkflowExecution.Create().SetWorkflowID(manual.ID).SetStatus(workflowexecution.StatusCOMPLETED).SaveX(ctx)
		missing := "0eebf4c3-89cf-4354-bb3f-fca3c7851aff"
		doc := func(over map[string]any) map[string]any {
			in := map[string]any{"clientId": client.ID.String(), "name": "a.pdf", "contentType": "application/pdf", "sizeBytes": 1}
			for k, v := range over {
				in[k] = v
			}
			return map[string]any{"in": in}
		}
		const register = `mutation($in: RegisterDocumentInput!) { registerDocument(input: $in) { id } }`
		const trigger = `mutation($id: ID!, $client: ID, $data: Map) { triggerWorkflow(id: $id, clientId: $client, data: $data) { id } }`
		big := map[string]any{"blob": strings.Repeat("x", 70<<10)}
		cases := []struct {
			name, query string
			vars        map[string]any
			code, field string
		}{
			{"blank document name", register, doc(map[string]any{"name": "  "}), "BAD_USER_INPUT", "input.name"},
			{"bad content type", register, doc(map[string]any{"contentType": "pdf"}), "BAD_USER_INPUT", "input.contentType"},
			{"negative size", register, doc(map[string]any{"sizeBytes": -1}), "BAD_USER_INPUT", "input.sizeBytes"},
			{"unknown document client", register, doc(map[string]any{"clientId": missing}), "NOT_FOUND", "input.clientId"},
			{"document without a client", register, doc(map[string]any{"clientId": nil}), "BAD_USER_INPUT", "input.clientId"},
			{"two different document clients", register, doc(map[string]any{"clientID": missing}), "BAD_USER_INPUT", "input.clientId"},
			{"unknown document client, ent spelling", register, doc(map[string]any{"clientId": nil, "clientID": missing}), "NOT_FOUND", "input.clientID"},
			{"unknown task", `mutation($id: ID!) { completeTask(id: $id) { id } }`, map[string]any{"id": missing}, "NOT_FOUND", "id"},
			{"unknown workflow", trigger, map[string]any{"id": missing}, "NOT_FOUND", "id"},
			{"not a MANUAL workflow", trigger, map[string]any{"id": created.ID.String()}, "BAD_USER_INPUT", "id"},
			{"inactive workflow", trigger, map[string]any{"id": inactive.ID.String()}, "CONFLICT", "id"},
			{"unknown run client", trigger, map[string]any{"id": manual.ID.String(), "client": missing}, "NOT_FOUND", "clientId"},
			{"data too large", trigger, map[string]any{"id": manual.ID.String(), "data": big}, "BAD_USER_INPUT", "data"},
			{"cancel a completed execution", `mutation($id: ID!) { cancelExecution(id: $id) { id } }`, map[string]any{"id": done.ID.String()}, "CONFLICT", "id"},
			{"retry a completed execution", `mutation($id: ID!) { retryExecution(id: $id) { id } }`, map[string]any{"id": done.ID.String()}, "CONFLICT", "id"},
			{"retry from nowhere", `mutation($id: ID!) { retryExecution(id: $id, from: MIDDLE) { id } }`, map[string]any{"id": done.ID.String()}, "", ""},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				before := [3]int{db.Client.Document.Query().CountX(ctx), db.Client.WorkflowExecution.Query().CountX(ctx), db.Client.Task.Query().CountX(ctx)}
				res := api.Do(tc.query, tc.vars)
				if len(res.Errors) == 0 {
					t.Fatalf("want an error, got %s", res.Data)
				}
				e := res.Errors[0]
				if e.Code() == "" || (tc.code != "" && e.Code() != tc.code) {
					t.Fatalf("code %q, want %q: %+v", e.Code(), tc.code, e)
				}
				if tc.field != "" && (e.Extensions["field"] != tc.field || len(e.Path) == 0) {
					t.Fatalf("field %v path %v, want field %s and a path: %+v", e.Extensions["field"], e.Path, tc.field, e)
				}
				after := [3]int{db.Client.Document.Query().CountX(ctx), db.Client.WorkflowExecution.Query().CountX(ctx), db.Client.Task.Query().CountX(ctx)}
				if after != before {
					t.Fatalf("rows changed from %v to %v", before, after)
				}
			})
		}
		if ex := db.Client.WorkflowExecution.GetX(ctx, done.ID); ex.Status != workflowexecution.StatusCOMPLETED {
			t.Fatalf("refused cancel/retry changed the execution to %s", ex.Status)
		}
	})
}
