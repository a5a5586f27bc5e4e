package engine

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
)

// Flow control at claim time. Executions of a workflow with a concurrency or throttle rule
// are "gated" (flow_gated): the one-statement claim passes over them, and claimGated takes
// them in a transaction that checks the rules where every process sees them, in the
// database:
//   - concurrency: the RUNNING executions of the key are counted under a transaction-scoped
//     advisory lock on the key (PostgreSQL; SQLite runs one writer at a time), and the
//     execution must be the oldest due one of its key (FIFO). The count is of RUNNING rows, so
//     a slot is freed by whatever ends the run (completion, failure, cancel, a DELAY, the
//     reaper returning a crashed worker's execution once its lease expired): there is no
//     separate slot to leak.
//   - throttle: an execution's first start is counted in its window (throttle_window); when
//     the window is full it is put off to the next window's start instead (never dropped).
//
// Debounce needs nothing here: the claim clears debounce_key, so a started execution never
// absorbs later triggers.

// gatedEvery makes every n-th claim try gated executions first, so a steady stream of other
// work cannot starve them.
const gatedEvery = 4

// gatedRounds bounds the transactions one claimGated makes: a round that put an execution
// off (throttle) or lost a race for a key (concurrency) tries the next candidate.
const gatedRounds = 4

// gatedCandidate is the oldest due gated execution whose concurrency key (if any) seems to
// have room; the rules are checked again under the key's lock.
const gatedCandidate = `
SELECT e.id, e.workflow_id, e.run_at, e.concurrency_key, e.concurrency_limit,
       e.throttle_key, e.throttle_limit, e.throttle_period_ms, e.throttle_window
FROM workflow_executions e
WHERE e.status = 'PENDING' AND e.flow_gated AND e.run_at <= $1
  AND (e.concurrency_key IS NULL OR e.concurrency_limit > (
      SELECT count(*) FROM workflow_executions r
      WHERE r.workflow_id = e.workflow_id AND r.concurrency_key = e.concurrency_key AND r.status = 'RUNNING'))
ORDER BY e.run_at, e.id
LIMIT 1`

const (
	countRunning = `SELECT count(*) FROM workflow_executions
WHERE workflow_id = $1 AND concurrency_key = $2 AND status = 'RUNNING'`
	// countAhead counts due executions of the key that are older than the candidate: FIFO.
	countAhead = `SELECT count(*) FROM workflow_executions
WHERE workflow_id = $1 AND concurrency_key = $2 AND status = 'PENDING' AND run_at <= $3
  AND (run_at < $4 OR (run_at = $4 AND id < $5))`
	countWindow = `SELECT count(*) FROM workflow_executions
WHERE workflow_id = $1 AND throttle_key = $2 AND throttle_window = $3`
	putOff  = `UPDATE workflow_executions SET run_at = $1 WHERE id = $2`
	takeRow = `UPDATE workflow_executions
SET status = 'RUNNING', attempt = attempt + 1, lease_owner = $1, lease_expires_at = $2,
    started_at = COALESCE(started_at, $3), debounce_key = NULL, throttle_window = COALESCE(throttle_window, $4)
WHERE id = $5
RETURNING attempt`
	// keyLock serialises the claims of one key across processes until the transaction ends;
	// the first key is the table's, so test schemas in one database do not share locks.
	keyLock = `SELECT pg_advisory_xact_lock('workflow_executions'::regclass::oid::int, hashtext($1))`
)

// gated is a candidate's flow-control columns.
type gated struct {
	id, workflowID   uuid.UUID
	runAt            time.Time
	concurrencyKey   sql.NullString
	concurrencyLimit int
	throttleKey      sql.NullString
	throttleLimit    int
	throttlePeriodMS int64
	throttleWindow   sql.NullTime
}

// gatedOutcome is what one round of claimGated did.
type gatedOutcome int

const (
	gatedNone    gatedOutcome = iota // no gated execution is due with room
	gatedClaimed                     // claimed one
	gatedRetry                       // put one off or lost a race: look again
)

// claimWithFlowControl is the engine's claim of up to n executions: the one-statement claim
// of ungated executions and claimGated (one at a time), the gated one first on every
// gatedEvery-th claim and while gated work was last seen waiting.
func (e *Engine) claimWithFlowControl(ctx context.Context, n int) ([]claimed, error) {
	gatedFirst := e.claims.Add(1)%gatedEvery == 0 || e.gatedSeen.Load()
	if gatedFirst {
		if c, err := e.claimGated(ctx); err != nil || c != nil {
			return one(c), err
		}
	}
	cs, err := e.claimBatch(ctx, n)
	if err != nil || len(cs) > 0 || gatedFirst {
		return cs, err
	}
	c, err := e.claimGated(ctx)
	return one(c), err
}

// one is c as a batch of one, or none.
func one(c *claimed) []claimed {
	if c == nil {
		return nil
	}
	return []claimed{*c}
}

// claimGated claims the oldest due gated execution the rules let start, or returns nil.
func (e *Engine) claimGated(ctx context.Context) (*claimed, error) {
	for range gatedRounds {
		c, out, err := e.claimGatedOnce(ctx, e.now())
		if err != nil {
			return nil, fmt.Errorf("claim gated execution: %w", err)
		}
		e.gatedSeen.Store(out != gatedNone)
		if out != gatedRetry {
			return c, nil
		}
	}
	return nil, nil
}

// gatedDue reports whether a gated execution is due with room, in one statement (through the
// ent driver: a prepared statement, one round trip).
func (e *Engine) gatedDue(ctx context.Context, now time.Time) (bool, error) {
	rows, err := e.db.Client.QueryContext(ctx, e.db.Dialect.Rebind("SELECT EXISTS ("+gatedCandidate+")"), now)
	if err != nil {
		return false, fmt.Errorf("look for a gated candidate: %w", err)
	}
	defer rows.Close()
	due := false
	if rows.Next() {
		if err := rows.Scan(&due); err != nil {
			return false, fmt.Errorf("look for a gated candidate: %w", err)
		}
	}
	return due, rows.Err()
}

// claimGatedOnce is one transaction of claimGated.
func (e *Engine) claimGatedOnce(ctx context.Context, now time.Time) (_ *claimed, _ gatedOutcome, err error) {
	d := e.db.Dialect
	// Most claims find no gated execution due: one statement outside a transaction says so,
	// without the BEGIN and COMMIT round trips. A candidate it sees is looked up again, and
	// locked, in the transaction.
	if due, err := e.gatedDue(ctx, now); err != nil || !due {
		return nil, gatedNone, nil
	}
	tx, err := e.db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return nil, gatedNone, err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	q := gatedCandidate
	if d.IsPostgres() {
		q += " FOR UPDATE OF e SKIP LOCKED"
	}
	var g gated
	err = tx.QueryRowContext(ctx, d.Rebind(q), now).Scan(&g.id, &g.workflowID, &g.runAt, &g.concurrencyKey,
		&g.concurrencyLimit, &g.throttleKey, &g.throttleLimit, &g.throttlePeriodMS, &g.throttleWindow)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, gatedNone, tx.Commit()
	}
	if err != nil {
		return nil, gatedNone, fmt.Errorf("find candidate: %w", err)
	}
	count := func(query string, args ...any) (n int, err error) {
		err = tx.QueryRowContext(ctx, d.Rebind(query), args...).Scan(&n)
		return n, err
	}
	lock := func(kind string, key string) error {
		if !d.IsPostgres() {
			return nil // SQLite: this transaction is the only writer
		}
		_, err := tx.ExecContext(ctx, keyLock, kind+":"+g.workflowID.String()+":"+key)
		return err
	}
	if g.concurrencyKey.Valid {
		if err = lock("concurrency", g.concurrencyKey.String); err != nil {
			return nil, gatedNone, fmt.Errorf("lock concurrency key: %w", err)
		}
		running, cerr := count(countRunning, g.workflowID, g.concurrencyKey.String)
		ahead, aerr := 0, cerr
		if cerr == nil {
			ahead, aerr = count(countAhead, g.workflowID, g.concurrencyKey.String, now, g.runAt, g.id)
		}
		if err = aerr; err != nil {
			return nil, gatedNone, fmt.Errorf("count concurrency key: %w", err)
		}
		if running >= g.concurrencyLimit || ahead > 0 {
			// Another claim took the last slot, or an older execution of the key goes first.
			return nil, gatedRetry, tx.Commit()
		}
	}
	var window any // nil: no throttle, or already counted at its first start
	if g.throttleKey.Valid && !g.throttleWindow.Valid && g.throttlePeriodMS > 0 {
		period := time.Duration(g.throttlePeriodMS) * time.Millisecond
		w := workflow.ThrottleWindow(now, period)
		if err = lock("throttle", g.throttleKey.String); err != nil {
			return nil, gatedNone, fmt.Errorf("lock throttle key: %w", err)
		}
		started, cerr := count(countWindow, g.workflowID, g.throttleKey.String, w)
		if err = cerr; err != nil {
			return nil, gatedNone, fmt.Errorf("count throttle window: %w", err)
		}
		if started >= g.throttleLimit {
			if _, err = tx.ExecContext(ctx, d.Rebind(putOff), w.Add(period), g.id); err != nil {
				return nil, gatedNone, fmt.Errorf("put off to the next window: %w", err)
			}
			return nil, gatedRetry, tx.Commit()
		}
		window = w
	}
	c := claimed{ID: g.id, Gated: true}
	// The clock is read again after the counts: the run that freed the slot may have completed
	// while this claim waited for the key's lock, and this one must not start before it ended.
	start := e.now()
	err = tx.QueryRowContext(ctx, d.Rebind(takeRow), e.cfg.Owner, start.Add(e.cfg.LeaseDuration), start, window, g.id).Scan(&c.Attempt)
	if err != nil {
		return nil, gatedNone, fmt.Errorf("take execution %s: %w", g.id, err)
	}
	if err = tx.Commit(); err != nil {
		return nil, gatedNone, err
	}
	return &c, gatedClaimed, nil
}

// freeSlot tells every worker that a gated execution stopped running here (it ended, went to
// sleep or was handed back), so one waiting for its concurrency key is claimed now rather
// than at the next poll.
func (e *Engine) freeSlot(c claimed) {
	if !c.Gated {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := events.Notify(ctx, e.db.Client, e.db.Dialect, c.ID); err != nil {
		e.log.Warn("announce a free concurrency slot", "error", err, "execution_id", c.ID)
	}
}
