// Package clientdate keeps the pending runs of CLIENT_DATE workflows: one row per (workflow,
// client) saying which of the client's dates runs next and when. A client change moves or
// deletes its rows in the change's own transaction; an edited or activated workflow has its
// rows computed again by the scheduler (Rebuild), which also fires the due ones. Keeping the
// rows, rather than searching clients' dates at every scan, makes a scan an indexed read of
// what is due and upcomingRuns an indexed read of what comes next.
package clientdate

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/clientdateoccurrence"
	"github.com/flowline/flowline/ent/contact"
	entworkflow "github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Occurrence is one pending run: the client's date it is for and when it is due.
type Occurrence struct {
	ClientID uuid.UUID
	Date     time.Time // a calendar date, midnight UTC
	DueAt    time.Time
}

// DateKey is the occurrence date as stored and as the dedupe key shows it.
func DateKey(d time.Time) string { return d.Format(time.DateOnly) }

// Compute returns the next occurrence of a client (described as events.ClientFields does)
// that is due strictly after the given time and after the client was created (a client never runs
// for a date that passed before it existed); ok is false when there is none.
func Compute(cd *workflow.ClientDate, clientID uuid.UUID, client map[string]any, after time.Time) (Occurrence, bool) {
	base, ok := cd.BaseDate(client)
	if !ok {
		return Occurrence{}, false
	}
	if s, isString := client["createdAt"].(string); isString {
		if created, err := time.Parse(time.RFC3339Nano, s); err == nil && created.After(after) {
			after = created
		}
	}
	date, due, ok := cd.Next(base, after)
	if !ok {
		return Occurrence{}, false
	}
	return Occurrence{ClientID: clientID, Date: date, DueAt: due}, true
}

// Put stores o as the pending run of the workflow for its client, replacing the previous one.
func Put(ctx context.Context, tx *ent.Client, workflowID uuid.UUID, o Occurrence) error {
	err := tx.ClientDateOccurrence.Create().
		SetWorkflowID(workflowID).SetClientID(o.ClientID).
		SetDate(DateKey(o.Date)).SetDueAt(o.DueAt).
		OnConflictColumns(clientdateoccurrence.FieldWorkflowID, clientdateoccurrence.FieldClientID).
		UpdateNewValues().
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("store client date of %s for workflow %s: %w", o.ClientID, workflowID, err)
	}
	return nil
}

// Drop deletes the pending run of the workflow for the client, if any.
func Drop(ctx context.Context, tx *ent.Client, workflowID, clientID uuid.UUID) error {
	_, err := tx.ClientDateOccurrence.Delete().
		Where(clientdateoccurrence.WorkflowID(workflowID), clientdateoccurrence.ClientID(clientID)).
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("drop client date of %s for workflow %s: %w", clientID, workflowID, err)
	}
	return nil
}

// Sync recomputes, in tx (the client change's transaction, run as the system), the pending
// run of one client for every active CLIENT_DATE workflow that follows a changed field;
// changed nil means the client was just created. Only dates due after now count: a client
// created, or given a date, in the past does not run for it retroactively.
func Sync(ctx context.Context, tx *ent.Client, clientID uuid.UUID, client map[string]any, changed []string, now time.Time) error {
	if changed != nil && !slices.ContainsFunc(changed, mayBeDate) {
		// A change of no field a CLIENT_DATE trigger can follow (a tag, a status) moves no
		// run: no need to look for the workflows.
		return nil
	}
	wfs, err := tx.Workflow.Query().
		Where(entworkflow.TriggerTypeEQ(spec.TriggerClientDate), entworkflow.IsActive(true), entworkflow.IsTemplate(false)).
		Select(entworkflow.FieldID, entworkflow.FieldTriggerConfig).
		All(ctx)
	if err != nil {
		return fmt.Errorf("sync client dates: find workflows: %w", err)
	}
	for _, wf := range wfs {
		cd, err := workflow.ParseClientDate(wf.TriggerConfig)
		if err != nil {
			continue // validation refuses such configs; an old one runs nothing
		}
		if changed != nil && !slices.Contains(changed, cd.Field) {
			continue
		}
		if o, ok := Compute(cd, clientID, client, now); ok {
			err = Put(ctx, tx, wf.ID, o)
		} else {
			err = Drop(ctx, tx, wf.ID, clientID)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// rebuildBatch is how many clients Rebuild reads at a time.
const rebuildBatch = 500

// All computes the next occurrence of every client for the workflow's trigger, due after
// after, calling fn with each batch. It reads clients in id order, a page at a time.
func All(ctx context.Context, db *ent.Client, cd *workflow.ClientDate, after time.Time, fn func([]Occurrence) error) error {
	var last *uuid.UUID
	for {
		q := db.Contact.Query().Order(contact.ByID()).Limit(rebuildBatch)
		if last != nil {
			q.Where(contact.IDGT(*last))
		}
		page, err := q.All(ctx)
		if err != nil {
			return fmt.Errorf("read clients for client dates: %w", err)
		}
		var out []Occurrence
		for _, c := range page {
			if o, ok := Compute(cd, c.ID, clientFields(c), after); ok {
				out = append(out, o)
			}
		}
		if len(out) > 0 {
			if err := fn(out); err != nil {
				return err
			}
		}
		if len(page) < rebuildBatch {
			return nil
		}
		last = &page[len(page)-1].ID
	}
}

// Rebuild replaces, in tx, the pending runs of a workflow by those computed from every
// client's current date, due after since (the workflow's last edit or activation).
func Rebuild(ctx context.Context, tx *ent.Client, wf *ent.Workflow, since time.Time) error {
	if _, err := tx.ClientDateOccurrence.Delete().Where(clientdateoccurrence.WorkflowID(wf.ID)).Exec(ctx); err != nil {
		return fmt.Errorf("rebuild client dates of %s: clear: %w", wf.ID, err)
	}
	cd, err := workflow.ParseClientDate(wf.TriggerConfig)
	if err != nil {
		return nil //nolint:nilerr // validation refuses such configs; an old one runs nothing
	}
	return All(ctx, tx, cd, since, func(batch []Occurrence) error {
		creates := make([]*ent.ClientDateOccurrenceCreate, len(batch))
		for i, o := range batch {
			creates[i] = tx.ClientDateOccurrence.Create().SetWorkflowID(wf.ID).SetClientID(o.ClientID).
				SetDate(DateKey(o.Date)).SetDueAt(o.DueAt)
		}
		if err := tx.ClientDateOccurrence.CreateBulk(creates...).Exec(ctx); err != nil {
			return fmt.Errorf("rebuild client dates of %s: %w", wf.ID, err)
		}
		return nil
	})
}

// clientFields is the part of events.ClientFields that dates are read from (events imports
// this package, so it cannot be called from here).
func clientFields(c *ent.Contact) map[string]any {
	custom := map[string]any{}
	for k, v := range c.CustomFields {
		custom[k] = v
	}
	return map[string]any{"createdAt": c.CreatedAt.UTC().Format(time.RFC3339Nano), "custom": custom}
}

// mayBeDate reports whether a changed field (as CLIENT_UPDATED names it) is one a
// CLIENT_DATE trigger can follow: createdAt or a custom field (see workflow.ParseClientDate).
func mayBeDate(field string) bool {
	return field == workflow.ClientDateCreatedAt || strings.HasPrefix(field, "custom.")
}
