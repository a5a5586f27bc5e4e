package engine

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"time"

	"entgo.io/ent/dialect"
	"github.com/google/uuid"
)

// claimed is an execution this worker holds: its id and the attempt number that fences every
// write the worker makes to it.
type claimed struct {
	ID      uuid.UUID
	Attempt int
}

// claimPostgres takes the oldest due PENDING execution in one statement. The inner SELECT
// reads the partial index on run_at of pending rows, so its cost does not grow with history;
// SKIP LOCKED lets concurrent claimers pass over a row another one is taking.
const claimPostgres = `
UPDATE workflow_executions
SET status = 'RUNNING', attempt = attempt + 1, lease_owner = $1, lease_expires_at = $2,
    started_at = COALESCE(started_at, $3)
WHERE id = (
    SELECT id FROM workflow_executions
    WHERE status = 'PENDING' AND run_at <= $3
    ORDER BY run_at
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
RETURNING id, attempt`

// claimSQLite is the same claim for SQLite, where one statement is atomic and writers are
// serialised, so no row lock is needed.
var claimSQLite = rebind(`
UPDATE workflow_executions
SET status = 'RUNNING', attempt = attempt + 1, lease_owner = $1, lease_expires_at = $2,
    started_at = COALESCE(started_at, $3)
WHERE id = (
    SELECT id FROM workflow_executions
    WHERE status = 'PENDING' AND run_at <= $3
    ORDER BY run_at
    LIMIT 1
)
RETURNING id, attempt`)

// claim takes one due execution, or returns nil when none is due.
func (e *Engine) claim(ctx context.Context) (*claimed, error) {
	now := e.now()
	query := claimPostgres
	if e.db.Dialect != dialect.Postgres {
		query = claimSQLite
	}
	var c claimed
	err := e.db.SQL.QueryRowContext(ctx, query, e.cfg.Owner, now.Add(e.cfg.LeaseDuration), now).Scan(&c.ID, &c.Attempt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("claim execution: %w", err)
	}
	return &c, nil
}

// now is the engine's clock: UTC at microsecond precision, as the database stores it.
func (e *Engine) now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

var placeholder = regexp.MustCompile(`\$(\d+)`)

// rebind turns PostgreSQL's $N placeholders into SQLite's ?N.
func rebind(query string) string { return placeholder.ReplaceAllString(query, "?$1") }
