package scheduler_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/clientdateoccurrence"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/scheduler"
	"github.com/flowline/flowline/internal/testsupport"
)

const (
	createField    = `mutation($in: CreateClientFieldInput!) { createClientField(input: $in) { key } }`
	createWorkflow = `mutation($in: CreateWorkflowInput!) { createWorkflow(input: $in) { id } }`
	createClient   = `mutation($in: CreateClientInput!) { createClient(input: $in) { id } }`
	updateClient   = `mutation($id: ID!, $in: UpdateClientInput!) { updateClient(id: $id, input: $in) { id } }`
	upcoming       = `query($id: ID!, $n: Int) { node(id: $id) { ... on Workflow { nextRunAt upcomingRuns(count: $n) } } }`
)

// dateSetup is an API with a DATE custom field renewalDate and a CLIENT_DATE workflow that
// runs three days before it, at 09:00 in Paris.
type dateSetup struct {
	*schedSetup
	api *testsupport.APIClient
	wf  string
}

func dateFixture(t *testing.T, db *testsupport.DB) *dateSetup {
	t.Helper()
	api := testsupport.NewAPI(t, db)
	api.MustData(createField, map[string]any{"in": map[string]any{"key": "renewalDate", "label": "Renewal", "type": "DATE"}}, nil)
	var wf struct{ CreateWorkflow struct{ ID string } }
	api.MustData(createWorkflow, map[string]any{"in": map[string]any{
		"name": "Renewal reminder", "triggerType": "CLIENT_DATE", "isActive": true,
		"triggerConfig": map[string]any{"field": "custom.renewalDate", "offsetDays": -3, "at": "09:00", "timezone": "Europe/Paris"},
		"actions":       []any{map[string]any{"type": "CREATE_TASK", "config": map[string]any{"title": "Renewal of {{client.name}} on {{trigger.data.date}}"}}},
	}}, &wf)
	return &dateSetup{schedSetup: &schedSetup{db: db, now: time.Now()}, api: api, wf: wf.CreateWorkflow.ID}
}

// client creates a client through the API (which raises CLIENT_CREATED) with a renewal date.
func (s *dateSetup) client(t *testing.T, name string, renewal any) string {
	t.Helper()
	in := map[string]any{"name": name, "email": name + "@example.com"}
	if renewal != nil {
		in["customFields"] = map[string]any{"renewalDate": renewal}
	}
	var c struct{ CreateClient struct{ ID string } }
	s.api.MustData(createClient, map[string]any{"in": in}, &c)
	return c.CreateClient.ID
}

func (s *dateSetup) scan(t *testing.T, at time.Time) int {
	t.Helper()
	s.now = at
	n, err := s.scheduler().Scan(testsupport.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (s *dateSetup) upcoming(t *testing.T) (next *time.Time, runs []time.Time) {
	t.Helper()
	var got struct {
		Node struct {
			NextRunAt    *time.Time
			UpcomingRuns []time.Time
		}
	}
	s.api.MustData(upcoming, map[string]any{"id": s.wf, "n": 10}, &got)
	return got.Node.NextRunAt, got.Node.UpcomingRuns
}

func (s *dateSetup) executions(t *testing.T) int {
	t.Helper()
	return s.db.Client.WorkflowExecution.Query().Where(workflowexecution.WorkflowID(mustID(t, s.wf))).CountX(testsupport.Ctx())
}

// dueOf is when renewal date d (days from today) runs: three days before, 09:00 in Paris.
func dueOf(d time.Time) time.Time {
	paris, _ := time.LoadLocation("Europe/Paris")
	return time.Date(d.Year(), d.Month(), d.Day()-3, 9, 0, 0, 0, paris).UTC()
}

// TestClientDateFiresOnceAndFollowsTheField: a client's renewal date runs the workflow once,
// three days before at 09:00 Paris time; moving the date moves the pending run, clearing it
// removes it; a client created with a date already past never runs. upcomingRuns and
// nextRunAt show the pending runs.
func TestClientDateFiresOnceAndFollowsTheField(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := dateFixture(t, db)
		today := time.Now().UTC().Truncate(24 * time.Hour)
		d30, d40 := today.AddDate(0, 0, 30), today.AddDate(0, 0, 40)
		ada := s.client(t, "ada", d30.Format(time.DateOnly))
		s.client(t, "past", today.AddDate(0, 0, -1).Format(time.DateOnly))
		s.client(t, "none", nil)

		// Before the scheduler's first scan, upcomingRuns computes from the clients.
		next, runs := s.upcoming(t)
		if next == nil || !next.Equal(dueOf(d30)) || len(runs) != 1 {
			t.Fatalf("before the scan: next %v, runs %v; want %v", next, runs, dueOf(d30))
		}
		if n := s.scan(t, time.Now()); n != 0 {
			t.Fatalf("fired %d now", n)
		}
		if n := s.scan(t, dueOf(d30).Add(-time.Second)); n != 0 {
			t.Fatalf("fired %d a second early", n)
		}
		// Moved by an update: the old time passes without a run.
		s.api.MustData(updateClient, map[string]any{"id": ada, "in": map[string]any{"customFields": map[string]any{"renewalDate": d40.Format(time.DateOnly)}}}, nil)
		if next, _ := s.upcoming(t); next == nil || !next.Equal(dueOf(d40)) {
			t.Fatalf("after the move: next %v, want %v", next, dueOf(d40))
		}
		if n := s.scan(t, dueOf(d30).Add(time.Minute)); n != 0 || s.executions(t) != 0 {
			t.Fatalf("fired %d at the old date", n)
		}
		// Due: one run, whatever the number of scans.
		if n := s.scan(t, dueOf(d40).Add(15*time.Second)); n != 1 {
			t.Fatalf("fired %d at the new date, want 1", n)
		}
		if n := s.scan(t, dueOf(d40).Add(30*time.Second)); n != 0 || s.executions(t) != 1 {
			t.Fatalf("second scan fired %d, executions %d", n, s.executions(t))
		}
		ex := db.Client.WorkflowExecution.Query().Where(workflowexecution.WorkflowID(mustID(t, s.wf))).OnlyX(testsupport.Ctx())
		data, _ := ex.TriggerData["data"].(map[string]any)
		if ex.ClientID == nil || ex.ClientID.String() != ada || data["date"] != d40.Format(time.DateOnly) || data["caughtUp"] != false {
			t.Fatalf("execution client %v, data %v", ex.ClientID, data)
		}
		if next, runs := s.upcoming(t); next != nil || len(runs) != 0 {
			t.Fatalf("after the run: next %v, runs %v", next, runs)
		}

		// Cleared: the pending run disappears.
		bob := s.client(t, "bob", d30.Format(time.DateOnly))
		if _, runs := s.upcoming(t); len(runs) != 1 {
			t.Fatalf("bob's run missing: %v", runs)
		}
		s.api.MustData(updateClient, map[string]any{"id": bob, "in": map[string]any{"customFields": map[string]any{"renewalDate": nil}}}, nil)
		if _, runs := s.upcoming(t); len(runs) != 0 {
			t.Fatalf("after clearing: %v", runs)
		}
		if n := db.Client.ClientDateOccurrence.Query().Where(clientdateoccurrence.ClientID(mustID(t, bob))).CountX(testsupport.Ctx()); n != 0 {
			t.Fatalf("%d pending rows for a cleared date", n)
		}
		// Nothing else ever fires (the past date included).
		if n := s.scan(t, today.AddDate(2, 0, 0)); n != 0 || s.executions(t) != 1 {
			t.Fatalf("later scan fired %d, executions %d", n, s.executions(t))
		}
	})
}

// TestClientDateExactlyOnceAcrossReplicas: three schedulers on one PostgreSQL scan the same
// due dates at once; every client runs once.
func TestClientDateExactlyOnceAcrossReplicas(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "postgres")
	s := dateFixture(t, db)
	d := time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, 10)
	const clients = 20
	for i := range clients {
		s.client(t, fmt.Sprintf("c%d", i), d.Format(time.DateOnly))
	}
	s.now = dueOf(d).Add(time.Second)
	replicas := []*scheduler.Scheduler{s.scheduler(), s.scheduler(), s.scheduler()}
	var wg sync.WaitGroup
	fired := make([]int, len(replicas))
	errs := make([]error, len(replicas))
	for i, r := range replicas {
		wg.Go(func() { fired[i], errs[i] = r.Scan(testsupport.Ctx()) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if total := fired[0] + fired[1] + fired[2]; total != clients || s.executions(t) != clients {
		t.Fatalf("replicas fired %v (stored %d), want %d in all", fired, s.executions(t), clients)
	}
}

func mustID(t *testing.T, s string) uuid.UUID {
	t.Helper()
	id, err := uuid.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
