package events

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/workflowenrollment"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Enrollment rules (a workflow's "enrollment") decide whether a trigger for a client may
// start a run. The database decides, never a read followed by a write, so the rules hold
// for any number of concurrent transactions and processes:
//   - ONCE upserts the (workflow, client) row of workflow_enrollments: the insert, or the
//     update of a row whose reenrollOn fingerprint changed, enrolls; a row with the same
//     fingerprint makes the upsert a no-op, and the trigger is skipped. Concurrent upserts of
//     one key wait for each other on the unique index.
//   - ONE_ACTIVE marks the run one_active: a partial unique index allows one such run per
//     (workflow, client) while PENDING or RUNNING, and the insert does nothing when another
//     one holds the place.
// A skipped trigger writes a workflow_enrollment_skips row (counted by workflowStats) and a
// debug log line, in the trigger's transaction.

// enrollOnce claims the client's ONCE enrollment in wf for the run executionID, in tx. It
// reports false when the client already enrolled with the same values of the reenrollOn
// fields.
func (r Raiser) enrollOnce(ctx context.Context, tx *ent.Client, wf *ent.Workflow, ev Event, rule spec.Enrollment, executionID uuid.UUID) (bool, error) {
	fp, err := r.fingerprint(ctx, tx, ev, rule.ReenrollOn)
	if err != nil {
		return false, err
	}
	_, err = tx.WorkflowEnrollment.Create().
		SetWorkflowID(wf.ID).
		SetClientID(*ev.ClientID).
		SetFingerprint(fp).
		SetExecutionID(executionID).
		SetEnrolledAt(database.Now()).
		OnConflict(
			entsql.ConflictColumns(workflowenrollment.FieldWorkflowID, workflowenrollment.FieldClientID),
			entsql.ResolveWith(func(u *entsql.UpdateSet) {
				u.SetExcluded(workflowenrollment.FieldFingerprint)
				u.SetExcluded(workflowenrollment.FieldExecutionID)
				u.SetExcluded(workflowenrollment.FieldEnrolledAt)
				u.Add(workflowenrollment.FieldEnrollments, 1)
			}),
			// Only a changed fingerprint re-enrolls; otherwise the upsert changes nothing
			// and returns no row.
			entsql.UpdateWhere(entsql.ExprP(workflowenrollment.Table+"."+workflowenrollment.FieldFingerprint+" <> excluded."+workflowenrollment.FieldFingerprint)),
		).
		ID(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("raise %s: enroll client %s in workflow %s: %w", ev.Type, *ev.ClientID, wf.ID, err)
	}
	return true, nil
}

// fingerprint digests the client's values of fields ("status", "custom.tier"), as they are
// after the event: "" for no fields.
func (r Raiser) fingerprint(ctx context.Context, tx *ent.Client, ev Event, fields []string) (string, error) {
	if len(fields) == 0 {
		return "", nil
	}
	client := ev.Client
	if client == nil {
		c, err := tx.Contact.Query().Where(contact.ID(*ev.ClientID)).Only(ctx)
		if err != nil {
			return "", fmt.Errorf("raise %s: read client %s for its enrollment: %w", ev.Type, *ev.ClientID, err)
		}
		client = ClientFields(c)
	}
	values := make([]any, len(fields))
	for i, f := range fields {
		values[i], _ = workflow.Context{"client": client}.Lookup("client." + f)
	}
	b, err := json.Marshal(values)
	if err != nil {
		return "", fmt.Errorf("raise %s: fingerprint enrollment fields: %w", ev.Type, err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16]), nil
}

// skipped records a trigger that the enrollment rule mode skipped, unless the same event
// already started the workflow (a duplicate, not a skip): then that execution is returned.
func (r Raiser) skipped(ctx context.Context, tx *ent.Client, wf *ent.Workflow, ev Event, key string, mode spec.EnrollmentMode) (*ent.WorkflowExecution, error) {
	existing, err := tx.WorkflowExecution.Query().
		Where(workflowexecution.WorkflowID(wf.ID), workflowexecution.DedupeKey(key)).
		Only(ctx)
	switch {
	case err == nil:
		return existing, nil
	case !ent.IsNotFound(err):
		return nil, fmt.Errorf("raise %s: read duplicate execution of workflow %s: %w", ev.Type, wf.ID, err)
	}
	err = tx.EnrollmentSkip.Create().
		SetWorkflowID(wf.ID).
		SetClientID(*ev.ClientID).
		SetReason(string(mode)).
		Exec(ctx)
	if err != nil {
		return nil, fmt.Errorf("raise %s: record skipped enrollment in workflow %s: %w", ev.Type, wf.ID, err)
	}
	r.logger().DebugContext(ctx, "enrollment skipped",
		"workflow_id", wf.ID, "client_id", *ev.ClientID, "trigger", ev.Type, "event", key,
		"mode", string(mode), "reason", skipReason(mode))
	return nil, nil
}

// skipReason explains a skip in the log.
func skipReason(mode spec.EnrollmentMode) string {
	switch mode {
	case spec.EnrollOnce:
		return "the client already ran this ONCE workflow and no reenrollOn field changed since"
	case spec.EnrollOneActive:
		return "the client has a PENDING or RUNNING execution of this ONE_ACTIVE workflow"
	default:
		return strings.ToLower(string(mode))
	}
}

// SkippedMessage explains, to the caller of a MANUAL or WEBHOOK run, why wf's enrollment rule
// refused to start it (Start returned no execution for a targeted event).
func SkippedMessage(wf *ent.Workflow) string {
	mode := spec.Definition{Enrollment: wf.Enrollment}.EnrollmentOf().Mode
	return "the workflow's enrollment rule skipped this run (" + string(mode) + "): " + skipReason(mode)
}
