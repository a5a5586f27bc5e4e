package database

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Queue is a table used as a work queue (executions, the e-mail outbox): a due row is taken
// by one statement that marks it taken, sets its lease and bumps its fencing counter, and
// rows whose lease passed are put back by a reaper. The tables and their states differ; the
// mechanics are these.
type Queue struct {
	// Table is the queue's table.
	Table string
	// Take is the SET list of the taking UPDATE, with $n parameters.
	Take string
	// Due is the WHERE condition of a row that may be taken, with $n parameters; it should
	// read a partial index, so the cost of a claim does not grow with history.
	Due string
	// Order is the ORDER BY that picks the oldest due row.
	Order string
	// Returning lists the columns the claim returns.
	Returning string
}

// claimSQL is the claim statement: on PostgreSQL the inner SELECT locks its row FOR UPDATE
// SKIP LOCKED, so concurrent claimers pass over each other; on SQLite one statement is
// atomic and writers are serialised, so no lock is needed.
func (q Queue) claimSQL(d Dialect) string {
	lock := ""
	if d.IsPostgres() {
		lock = "\n    FOR UPDATE SKIP LOCKED"
	}
	return d.Rebind(fmt.Sprintf(`
UPDATE %s
SET %s
WHERE id = (
    SELECT id FROM %s
    WHERE %s
    ORDER BY %s
    LIMIT 1%s
)
RETURNING %s`, q.Table, q.Take, q.Table, q.Due, q.Order, lock, q.Returning))
}

// BatchSQL is the claim of up to limit due rows at once on PostgreSQL, for callers that
// read the claimed rows through their own query (a WITH over it): the oldest due rows,
// locked FOR UPDATE SKIP LOCKED in an ARRAY sub-select that PostgreSQL evaluates once, so the
// UPDATE takes exactly the rows that sub-select locked. A claimer that takes several rows in
// one statement pays one round trip for all of them.
//
// The limit is written into the statement, not bound: PostgreSQL plans a prepared statement
// afresh on every execution while its generic plan looks dearer than the custom ones, and a
// LIMIT given as a parameter is costed as a tenth of the due rows, so a claim with one
// was planned again each time (0.9 ms of planning per claim on the bench machine, as long
// as running it). Callers keep one statement per limit they use.
func (q Queue) BatchSQL(limit int) string {
	return fmt.Sprintf(`
UPDATE %s
SET %s
WHERE id = ANY(ARRAY(
    SELECT id FROM %s
    WHERE %s
    ORDER BY %s
    LIMIT %d
    FOR UPDATE SKIP LOCKED
))
RETURNING %s`, q.Table, q.Take, q.Table, q.Due, q.Order, max(limit, 1), q.Returning)
}

// Claim takes one due row, scanning the Returning columns into dest. It reports false when
// no row is due.
func (q Queue) Claim(ctx context.Context, db *DB, args []any, dest ...any) (bool, error) {
	err := db.SQL.QueryRowContext(ctx, q.claimSQL(db.Dialect), args...).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("claim from %s: %w", q.Table, err)
	}
	return true, nil
}

// Reap calls requeue every interval until ctx ends: requeue puts back the rows whose lease
// passed before now and returns how many. Every process reaps; the update is idempotent.
// reaped is told of each non-empty batch; failures are passed to failed unless ctx ended.
func Reap(ctx context.Context, interval time.Duration, requeue func(ctx context.Context, now time.Time) (int, error),
	reaped func(n int), failed func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		n, err := requeue(ctx, Now())
		switch {
		case err != nil && ctx.Err() == nil:
			failed(err)
		case n > 0:
			reaped(n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
