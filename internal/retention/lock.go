package retention

import (
	"context"
	"database/sql/driver"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flowline/flowline/internal/database"
)

// lockClass is the first half of the retention job's advisory-lock key ("FLRT"); the second
// is the executions table's OID, unique to the deployment's schema.
const lockClass = 0x464c5254

// lockSQL tries to take the retention job's lock without waiting.
const lockSQL = `SELECT pg_try_advisory_lock($1, 'workflow_executions'::regclass::oid::int)`

const unlockSQL = `SELECT pg_advisory_unlock($1, 'workflow_executions'::regclass::oid::int)`

// unlockTimeout bounds the unlock at the end of a pass; past it the connection is dropped,
// which frees the lock as well.
const unlockTimeout = 10 * time.Second

// guards holds, per connection pool, whether a pass runs in this process: SQLite has no
// advisory locks, and its database file serves one process. An entry per pool opened by the
// process, never removed: a server opens one.
var guards sync.Map // *sql.DB -> *atomic.Bool

// acquire takes the pass lock. It reports false, with no error, when another pass holds it;
// otherwise release must be called when the pass ends.
func acquire(ctx context.Context, db *database.DB) (release func(), ok bool, err error) {
	if !db.Dialect.IsPostgres() {
		g, _ := guards.LoadOrStore(db.SQL, new(atomic.Bool))
		running := g.(*atomic.Bool)
		if !running.CompareAndSwap(false, true) {
			return nil, false, nil
		}
		return func() { running.Store(false) }, true, nil
	}
	// A session lock outlives the batches' transactions, which a transaction-level lock
	// would not; so it lives on a connection of its own, held for the pass.
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("take retention lock: %w", err)
	}
	if err := conn.QueryRowContext(ctx, lockSQL, lockClass).Scan(&ok); err != nil || !ok {
		_ = conn.Close()
		if err != nil {
			return nil, false, fmt.Errorf("take retention lock: %w", err)
		}
		return nil, false, nil
	}
	return func() {
		// The pass's ctx may be over; unlocking must still happen, within a bound.
		uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), unlockTimeout)
		defer cancel()
		var unlocked bool
		if err := conn.QueryRowContext(uctx, unlockSQL, lockClass).Scan(&unlocked); err != nil || !unlocked {
			// A connection back in the pool must not keep holding the lock: discard it,
			// which ends the session and frees the lock.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		_ = conn.Close()
	}, true, nil
}
