package database

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/sqlite"
)

// applyMigrations brings the database to the last file of dir, recording each file in
// RevisionsTable. Each file runs in its own transaction together with its revision, so a
// failing file leaves the database as it was before that file.
//
// A database created by a release before versioned migrations (ent's auto-migration: the
// tables exist but RevisionsTable has no row) is baselined: the first file, which is the
// schema that release created, is recorded as applied without running, and the files after
// it run.
func applyMigrations(ctx context.Context, db *sql.DB, d Dialect, dir migrate.Dir) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migration connection: %w", err)
	}
	defer conn.Close()
	unlock, err := lockMigrations(ctx, conn, d)
	if err != nil {
		return err
	}
	defer unlock()
	if d == SQLite {
		restore, err := sqliteForeignKeysOff(ctx, conn)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, restore()) }()
	}
	if _, err := conn.ExecContext(ctx, createRevisionsTable); err != nil {
		return fmt.Errorf("create %s: %w", RevisionsTable, err)
	}
	var pending []migrate.File
	err = inTx(ctx, conn, d, func(ex *migrate.Executor) error {
		// Pending writes the baseline revision, when there is one: the transaction commits
		// it even when no file follows the baseline.
		files, perr := ex.Pending(ctx)
		if errors.Is(perr, migrate.ErrNoPendingFiles) {
			return nil
		}
		pending = files
		return perr
	}, dir)
	if err != nil {
		return fmt.Errorf("find pending migrations: %w", err)
	}
	for _, f := range pending {
		if err := inTx(ctx, conn, d, func(ex *migrate.Executor) error { return ex.Execute(ctx, f) }, dir); err != nil {
			return fmt.Errorf("apply migration %s: %w", f.Name(), err)
		}
	}
	return nil
}

// inTx runs fn with an executor working in one transaction on conn, and commits it.
func inTx(ctx context.Context, conn *sql.Conn, d Dialect, fn func(*migrate.Executor) error, dir migrate.Dir) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	ex, err := newExecutor(ctx, tx, d, dir)
	if err == nil {
		err = fn(ex)
	}
	if d == SQLite && err == nil {
		err = sqliteForeignKeyCheck(ctx, tx)
	}
	if err != nil {
		return errors.Join(err, tx.Rollback())
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// newExecutor returns Atlas's executor over tx. It decides the baseline itself: the
// database is from a release before versioned migrations when it has no revision yet but has
// the users table.
func newExecutor(ctx context.Context, tx *sql.Tx, d Dialect, dir migrate.Dir) (*migrate.Executor, error) {
	var (
		drv migrate.Driver
		err error
	)
	if d == Postgres {
		drv, err = postgres.Open(tx)
	} else {
		drv, err = sqlite.Open(tx)
	}
	if err != nil {
		return nil, fmt.Errorf("open atlas driver: %w", err)
	}
	rrw := &revisions{q: tx, dialect: d}
	revs, err := rrw.ReadRevisions(ctx)
	if err != nil {
		return nil, err
	}
	opts := []migrate.ExecutorOption{migrate.WithOperatorVersion("flowline")}
	if len(revs) == 0 {
		legacy, err := tableExists(ctx, tx, d, "users")
		if err != nil {
			return nil, err
		}
		if legacy {
			files, err := dir.Files()
			if err != nil {
				return nil, fmt.Errorf("list migrations: %w", err)
			}
			if len(files) == 0 {
				return nil, errors.New("no migration files")
			}
			opts = append(opts, migrate.WithBaselineVersion(files[0].Version()))
		}
	}
	return migrate.NewExecutor(checkedClean{drv}, dir, rrw, opts...)
}

// checkedClean skips Atlas's "is the database empty" check, which newExecutor has already
// made (users table or not): on PostgreSQL, Atlas's check inspects every schema of the
// database, so one with other schemas (the tests' own, another application's) would never
// look clean.
type checkedClean struct{ migrate.Driver }

// CheckClean reports the database as clean; see checkedClean.
func (checkedClean) CheckClean(context.Context, *migrate.TableIdent) error { return nil }

// tableExists reports whether the current schema (PostgreSQL) or the main database (SQLite)
// has the table.
func tableExists(ctx context.Context, tx *sql.Tx, d Dialect, table string) (bool, error) {
	q := `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`
	if d == Postgres {
		q = `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`
	}
	var n int
	if err := tx.QueryRowContext(ctx, q, table).Scan(&n); err != nil {
		return false, fmt.Errorf("look for table %s: %w", table, err)
	}
	return n > 0, nil
}

// sqliteForeignKeysOff turns foreign keys off on conn for the migration, as SQLite's
// documentation prescribes for schema changes: Atlas changes a SQLite table by copying it
// into a new one and dropping the old, and with foreign keys on, dropping it would cascade
// into the rows that reference it. The pragma is a no-op inside a transaction, hence on the
// connection, before any; each file's transaction checks the keys before it commits.
func sqliteForeignKeysOff(ctx context.Context, conn *sql.Conn) (func() error, error) {
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return nil, fmt.Errorf("turn foreign keys off for the migration: %w", err)
	}
	return func() error {
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`); err != nil {
			// Never pool a connection without foreign keys.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			return fmt.Errorf("turn foreign keys back on: %w", err)
		}
		return nil
	}, nil
}

// sqliteForeignKeyCheck fails when a file left a row whose foreign key points nowhere.
func sqliteForeignKeyCheck(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return fmt.Errorf("check foreign keys: %w", err)
	}
	defer rows.Close()
	if rows.Next() {
		var table string
		var rowid sql.NullInt64
		var parent string
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return fmt.Errorf("check foreign keys: %w", err)
		}
		return fmt.Errorf("check foreign keys: a row of %s references a missing row of %s", table, parent)
	}
	return rows.Err()
}
