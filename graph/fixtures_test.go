package graph_test

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// seedUser creates a user directly through ent.
func seedUser(t testing.TB, db *testsupport.DB, email string) *ent.User {
	t.Helper()
	u, err := db.Client.User.Create().SetEmail(email).SetName("Test " + email).Save(testsupport.Ctx())
	if err != nil {
		t.Fatalf("seed user: %v", err)
	}
	return u
}

// seedTree creates nw workflows, each with ne executions, each with nl logs, and returns the
// workflows in creation order. Executions and logs are written with the ent client because
// the API does not write them (the engine does).
func seedTree(t testing.TB, db *testsupport.DB, owner *ent.User, nw, ne, nl int) []*ent.Workflow {
	t.Helper()
	ctx := testsupport.Ctx()
	wfBulk := make([]*ent.WorkflowCreate, nw)
	for i := range wfBulk {
		wfBulk[i] = db.Client.Workflow.Create().
			SetName("wf").SetTriggerType(spec.TriggerClientCreated).SetCreatedByID(owner.ID).
			SetActions([]spec.Action{{Type: spec.ActionCreateTask, Config: map[string]any{"title": "x"}}})
	}
	wfs, err := db.Client.Workflow.CreateBulk(wfBulk...).Save(ctx)
	if err != nil {
		t.Fatalf("seed workflows: %v", err)
	}
	var exBulk []*ent.WorkflowExecutionCreate
	for _, wf := range wfs {
		for j := 0; j < ne; j++ {
			exBulk = append(exBulk, db.Client.WorkflowExecution.Create().
				SetWorkflowID(wf.ID).SetStatus(workflowexecution.StatusCOMPLETED))
		}
	}
	exs, err := db.Client.WorkflowExecution.CreateBulk(exBulk...).Save(ctx)
	if err != nil {
		t.Fatalf("seed executions: %v", err)
	}
	var logBulk []*ent.WorkflowExecutionLogCreate
	for _, ex := range exs {
		// Written in reverse so that a correct default order (by stepIndex) differs from
		// insertion order.
		for k := nl - 1; k >= 0; k-- {
			logBulk = append(logBulk, db.Client.WorkflowExecutionLog.Create().
				SetExecutionID(ex.ID).SetStepIndex(k).SetActionType(spec.ActionCreateTask).
				SetStatus(workflowexecutionlog.StatusSUCCESS).SetExecutedAt(time.Now()))
			if len(logBulk) == 1000 {
				if _, err := db.Client.WorkflowExecutionLog.CreateBulk(logBulk...).Save(ctx); err != nil {
					t.Fatalf("seed logs: %v", err)
				}
				logBulk = logBulk[:0]
			}
		}
	}
	if len(logBulk) > 0 {
		if _, err := db.Client.WorkflowExecutionLog.CreateBulk(logBulk...).Save(ctx); err != nil {
			t.Fatalf("seed logs: %v", err)
		}
	}
	return wfs
}

func mustUUID(t testing.TB, s string) uuid.UUID {
	t.Helper()
	u, err := uuid.Parse(s)
	if err != nil {
		t.Fatalf("parse uuid %q: %v", s, err)
	}
	return u
}
