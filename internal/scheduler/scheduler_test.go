package scheduler_test

import (
	"testing"
	"time"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/scheduler"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
	"github.com/flowline/flowline/internal/workflowstore"
)

// TestScheduledWorkflowsFireOncePerTick: every due tick starts one execution, whatever the
// number of schedulers (replicas) scanning; ticks before the workflow's last change, far in
// the past, or of inactive workflows do not fire.
func TestScheduledWorkflowsFireOncePerTick(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		owner := db.Client.User.Create().SetEmail("o@example.com").SetName("O").SaveX(ctx)
		mk := func(cron string, active bool) *workflowstore.Created {
			c, err := workflowstore.Create(ctx, db.Client, workflowstore.Draft{
				Name: cron, IsActive: &active, CreatedBy: owner.ID,
				Definition: spec.Definition{
					TriggerType: spec.TriggerScheduled, TriggerConfig: map[string]any{"cron": cron, "timezone": "UTC"},
					Actions: []spec.Action{{Type: spec.ActionCreateTask, Config: map[string]any{"title": "weekly {{trigger.data.scheduledAt}}", "priority": "LOW", "dueDays": 1}}},
				},
			})
			if err != nil {
				t.Fatal(err)
			}
			return &c
		}
		everyMinute := mk("* * * * *", true)
		mk("* * * * *", false)
		daily := mk("@daily", true)
		// Pretend the workflows were last changed long ago.
		db.Client.Workflow.Update().SetUpdatedAt(time.Now().Add(-time.Hour)).ExecX(ctx)

		now := time.Now().UTC().Truncate(time.Minute).Add(30 * time.Second)
		clock := func() time.Time { return now }
		replicas := []*scheduler.Scheduler{
			scheduler.New(db.DB, scheduler.Config{Now: clock, CatchUp: 3 * time.Minute}),
			scheduler.New(db.DB, scheduler.Config{Now: clock, CatchUp: 3 * time.Minute}),
		}
		total := 0
		for _, s := range replicas {
			n, err := s.Scan(ctx)
			if err != nil {
				t.Fatal(err)
			}
			total += n
		}
		count := func() int {
			return db.Client.WorkflowExecution.Query().Where(workflowexecution.WorkflowID(everyMinute.Workflow.ID)).CountX(ctx)
		}
		// The last three minutes hold three ticks; two replicas fire them once.
		if total != 3 || count() != 3 {
			t.Fatalf("fired %d (stored %d), want 3", total, count())
		}
		if n := db.Client.WorkflowExecution.Query().Where(workflowexecution.WorkflowID(daily.Workflow.ID)).CountX(ctx); n != 0 && now.Hour() != 0 {
			t.Fatalf("@daily fired %d times at %s", n, now)
		}
		// A minute later, one more tick.
		now = now.Add(time.Minute)
		if n, err := replicas[1].Scan(ctx); err != nil || n != 1 || count() != 4 {
			t.Fatalf("next minute: fired %d (%v), stored %d", n, err, count())
		}
		ex := db.Client.WorkflowExecution.Query().Where(workflowexecution.WorkflowID(everyMinute.Workflow.ID)).FirstX(ctx)
		if ex.TriggerData["data"] == nil || ex.ClientID != nil {
			t.Fatalf("trigger data %v, client %v", ex.TriggerData, ex.ClientID)
		}
	})
}
