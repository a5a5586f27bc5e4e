package engine_test

import (
	"fmt"
	"testing"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/activity"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// concurrentExecutions is how many executions the concurrency test runs.
const concurrentExecutions = 1000

// TestConcurrentWorkersRunEachExecutionOnce: 1,000 executions created in one transaction are
// run by two worker processes of four workers each; every execution is claimed once, logs one
// step and writes its activity once, and both processes take part.
func TestConcurrentWorkersRunEachExecutionOnce(t *testing.T) {
	t.Parallel()
	bin := flowlineBinary(t)
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		a := newAPI(t, db)
		owner := a.createUser("owner@example.com")
		clientID := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		wfID := a.createWorkflow(owner, "count", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Type: spec.ActionLogActivity, Config: map[string]any{"message": "{{execution.id}}"}},
		}})

		// No worker dies here, so the leases are long: on SQLite the eight slots and the
		// renewals queue for one writer, and on a busy machine a renewal can wait out the
		// usual 2 s lease and let the other process take a running execution over.
		lease := "LEASE_DURATION=30s"
		procs := []*workerProcess{startWorkerProcess(t, bin, db.URL, lease), startWorkerProcess(t, bin, db.URL, lease)}

		tx, err := db.Client.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		wf := tx.Workflow.GetX(ctx, uuid.MustParse(wfID))
		client := tx.Contact.GetX(ctx, uuid.MustParse(clientID))
		raiser := events.Raiser{Dialect: db.Dialect}
		for i := range concurrentExecutions {
			ev := events.Targeted(spec.TriggerManual, wf.ID, fmt.Sprintf("bulk-%d", i), client, nil)
			if _, err := raiser.Start(ctx, tx.Client(), wf, ev); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}

		waitUntil(t, "all executions completed", func() bool {
			n := db.Client.WorkflowExecution.Query().Where(workflowexecution.StatusEQ(workflowexecution.StatusCOMPLETED)).CountX(ctx)
			return n == concurrentExecutions
		})
		for _, p := range procs {
			p.stop(t)
		}

		exs := db.Client.WorkflowExecution.Query().AllX(ctx)
		if len(exs) != concurrentExecutions {
			t.Fatalf("%d executions, want %d", len(exs), concurrentExecutions)
		}
		owners := map[string]int{}
		for _, ex := range exs {
			if ex.Attempt != 1 {
				t.Fatalf("execution %s was claimed %d times", ex.ID, ex.Attempt)
			}
			if ex.LeaseOwner != nil {
				owners[*ex.LeaseOwner]++
			}
		}
		logs := db.Client.WorkflowExecutionLog.Query().AllX(ctx)
		perExecution := map[uuid.UUID]int{}
		for _, l := range logs {
			if l.Status != "SUCCESS" || l.Attempt != 1 {
				t.Fatalf("log row %+v", l)
			}
			perExecution[l.ExecutionID]++
		}
		if len(logs) != concurrentExecutions || len(perExecution) != concurrentExecutions {
			t.Fatalf("%d log rows for %d executions, want one per execution", len(logs), len(perExecution))
		}
		messages := map[string]int{}
		for _, act := range db.Client.Activity.Query().Where(activity.KindEQ("workflow")).AllX(ctx) {
			messages[act.Message]++
		}
		for _, ex := range exs {
			if messages[ex.ID.String()] != 1 {
				t.Fatalf("execution %s wrote %d activities, want 1", ex.ID, messages[ex.ID.String()])
			}
		}
		if len(owners) != 2 {
			t.Fatalf("executions were run by %d processes (%v), want both", len(owners), owners)
		}
		t.Logf("executions per process: %v", owners)
	})
}
