package engine_test

import (
	"fmt"
	"testing"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/activity"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// loopClients is how many clients the crash test's loop goes over.
const loopClients = 1000

// insertBatchClients writes n clients tagged batch straight to the database (a test
// factory: creating them through the API would only make the test slower).
func insertBatchClients(t *testing.T, db *testsupport.DB, n int) []uuid.UUID {
	t.Helper()
	var ids []uuid.UUID
	for start := 0; start < n; start += 200 {
		var rows []*ent.ContactCreate
		for i := start; i < min(start+200, n); i++ {
			rows = append(rows, db.Client.Contact.Create().
				SetName(fmt.Sprintf("Batch %04d", i)).SetEmail(fmt.Sprintf("batch%04d@example.com", i)).SetTags([]string{"batch"}))
		}
		created, err := db.Client.Contact.CreateBulk(rows...).Save(testsupport.Ctx())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range created {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// TestLoopSurvivesAKilledWorker: a FOR_EACH over 1,000 found clients writes one timeline entry
// per client; the worker process running it is killed with SIGKILL mid-loop, and a second
// process resumes at the same item. Every client ends with exactly one entry, and every item
// has exactly one SUCCESS row.
func TestLoopSurvivesAKilledWorker(t *testing.T) {
	t.Parallel()
	bin := flowlineBinary(t)
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		ids := insertBatchClients(t, db, loopClients)
		wf := a.createWorkflow("", "batch", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Key: "find", Type: spec.ActionFindClients, Config: map[string]any{
				"where": map[string]any{"field": "tags", "operator": "contains", "value": "batch"}, "limit": loopClients,
			}},
			{Type: spec.ActionForEach, Config: map[string]any{"items": "{{steps.find.output.clients}}", "as": "lead", "maxItems": loopClients}, Body: []spec.Action{
				{Type: spec.ActionLogActivity, Config: map[string]any{"clientId": "{{lead.id}}", "message": "item {{loop.index}}"}},
			}},
		}})

		first := startWorkerProcess(t, bin, db.URL)
		id := a.trigger(wf, ada, nil)
		entries := func() int {
			n, err := db.Client.Activity.Query().Where(activity.KindEQ("workflow")).Count(testsupport.Ctx())
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		waitUntil(t, "a tenth of the loop done", func() bool { return entries() >= loopClients/10 })
		first.kill(t)
		if n := entries(); n >= loopClients {
			t.Fatalf("the loop finished (%d entries) before the worker was killed; nothing was tested", n)
		}

		startWorkerProcess(t, bin, db.URL)
		a.waitFor(id, "COMPLETED", func(ex execution) bool { return isFinal(ex.Status) })
		if ex := a.execution(id); ex.Status != "COMPLETED" {
			t.Fatalf("execution ended %s: %v", ex.Status, deref(ex.ErrorMessage))
		}

		perClient := map[uuid.UUID]int{}
		rows, err := db.Client.Activity.Query().Where(activity.KindEQ("workflow")).All(testsupport.Ctx())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			perClient[r.ClientID]++
		}
		for i, c := range ids {
			if perClient[c] != 1 {
				t.Fatalf("client %d has %d timeline entries, want exactly 1", i, perClient[c])
			}
		}
		logs, err := db.Client.WorkflowExecutionLog.Query().
			Where(workflowexecutionlog.ExecutionID(uuid.MustParse(id)), workflowexecutionlog.StatusEQ(workflowexecutionlog.StatusSUCCESS), workflowexecutionlog.IterationNotNil()).
			All(testsupport.Ctx())
		if err != nil {
			t.Fatal(err)
		}
		perItem := map[int]int{}
		for _, l := range logs {
			perItem[*l.Iteration]++
		}
		for i := range loopClients {
			if perItem[i] != 1 {
				t.Fatalf("item %d has %d SUCCESS rows, want 1", i, perItem[i])
			}
		}
	})
}
