package scheduler

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/clientdateoccurrence"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/schedulestate"
	entworkflow "github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/internal/clientdate"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// maxDatesPerScan bounds the client dates one scan fires; the rest fire at the next scan.
const maxDatesPerScan = 500

// scanClientDates brings the pending runs of edited or activated CLIENT_DATE workflows up to
// date, then fires the due ones.
func (s *Scheduler) scanClientDates(ctx context.Context, now time.Time) (int, error) {
	wfs, err := s.db.Client.Workflow.Query().
		Where(entworkflow.TriggerTypeEQ(spec.TriggerClientDate), entworkflow.IsActive(true), entworkflow.IsTemplate(false)).
		WithScheduleState().
		All(ctx)
	if err != nil {
		return 0, fmt.Errorf("list client date workflows: %w", err)
	}
	if len(wfs) == 0 {
		return 0, nil
	}
	byID := make(map[uuid.UUID]*ent.Workflow, len(wfs))
	for _, wf := range wfs {
		byID[wf.ID] = wf
		if st := wf.Edges.ScheduleState; st == nil || st.BuiltFor == nil || !st.BuiltFor.Equal(wf.UpdatedAt) {
			if err := s.rebuild(ctx, wf); err != nil {
				return 0, err
			}
		}
	}
	due, err := s.db.Client.ClientDateOccurrence.Query().
		Where(clientdateoccurrence.DueAtLTE(now), clientdateoccurrence.WorkflowIDIn(keys(byID)...)).
		Order(clientdateoccurrence.ByDueAt(), clientdateoccurrence.ByID()).
		Limit(maxDatesPerScan).
		All(ctx)
	if err != nil {
		return 0, fmt.Errorf("list due client dates: %w", err)
	}
	fired := 0
	for _, o := range due {
		created, err := s.fireDate(ctx, byID[o.WorkflowID], o, now)
		if err != nil {
			return fired, err
		}
		if created {
			fired++
		}
	}
	return fired, nil
}

// rebuild computes the pending runs of a workflow edited (or activated) since they were last
// computed. The conditional update of built_for elects one replica: on PostgreSQL a second
// one waits for the first's row lock, then finds built_for already set and does nothing.
func (s *Scheduler) rebuild(ctx context.Context, wf *ent.Workflow) error {
	if err := ensureState(ctx, s.db.Client, wf); err != nil {
		return err
	}
	err := database.InTx(ctx, s.db.Client, func(tx *ent.Client) error {
		n, err := tx.ScheduleState.Update().
			Where(schedulestate.WorkflowID(wf.ID), schedulestate.Or(schedulestate.BuiltForIsNil(), schedulestate.BuiltForNEQ(wf.UpdatedAt))).
			SetBuiltFor(wf.UpdatedAt).
			Save(ctx)
		if err != nil || n == 0 {
			return err
		}
		// Dates due after the edit count, even those that passed while the scan came round.
		return clientdate.Rebuild(ctx, tx, wf, wf.UpdatedAt)
	})
	if err != nil {
		return fmt.Errorf("rebuild client dates of %s: %w", wf.ID, err)
	}
	return nil
}

// fireDate starts the run of one due client date. It claims the pending row by deleting it
// (a replica that finds it gone does nothing), reads the client again (a date changed since
// the row was written moves the row instead of firing), creates the execution with the dedupe
// key CLIENT_DATE:<client>:<date> (unique per workflow: never twice for one client and date),
// and stores the next anniversary of a yearly trigger, all in one transaction.
func (s *Scheduler) fireDate(ctx context.Context, wf *ent.Workflow, o *ent.ClientDateOccurrence, now time.Time) (bool, error) {
	cd, err := workflow.ParseClientDate(wf.TriggerConfig)
	if err != nil {
		s.log.Warn("unparsable client date trigger; skipped", "workflow_id", wf.ID, "error", err)
		return false, nil
	}
	created := false
	err = database.InTx(ctx, s.db.Client, func(tx *ent.Client) error {
		n, err := tx.ClientDateOccurrence.Delete().
			Where(clientdateoccurrence.ID(o.ID), clientdateoccurrence.DueAt(o.DueAt), clientdateoccurrence.Date(o.Date)).
			Exec(ctx)
		if err != nil || n == 0 {
			return err
		}
		c, err := tx.Contact.Query().Where(contact.ID(o.ClientID)).Only(ctx)
		if ent.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		fields := events.ClientFields(c)
		// The occurrence as the client's current date says, due at or after the stored one.
		cur, ok := clientdate.Compute(cd, c.ID, fields, o.DueAt.Add(-time.Nanosecond))
		if !ok {
			return nil
		}
		if clientdate.DateKey(cur.Date) != o.Date || !cur.DueAt.Equal(o.DueAt) {
			return clientdate.Put(ctx, tx, wf.ID, cur) // moved: fire when the new date is due
		}
		data := map[string]any{"field": cd.Field, "date": o.Date, "dueAt": o.DueAt.UTC().Format(time.RFC3339),
			"caughtUp": now.Sub(o.DueAt) > s.cfg.CatchUp}
		ev := events.Targeted(spec.TriggerClientDate, wf.ID, c.ID.String()+":"+o.Date, c, data)
		_, created, err = s.raiser.StartOnce(ctx, tx, wf, ev)
		if err != nil {
			return err
		}
		if next, ok := clientdate.Compute(cd, c.ID, fields, o.DueAt); ok {
			return clientdate.Put(ctx, tx, wf.ID, next)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("fire client date %s of %s for workflow %s: %w", o.Date, o.ClientID, wf.ID, err)
	}
	return created, nil
}

func keys(m map[uuid.UUID]*ent.Workflow) []uuid.UUID {
	out := make([]uuid.UUID, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
