package scheduler

import (
	"context"
	"fmt"
	"time"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/schedulestate"
	"github.com/flowline/flowline/internal/workflow"
)

// scanSchedule fires the due slots of one SCHEDULED workflow.
//
// The workflow's schedule state remembers the latest slot handled (fired, or dropped by
// catchUp SKIP). Slots after it and after the workflow's last change are pending; those at
// most CatchUp old fire as usual (a replica scans every 15 s, so they are simply due), older
// ones were missed while no scheduler ran: catchUp ONCE fires the latest of them, once, with
// trigger.data.caughtUp: true; SKIP drops them. A workflow that has no state yet (never fired
// since this rule exists) catches up nothing. Each slot's execution has the dedupe key
// SCHEDULED:<slot>, so replicas racing on the same slots create it once.
func (s *Scheduler) scanSchedule(ctx context.Context, wf *ent.Workflow, sched *workflow.Schedule, now time.Time) (int, error) {
	grace := now.Add(-s.cfg.CatchUp)
	lower := wf.UpdatedAt
	var through *time.Time
	if st := wf.Edges.ScheduleState; st != nil {
		through = st.HandledThrough
	}
	if through == nil && grace.After(lower) {
		lower = grace
	} else if through != nil && through.After(lower) {
		lower = *through
	}
	var handled time.Time
	fired := 0
	if lower.Before(grace) {
		if missed := lastSlot(sched, lower, grace); !missed.IsZero() {
			handled = missed
			if sched.CatchUp == workflow.CatchUpOnce {
				created, err := s.fire(ctx, wf, missed, true)
				if err != nil {
					return fired, err
				}
				if created {
					fired++
				}
			}
		}
		lower = grace
	}
	for tick, i := sched.Next(lower), 0; !tick.IsZero() && !tick.After(now) && i < maxTicksPerScan; tick, i = sched.Next(tick), i+1 {
		created, err := s.fire(ctx, wf, tick, false)
		if err != nil {
			return fired, err
		}
		if created {
			fired++
		}
		handled = tick
	}
	if handled.IsZero() {
		return fired, nil
	}
	return fired, s.markHandled(ctx, wf, handled)
}

// lastSlot returns the latest slot in (after, upto], or the zero time. Cron has no "previous",
// so it walks forward from a point shortly before upto, widening the look-back until it finds
// one: a short walk for frequent schedules, a few steps for rare ones.
func lastSlot(sched *workflow.Schedule, after, upto time.Time) time.Time {
	for _, back := range []time.Duration{time.Hour, 48 * time.Hour, 32 * 24 * time.Hour, 367 * 24 * time.Hour, 6 * 366 * 24 * time.Hour} {
		from := upto.Add(-back)
		if from.Before(after) {
			from = after
		}
		var last time.Time
		for t := sched.Next(from); !t.IsZero() && !t.After(upto); t = sched.Next(t) {
			last = t
		}
		if !last.IsZero() || !from.After(after) {
			return last
		}
	}
	return time.Time{}
}

// markHandled moves the workflow's handled_through forward to at (never back: a slower
// replica's older value loses).
func (s *Scheduler) markHandled(ctx context.Context, wf *ent.Workflow, at time.Time) error {
	at = at.UTC()
	if err := ensureState(ctx, s.db.Client, wf); err != nil {
		return err
	}
	_, err := s.db.Client.ScheduleState.Update().
		Where(schedulestate.WorkflowID(wf.ID), schedulestate.Or(schedulestate.HandledThroughIsNil(), schedulestate.HandledThroughLT(at))).
		SetHandledThrough(at).
		Save(ctx)
	if err != nil {
		return fmt.Errorf("mark schedule of %s handled through %s: %w", wf.ID, at, err)
	}
	return nil
}

// ensureState creates the workflow's schedule state row if it has none (replicas may race:
// the unique workflow_id keeps one).
func ensureState(ctx context.Context, db *ent.Client, wf *ent.Workflow) error {
	err := db.ScheduleState.Create().SetWorkflowID(wf.ID).
		OnConflictColumns(schedulestate.FieldWorkflowID).DoNothing().
		Exec(ctx)
	if err != nil && !isNoRows(err) {
		return fmt.Errorf("create schedule state of %s: %w", wf.ID, err)
	}
	return nil
}
