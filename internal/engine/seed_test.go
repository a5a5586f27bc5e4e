package engine_test

import (
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// vipWorkflow is the seed's sample workflow: when a LEAD client tagged vip is created, create
// a follow-up task (the seed's "text" key for the title).
var vipWorkflow = spec.Definition{
	TriggerType:   spec.TriggerClientCreated,
	TriggerConfig: map[string]any{"status": []any{"LEAD"}},
	Conditions:    map[string]any{"field": "tags", "operator": "contains", "value": "vip"},
	Actions: []spec.Action{{Type: spec.ActionCreateTask, Config: map[string]any{
		"text": "Follow up with VIP client", "priority": "HIGH", "dueDays": 1,
	}}},
}

// TestSeedVIPScenario: a VIP client created through the API runs the VIP workflow's
// CREATE_TASK once (one task for the client's owner, one SUCCESS log); a client without the
// tag completes with its step logged SKIPPED and the explanation.
func TestSeedVIPScenario(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		owner := a.createUser("owner@example.com")
		wf := a.createWorkflow(owner, "VIP follow-up", vipWorkflow)

		before := time.Now()
		vip := a.createClient(map[string]any{"name": "Grace", "email": "grace@example.com", "tags": []string{"vip"}, "ownerID": owner})
		plain := a.createClient(map[string]any{"name": "Alan", "email": "alan@example.com", "ownerID": owner})

		exs := a.executionsOf(wf)
		if len(exs) != 2 {
			t.Fatalf("want one execution per created client, got %d", len(exs))
		}
		var vipExec, plainExec string
		for _, ex := range exs {
			var out struct {
				Node struct{ Client struct{ ID string } }
			}
			a.MustData(`query($id: ID!) { node(id: $id) { ... on WorkflowExecution { client { id } } } }`, map[string]any{"id": ex.ID}, &out)
			switch out.Node.Client.ID {
			case vip:
				vipExec = ex.ID
			case plain:
				plainExec = ex.ID
			}
		}

		done := a.waitStatus(vipExec, "COMPLETED")
		if got := statuses(done.Logs); len(got) != 1 || got[0] != "0:CREATE_TASK:SUCCESS#1" {
			t.Fatalf("VIP execution logs = %v, want one CREATE_TASK SUCCESS", got)
		}
		if done.Logs[0].InputData["title"] != "Follow up with VIP client" || done.Logs[0].OutputData["taskId"] == nil {
			t.Errorf("log row input/output: %v / %v", done.Logs[0].InputData, done.Logs[0].OutputData)
		}
		if done.StartedAt == nil || done.CompletedAt == nil || done.CurrentStep != 1 || done.Attempt != 1 {
			t.Errorf("execution bookkeeping: %+v", done)
		}

		var tasks struct {
			Tasks struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Title, Priority string
						DueAt           time.Time
						Client          struct{ ID string }
						Assignee        struct{ ID string }
					}
				}
			}
		}
		a.MustData(`{ tasks(first: 10) { totalCount edges { node { title priority dueAt client { id } assignee { id } } } } }`, nil, &tasks)
		if tasks.Tasks.TotalCount != 1 {
			t.Fatalf("want exactly one task, got %d", tasks.Tasks.TotalCount)
		}
		task := tasks.Tasks.Edges[0].Node
		if task.Title != "Follow up with VIP client" || task.Priority != "HIGH" || task.Client.ID != vip || task.Assignee.ID != owner {
			t.Errorf("task = %+v", task)
		}
		if d := task.DueAt.Sub(before); d < 24*time.Hour-time.Minute || d > 24*time.Hour+10*time.Minute {
			t.Errorf("task due %s after the client was created, want about one day", d)
		}

		skipped := a.waitStatus(plainExec, "COMPLETED")
		if got := statuses(skipped.Logs); len(got) != 1 || got[0] != "0:CREATE_TASK:SKIPPED#1" {
			t.Fatalf("non-VIP execution logs = %v, want one SKIPPED", got)
		}
		ex, _ := skipped.Logs[0].OutputData["explanation"].(map[string]any)
		if ex == nil || ex["passed"] != false || ex["field"] != "client.tags" {
			t.Errorf("SKIPPED log has no explanation: %v", skipped.Logs[0].OutputData)
		}
	})
}
