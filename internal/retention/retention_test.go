package retention_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/email"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/retention"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// now is the fake clock of every pass: nothing here waits for time to pass.
var now = time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)

func daysAgo(d float64) time.Time {
	return now.Add(-time.Duration(d * float64(24*time.Hour)))
}

func clock() time.Time { return now }

// seeder writes fixtures straight through ent: the API never writes executions.
type seeder struct {
	t     *testing.T
	db    *testsupport.DB
	ctx   context.Context
	owner *ent.User
	n     int
}

func newSeeder(t *testing.T, db *testsupport.DB) *seeder {
	ctx := testsupport.Ctx()
	owner := db.Client.User.Create().SetEmail("owner@example.com").SetName("Owner").SaveX(ctx)
	return &seeder{t: t, db: db, ctx: ctx, owner: owner}
}

func (s *seeder) workflow(name string, retentionDays *int) *ent.Workflow {
	return s.db.Client.Workflow.Create().SetName(name).SetTriggerType(spec.TriggerManual).
		SetCreatedByID(s.owner.ID).SetNillableRetentionDays(retentionDays).SaveX(s.ctx)
}

// execution creates an execution with two log rows and a step output; completedAt may be
// the zero time (not ended).
func (s *seeder) execution(wf *ent.Workflow, status workflowexecution.Status, completedAt time.Time) uuid.UUID {
	c := s.db.Client.WorkflowExecution.Create().SetWorkflowID(wf.ID).SetStatus(status).
		SetCreatedAt(daysAgo(400))
	if !completedAt.IsZero() {
		c.SetCompletedAt(completedAt)
	}
	ex := c.SaveX(s.ctx)
	for i := range 2 {
		s.db.Client.WorkflowExecutionLog.Create().SetExecutionID(ex.ID).SetStepIndex(i).
			SetActionType(spec.ActionLogActivity).SetStatus(workflowexecutionlog.StatusSUCCESS).SaveX(s.ctx)
	}
	s.db.Client.StepOutput.Create().SetExecutionID(ex.ID).SetPath("/actions/0").SetKey("k").
		SetOutput(map[string]any{"ok": true}).SaveX(s.ctx)
	return ex.ID
}

func (s *seeder) email(status email.Status, createdAt time.Time) uuid.UUID {
	s.n++
	return s.db.Client.Email.Create().SetTo("a@example.com").SetSubject("s").SetBody("b").
		SetMessageID(fmt.Sprintf("<%d@test>", s.n)).SetStatus(status).SetCreatedAt(createdAt).SaveX(s.ctx).ID
}

// remaining reads what is left: execution ids, the execution ids of the logs and of the step
// outputs (one entry per row), and e-mail ids.
func remaining(t *testing.T, db *testsupport.DB) (execs, logs, outputs, emails []uuid.UUID) {
	t.Helper()
	ctx := testsupport.Ctx()
	execs = db.Client.WorkflowExecution.Query().IDsX(ctx)
	for _, l := range db.Client.WorkflowExecutionLog.Query().AllX(ctx) {
		logs = append(logs, l.ExecutionID)
	}
	for _, o := range db.Client.StepOutput.Query().AllX(ctx) {
		outputs = append(outputs, o.ExecutionID)
	}
	emails = db.Client.Email.Query().IDsX(ctx)
	return execs, logs, outputs, emails
}

func sorted(ids []uuid.UUID) []uuid.UUID {
	out := slices.Clone(ids)
	slices.SortFunc(out, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	return out
}

func twice(ids []uuid.UUID) []uuid.UUID {
	return append(slices.Clone(ids), ids...)
}

func ptr(n int) *int { return &n }

// TestPassDeletesExpiredRows: one pass deletes exactly the executions that ended before their
// workflow's retention (or the default), with their logs and step outputs, and the sent or
// failed e-mails older than the default; running, pending and recent executions, queued and
// sending e-mails, and the logs of kept executions stay.
func TestPassDeletesExpiredRows(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := newSeeder(t, db)
		std := s.workflow("default retention", nil)
		short := s.workflow("kept a week", ptr(7))
		long := s.workflow("kept 90 days", ptr(90))

		var gone, kept []uuid.UUID
		gone = append(gone,
			s.execution(std, workflowexecution.StatusCOMPLETED, daysAgo(31)),
			s.execution(std, workflowexecution.StatusFAILED, daysAgo(40)),
			s.execution(std, workflowexecution.StatusCANCELLED, daysAgo(45)),
			s.execution(short, workflowexecution.StatusCOMPLETED, daysAgo(8)),
			s.execution(long, workflowexecution.StatusFAILED, daysAgo(91)),
		)
		kept = append(kept,
			s.execution(std, workflowexecution.StatusCOMPLETED, daysAgo(29)),
			s.execution(std, workflowexecution.StatusPENDING, time.Time{}),
			s.execution(std, workflowexecution.StatusRUNNING, time.Time{}),
			// Never deleted while it runs, whatever its completed_at says.
			s.execution(std, workflowexecution.StatusRUNNING, daysAgo(100)),
			s.execution(std, workflowexecution.StatusPENDING, daysAgo(100)),
			s.execution(short, workflowexecution.StatusCOMPLETED, daysAgo(6)),
			s.execution(long, workflowexecution.StatusCOMPLETED, daysAgo(60)),
		)
		goneMail := []uuid.UUID{
			s.email(email.StatusSENT, daysAgo(31)),
			s.email(email.StatusFAILED, daysAgo(31)),
		}
		keptMail := []uuid.UUID{
			s.email(email.StatusSENT, daysAgo(29)),
			s.email(email.StatusQUEUED, daysAgo(100)),
			s.email(email.StatusSENDING, daysAgo(100)),
		}

		svc := retention.New(db.DB, retention.Config{Days: 30, Now: clock})
		res, err := svc.Pass(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if res.Skipped || res.Executions != len(gone) || res.Emails != len(goneMail) {
			t.Fatalf("pass = %+v, want %d executions and %d e-mails deleted", res, len(gone), len(goneMail))
		}
		execs, logs, outputs, emails := remaining(t, db)
		if got, want := sorted(execs), sorted(kept); !slices.Equal(got, want) {
			t.Errorf("executions left %v, want %v", got, want)
		}
		if got, want := sorted(logs), sorted(twice(kept)); !slices.Equal(got, want) {
			t.Errorf("logs left belong to %v, want two for each kept execution %v", got, want)
		}
		if got, want := sorted(outputs), sorted(kept); !slices.Equal(got, want) {
			t.Errorf("step outputs left belong to %v, want %v", got, want)
		}
		if got, want := sorted(emails), sorted(keptMail); !slices.Equal(got, want) {
			t.Errorf("e-mails left %v, want %v", got, want)
		}

		// A second pass finds nothing more.
		if res, err := svc.Pass(context.Background()); err != nil || res.Executions != 0 || res.Emails != 0 {
			t.Fatalf("second pass = %+v, %v", res, err)
		}
	})
}

// TestPassDeletesInBoundedBatches: no statement deletes more than the batch size, and the
// pass goes on until a batch comes back short.
func TestPassDeletesInBoundedBatches(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := newSeeder(t, db)
		wf := s.workflow("wf", nil)
		for range 5 {
			s.execution(wf, workflowexecution.StatusCOMPLETED, daysAgo(31))
		}
		for range 4 {
			s.email(email.StatusSENT, daysAgo(31))
		}
		res, err := retention.New(db.DB, retention.Config{Days: 30, Batch: 2, Now: clock}).Pass(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		// Executions: 2 + 2 + 1 (short: done). E-mails: 2 + 2 + 0 (short: done).
		if res.Executions != 5 || res.Emails != 4 || res.Batches != 6 || res.LargestBatch != 2 {
			t.Fatalf("pass = %+v, want 5 executions and 4 e-mails in 6 batches of at most 2", res)
		}
		if execs, logs, outputs, emails := remaining(t, db); len(execs)+len(logs)+len(outputs)+len(emails) != 0 {
			t.Fatalf("left: %d executions, %d logs, %d outputs, %d e-mails", len(execs), len(logs), len(outputs), len(emails))
		}
	})
}

// TestConcurrentPassesRunOnce: while one replica's pass holds the lock, another replica's
// pass skips and deletes nothing; once the first is done, the next pass runs. On PostgreSQL
// the second replica has a connection pool of its own, as another process would.
func TestConcurrentPassesRunOnce(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := newSeeder(t, db)
		wf := s.workflow("wf", nil)
		s.execution(wf, workflowexecution.StatusCOMPLETED, daysAgo(31))

		other := db.DB
		if db.Dialect.IsPostgres() {
			var err error
			if other, err = database.Open(context.Background(), db.URL, database.Options{}); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = other.Close() })
		}

		locked, release, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
		first := retention.New(db.DB, retention.Config{Days: 30, Now: clock, Locked: func() {
			close(locked)
			<-release
		}})
		var firstRes retention.Result
		var firstErr error
		go func() {
			defer close(done)
			firstRes, firstErr = first.Pass(context.Background())
		}()
		<-locked

		second := retention.New(other, retention.Config{Days: 30, Now: clock})
		res, err := second.Pass(context.Background())
		if err != nil || !res.Skipped || res.Executions != 0 {
			close(release)
			<-done
			t.Fatalf("second pass while the first holds the lock = %+v, %v; want skipped", res, err)
		}
		close(release)
		<-done
		if firstErr != nil || firstRes.Skipped || firstRes.Executions != 1 {
			t.Fatalf("first pass = %+v, %v; want 1 execution deleted", firstRes, firstErr)
		}
		// The lock was released: the other replica's next pass runs.
		if res, err := second.Pass(context.Background()); err != nil || res.Skipped {
			t.Fatalf("pass after the first ended = %+v, %v; want it to run", res, err)
		}
	})
}

// TestRetentionOff: with Days 0 a pass deletes nothing, however old the rows.
func TestRetentionOff(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	s := newSeeder(t, db)
	wf := s.workflow("wf", ptr(1))
	s.execution(wf, workflowexecution.StatusCOMPLETED, daysAgo(1000))
	s.email(email.StatusSENT, daysAgo(1000))
	res, err := retention.New(db.DB, retention.Config{Days: 0, Now: clock}).Pass(context.Background())
	if err != nil || res.Executions != 0 || res.Emails != 0 {
		t.Fatalf("pass = %+v, %v", res, err)
	}
	if execs, _, _, emails := remaining(t, db); len(execs) != 1 || len(emails) != 1 {
		t.Fatalf("left %d executions, %d e-mails; want everything", len(execs), len(emails))
	}
}
