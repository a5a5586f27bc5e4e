package database

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// migrationLockClass is the first half of the PostgreSQL advisory lock that serialises
// migrations across processes: replicas starting together wait for the first one instead of
// applying the same file twice. Any fixed number works; this one is "flow" in ASCII. The
// second half is the schema's name hashed, so that migrations of different schemas of one
// database (the tests', each in its own) do not wait for each other; advisory locks are
// already per database.
const migrationLockClass int32 = 0x666c6f77

const (
	lockStmt   = `SELECT pg_advisory_lock($1, hashtext(current_schema()))`
	unlockStmt = `SELECT pg_advisory_unlock($1, hashtext(current_schema()))`
)

// lockMigrations holds the cross-process migration lock on conn until the returned function
// is called. On PostgreSQL it is a session advisory lock, so it lives on the dedicated
// connection the migration runs on; SQLite needs none (its write lock serialises the
// files' transactions, and migrateMu the goroutines of this process).
func lockMigrations(ctx context.Context, conn *sql.Conn, d Dialect) (func(), error) {
	if d != Postgres {
		return func() {}, nil
	}
	if _, err := conn.ExecContext(ctx, lockStmt, migrationLockClass); err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	return func() {
		// A detached context: the lock must be released even when ctx was cancelled, or the
		// pooled connection would keep it.
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), unlockStmt, migrationLockClass); err != nil {
			// The session still holds the lock: close the connection rather than pool it.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}, nil
}
