package engine

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/database"
)

// claimed is an execution this worker holds: its id and the attempt number that fences every
// write the worker makes to it.
type claimed struct {
	ID      uuid.UUID
	Attempt int
	// Gated is set for executions under a concurrency or throttle rule (flowcontrol.go).
	Gated bool
}

// executions is the queue of runnable executions: the oldest due PENDING execution (through
// the partial index on run_at of pending rows) becomes RUNNING with this worker's lease and
// the next attempt number, which fences every later write. Gated executions (concurrency,
// throttle) are left to claimGated; a claim ends an execution's debounce.
var executions = database.Queue{
	Table: "workflow_executions",
	Take: `status = 'RUNNING', attempt = attempt + 1, lease_owner = $1, lease_expires_at = $2,
    started_at = COALESCE(started_at, $3), debounce_key = NULL`,
	Due:       "status = 'PENDING' AND run_at <= $3 AND NOT flow_gated",
	Order:     "run_at",
	Returning: "id, attempt",
}

// claim takes one due execution, or returns nil when none is due.
func (e *Engine) claim(ctx context.Context) (*claimed, error) {
	now := e.now()
	var c claimed
	ok, err := executions.Claim(ctx, e.db, []any{e.cfg.Owner, now.Add(e.cfg.LeaseDuration), now}, &c.ID, &c.Attempt)
	if err != nil || !ok {
		return nil, err
	}
	return &c, nil
}

// now is the engine's clock: UTC at microsecond precision, as the database stores it.
// Config.Now replaces it in tests.
func (e *Engine) now() time.Time {
	if e.cfg.Now != nil {
		return e.cfg.Now().UTC().Truncate(time.Microsecond)
	}
	return database.Now()
}
