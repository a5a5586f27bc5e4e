// Package scheduler starts SCHEDULED workflows when their cron expression comes due. It runs
// in every worker process; replicas need no leader, because each firing is an event with a
// deterministic dedupe key (SCHEDULED:<tick time>): the first replica's execution commits and
// every other replica's insert of the same tick is a no-op.
package scheduler

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/flowline/flowline/ent"
	entworkflow "github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Defaults of Config.
const (
	DefaultInterval = 15 * time.Second
	// DefaultCatchUp is how late a tick may still fire as usual. Ticks missed for longer
	// (every worker was down) are not replayed in a burst: the workflow's catchUp fires the
	// latest of them once (ONCE, the default) or none (SKIP).
	DefaultCatchUp = 5 * time.Minute
	// maxTicksPerScan bounds the firings of one workflow in one scan (a "* * * * *" schedule
	// after a short outage), so a scan never floods the queue.
	maxTicksPerScan = 10
)

// Config tunes a Scheduler.
type Config struct {
	Interval time.Duration
	CatchUp  time.Duration
	Logger   *slog.Logger
	// Now is the clock (tests set it).
	Now func() time.Time
	// Notify wakes local workers after a firing (optional).
	Notify func()
}

// Scheduler fires SCHEDULED workflows.
type Scheduler struct {
	db     *database.DB
	cfg    Config
	raiser events.Raiser
	log    *slog.Logger
}

// New returns a scheduler over db.
func New(db *database.DB, cfg Config) *Scheduler {
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.CatchUp <= 0 {
		cfg.CatchUp = DefaultCatchUp
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Scheduler{db: db, cfg: cfg, raiser: events.Raiser{Dialect: db.Dialect}, log: cfg.Logger.With("component", "scheduler")}
}

// Run scans every interval until ctx is cancelled.
func (s *Scheduler) Run(ctx context.Context) {
	t := time.NewTicker(s.cfg.Interval)
	defer t.Stop()
	for {
		if n, err := s.Scan(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("scan scheduled workflows", "error", err)
		} else if n > 0 {
			s.log.Debug("scheduled workflows fired", "executions", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Scan fires every due slot of every active SCHEDULED workflow and every due client date of
// every active CLIENT_DATE workflow, and returns how many executions it created. A slot is
// due when it is later than the workflow's last change (activating a workflow does not fire
// the slot just before it) and at most CatchUp old; older slots were missed while no
// scheduler ran, and the workflow's catchUp says what happens to them (see catchup.go).
func (s *Scheduler) Scan(ctx context.Context) (int, error) {
	// Which workflows are due is the system's business, not a user's read.
	ctx = authz.System(ctx, authz.ReasonScheduler)
	wfs, err := s.db.Client.Workflow.Query().
		Where(entworkflow.TriggerTypeEQ(spec.TriggerScheduled), entworkflow.IsActive(true), entworkflow.IsTemplate(false)).
		WithScheduleState().
		All(ctx)
	if err != nil {
		return 0, fmt.Errorf("list scheduled workflows: %w", err)
	}
	now := s.cfg.Now()
	fired := 0
	for _, wf := range wfs {
		sched, err := workflow.ParseSchedule(wf.TriggerConfig)
		if err != nil {
			s.log.Warn("unparsable schedule; skipped", "workflow_id", wf.ID, "error", err)
			continue
		}
		n, err := s.scanSchedule(ctx, wf, sched, now)
		fired += n
		if err != nil {
			return fired, err
		}
	}
	n, err := s.scanClientDates(ctx, now)
	fired += n
	if fired > 0 && s.cfg.Notify != nil {
		s.cfg.Notify()
	}
	return fired, err
}

// fire creates the execution of one tick, unless a replica already did. A tick fired late,
// for a slot missed while no scheduler ran, says so with caughtUp: true.
func (s *Scheduler) fire(ctx context.Context, wf *ent.Workflow, tick time.Time, caughtUp bool) (bool, error) {
	at := tick.UTC().Format(time.RFC3339)
	data := map[string]any{"scheduledAt": at, "caughtUp": caughtUp}
	ev := events.Targeted(spec.TriggerScheduled, wf.ID, at, nil, data)
	created := false
	err := database.InTx(ctx, s.db.Client, func(tx *ent.Client) error {
		seen, err := tx.WorkflowExecution.Query().
			Where(workflowexecution.WorkflowID(wf.ID), workflowexecution.DedupeKey(ev.Key)).
			Exist(ctx)
		if err != nil || seen {
			return err
		}
		ex, err := s.raiser.Start(ctx, tx, wf, ev)
		created = ex != nil
		return err
	})
	if err != nil {
		return false, fmt.Errorf("fire %s at %s: %w", wf.ID, at, err)
	}
	return created, nil
}
