package scheduler

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/clientdateoccurrence"
	"github.com/flowline/flowline/ent/schedulestate"
	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/clientdate"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// The bounds of upcomingRuns' count.
const (
	MinUpcoming = 1
	MaxUpcoming = 100
)

// Upcoming returns the next count runs of a workflow after now, earliest first: cron slots of
// a SCHEDULED workflow, pending client dates of a CLIENT_DATE workflow (one per client). An
// inactive workflow, a template or another trigger has none. The caller has read wf with its
// own rights; the pending rows are bookkeeping, read as the scheduler.
func Upcoming(ctx context.Context, db *ent.Client, wf *ent.Workflow, now time.Time, count int) ([]time.Time, error) {
	if !wf.IsActive || wf.IsTemplate || count <= 0 {
		return []time.Time{}, nil
	}
	switch wf.TriggerType {
	case spec.TriggerScheduled:
		sched, err := workflow.ParseSchedule(wf.TriggerConfig)
		if err != nil {
			return []time.Time{}, nil //nolint:nilerr // an old, invalid schedule never runs
		}
		out := []time.Time{}
		for t := sched.Next(now); !t.IsZero() && len(out) < count; t = sched.Next(t) {
			out = append(out, t.UTC())
		}
		return out, nil
	case spec.TriggerClientDate:
		return upcomingDates(authz.System(ctx, authz.ReasonScheduler), db, wf, now, count)
	default:
		return []time.Time{}, nil
	}
}

// upcomingDates reads the pending rows, or, when the workflow changed since they were
// computed (the scheduler recomputes them at its next scan), computes them from the clients.
func upcomingDates(ctx context.Context, db *ent.Client, wf *ent.Workflow, now time.Time, count int) ([]time.Time, error) {
	st, err := db.ScheduleState.Query().Where(schedulestate.WorkflowID(wf.ID)).Only(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return nil, fmt.Errorf("read schedule state of %s: %w", wf.ID, err)
	}
	out := []time.Time{}
	if st != nil && st.BuiltFor != nil && st.BuiltFor.Equal(wf.UpdatedAt) {
		rows, err := db.ClientDateOccurrence.Query().
			Where(clientdateoccurrence.WorkflowID(wf.ID), clientdateoccurrence.DueAtGT(now)).
			Order(clientdateoccurrence.ByDueAt()).Limit(count).
			Select(clientdateoccurrence.FieldDueAt).
			All(ctx)
		if err != nil {
			return nil, fmt.Errorf("read upcoming client dates of %s: %w", wf.ID, err)
		}
		for _, r := range rows {
			out = append(out, r.DueAt.UTC())
		}
		return out, nil
	}
	cd, err := workflow.ParseClientDate(wf.TriggerConfig)
	if err != nil {
		return out, nil //nolint:nilerr // an old, invalid config never runs
	}
	after := now
	if wf.UpdatedAt.After(after) {
		after = wf.UpdatedAt
	}
	err = clientdate.All(ctx, db, cd, after, func(batch []clientdate.Occurrence) error {
		for _, o := range batch {
			out = append(out, o.DueAt.UTC())
		}
		slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
		out = out[:min(len(out), count)]
		return nil
	})
	return out, err
}
