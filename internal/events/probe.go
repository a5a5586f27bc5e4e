package events

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/schema"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// clientUpdateProbe asks in one statement what a CLIENT_UPDATED event needs read: whether the
// client has other active runs with a goal (EndMetGoals's predicate, through the same partial
// index) and whether any workflow starts on the event. Most client changes (a step's tag, an
// edit in the UI) have neither, and then the probe is the only statement they cost instead
// of the two reads it stands for.
const clientUpdateProbe = `SELECT
  EXISTS (SELECT 1 FROM workflow_executions WHERE client_id = $1 AND id <> $2 AND ` + schema.GoalRunsPredicate + `),
  EXISTS (SELECT 1 FROM workflows WHERE trigger_type = $3 AND is_active AND NOT is_template)`

// probeClientUpdate runs clientUpdateProbe for ev's client in tx.
func (r Raiser) probeClientUpdate(ctx context.Context, tx *ent.Client, ev Event) (goalRuns, listeners bool, err error) {
	self, _ := ctx.Value(changingExecutionKey{}).(uuid.UUID)
	rows, err := tx.QueryContext(ctx, r.Dialect.Rebind(clientUpdateProbe), *ev.ClientID, self, string(spec.TriggerClientUpdated))
	if err != nil {
		return false, false, fmt.Errorf("raise %s: look for goal runs and workflows: %w", ev.Type, err)
	}
	defer func() { _ = rows.Close() }()
	if rows.Next() {
		err = rows.Scan(&goalRuns, &listeners)
	}
	if err == nil {
		err = rows.Err()
	}
	if err != nil {
		return false, false, fmt.Errorf("raise %s: look for goal runs and workflows: %w", ev.Type, err)
	}
	return goalRuns, listeners, nil
}
