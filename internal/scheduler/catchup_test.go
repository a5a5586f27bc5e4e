package scheduler_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/scheduler"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
	"github.com/flowline/flowline/internal/workflowstore"
)

// schedSetup is a database with a user, and a fake clock the schedulers read.
type schedSetup struct {
	db    *testsupport.DB
	owner uuid.UUID
	now   time.Time
}

// setup returns the bundle of a scheduler test on db.
func setup(t *testing.T, db *testsupport.DB) *schedSetup {
	owner := db.Client.User.Create().SetEmail("o@example.com").SetName("O").SaveX(testsupport.Ctx())
	return &schedSetup{db: db, owner: owner.ID}
}

// scheduled creates an active SCHEDULED workflow last changed at changed.
func (s *schedSetup) scheduled(t *testing.T, cfg map[string]any, changed time.Time) workflowstore.Created {
	t.Helper()
	ctx := testsupport.Ctx()
	active := true
	c, err := workflowstore.Create(ctx, s.db.Client, workflowstore.Draft{
		Name: "schedule", IsActive: &active, CreatedBy: s.owner,
		Definition: spec.Definition{
			TriggerType: spec.TriggerScheduled, TriggerConfig: cfg,
			Actions: []spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "tick {{trigger.data.scheduledAt}}", "clientId": "00000000-0000-4000-8000-000000000001"}}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	s.db.Client.Workflow.UpdateOneID(c.Workflow.ID).SetUpdatedAt(changed).ExecX(ctx)
	return c
}

// scheduler is one replica reading the fake clock.
func (s *schedSetup) scheduler() *scheduler.Scheduler {
	return scheduler.New(s.db.DB, scheduler.Config{Now: func() time.Time { return s.now }})
}

// runs lists the scheduledAt of a workflow's executions, with "+caughtUp" for caught-up ones.
func (s *schedSetup) runs(t *testing.T, c workflowstore.Created) []string {
	t.Helper()
	exs := s.db.Client.WorkflowExecution.Query().Where(workflowexecution.WorkflowID(c.Workflow.ID)).AllX(testsupport.Ctx())
	var out []string
	for _, ex := range exs {
		data, _ := ex.TriggerData["data"].(map[string]any)
		at, _ := data["scheduledAt"].(string)
		if data["caughtUp"] == true {
			at += "+caughtUp"
		}
		out = append(out, at)
	}
	slices.Sort(out)
	return out
}

// walk scans every minute between the two times (inclusive) with two replicas.
func (s *schedSetup) walk(t *testing.T, from, to time.Time) {
	t.Helper()
	a, b := s.scheduler(), s.scheduler()
	for s.now = from; !s.now.After(to); s.now = s.now.Add(time.Minute) {
		for _, r := range []*scheduler.Scheduler{a, b} {
			if _, err := r.Scan(testsupport.Ctx()); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestScheduledDaylightSaving runs Europe/Paris schedules through both transitions of 2024
// with a fake clock, scanning every minute with two replicas: the skipped 02:30 runs once at
// 03:00 (01:00 UTC), the repeated 02:30 once at its first occurrence; an hourly schedule
// runs once per wall-clock hour.
func TestScheduledDaylightSaving(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := setup(t, db)
		long := at("2024-01-01T00:00:00Z")
		// SKIP: the clock jumps from March to October, which is a long outage.
		daily := s.scheduled(t, map[string]any{"cron": "30 2 * * *", "timezone": "Europe/Paris", "catchUp": "SKIP"}, long)
		hourly := s.scheduled(t, map[string]any{"cron": "0 * * * *", "timezone": "Europe/Paris", "catchUp": "SKIP"}, long)

		s.walk(t, at("2024-03-30T23:30:00Z"), at("2024-03-31T02:10:00Z"))
		if got, want := s.runs(t, daily), []string{"2024-03-31T01:00:00Z"}; !slices.Equal(got, want) {
			t.Fatalf("spring, daily 02:30: %v, want %v", got, want)
		}
		if got, want := s.runs(t, hourly), []string{"2024-03-31T00:00:00Z", "2024-03-31T01:00:00Z", "2024-03-31T02:00:00Z"}; !slices.Equal(got, want) {
			t.Fatalf("spring, hourly: %v, want %v", got, want)
		}

		s.walk(t, at("2024-10-26T22:30:00Z"), at("2024-10-27T02:10:00Z"))
		if got, want := s.runs(t, daily), []string{"2024-03-31T01:00:00Z", "2024-10-27T00:30:00Z"}; !slices.Equal(got, want) {
			t.Fatalf("fall, daily 02:30: %v, want %v", got, want)
		}
		// 02:00 CEST (00:00 UTC) runs; 02:00 CET (01:00 UTC), the same wall-clock hour, does not.
		want := []string{"2024-03-31T00:00:00Z", "2024-03-31T01:00:00Z", "2024-03-31T02:00:00Z",
			"2024-10-26T23:00:00Z", "2024-10-27T00:00:00Z", "2024-10-27T02:00:00Z"}
		if got := s.runs(t, hourly); !slices.Equal(got, want) {
			t.Fatalf("fall, hourly: %v, want %v", got, want)
		}
	})
}

// TestScheduledCatchUp: hourly workflows fire at 10:00, then every process is down until
// 14:40. ONCE fires the latest missed slot (14:00) once, with caughtUp; SKIP fires nothing;
// both fire 15:00 as usual. A workflow that never fired catches up nothing.
func TestScheduledCatchUp(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := setup(t, db)
		changed := at("2024-05-01T09:00:00Z")
		once := s.scheduled(t, map[string]any{"cron": "0 * * * *"}, changed)
		skip := s.scheduled(t, map[string]any{"cron": "0 * * * *", "catchUp": "SKIP"}, changed)
		s.walk(t, at("2024-05-01T10:00:30Z"), at("2024-05-01T10:00:30Z"))
		neverRan := s.scheduled(t, map[string]any{"cron": "0 * * * *"}, changed)

		// Three replicas come back at 14:40.
		s.walk(t, at("2024-05-01T14:40:00Z"), at("2024-05-01T14:40:00Z"))
		if n, err := s.scheduler().Scan(testsupport.Ctx()); err != nil || n != 0 {
			t.Fatalf("third replica fired %d (%v)", n, err)
		}
		if got, want := s.runs(t, once), []string{"2024-05-01T10:00:00Z", "2024-05-01T14:00:00Z+caughtUp"}; !slices.Equal(got, want) {
			t.Fatalf("ONCE: %v, want %v", got, want)
		}
		if got, want := s.runs(t, skip), []string{"2024-05-01T10:00:00Z"}; !slices.Equal(got, want) {
			t.Fatalf("SKIP: %v, want %v", got, want)
		}
		if got := s.runs(t, neverRan); len(got) != 0 {
			t.Fatalf("a workflow that never fired caught up %v", got)
		}
		s.walk(t, at("2024-05-01T14:55:00Z"), at("2024-05-01T15:01:00Z"))
		if got, want := s.runs(t, once), []string{"2024-05-01T10:00:00Z", "2024-05-01T14:00:00Z+caughtUp", "2024-05-01T15:00:00Z"}; !slices.Equal(got, want) {
			t.Fatalf("ONCE after: %v, want %v", got, want)
		}
		if got, want := s.runs(t, skip), []string{"2024-05-01T10:00:00Z", "2024-05-01T15:00:00Z"}; !slices.Equal(got, want) {
			t.Fatalf("SKIP after: %v, want %v", got, want)
		}
	})
}
