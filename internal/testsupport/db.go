package testsupport

// Test databases: a fresh SQLite file, or a fresh schema in the PostgreSQL at
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test?sslmode=disable). Nothing
// is mocked.
//
// When PostgreSQL cannot be reached, PostgreSQL subtests fail if CI is set and are skipped
// (with a loud message) otherwise, so `go test ./...` works on a laptop without PostgreSQL.

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/database"
)

// DefaultPostgresURL is where tests look for PostgreSQL when TEST_DATABASE_URL is unset.
const DefaultPostgresURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// Ctx returns a context that may read and write everything, for test fixtures written
// straight to the database (the privacy policies would refuse an anonymous caller).
func Ctx() context.Context {
	return authz.System(context.Background(), authz.ReasonTests)
}

// DB is an isolated, migrated database for one test.
type DB struct {
	*database.DB
	// Statements counts every SQL statement sent through the ent client.
	Statements *StatementCounter
	// Schema is the test's PostgreSQL schema, also the application_name of its sessions, so
	// a test can find its own sessions in pg_stat_activity. Empty on SQLite.
	Schema string
}

// Dialects are the databases every storage test runs against.
var Dialects = []string{dialect.SQLite, dialect.Postgres}

// Each runs fn as a subtest once per dialect ("sqlite3", "postgres"), each with its own
// fresh database.
func Each(t *testing.T, fn func(t *testing.T, db *DB)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(d, func(t *testing.T) {
			fn(t, Open(t, d))
		})
	}
}

// Open returns a fresh migrated database of the given dialect, closed and dropped when the
// test ends.
func Open(t testing.TB, d string) *DB {
	t.Helper()
	switch d {
	case dialect.SQLite:
		return openSQLite(t)
	case dialect.Postgres:
		return openPostgres(t, true)
	}
	t.Fatalf("testsupport: unknown dialect %q", d)
	return nil
}

// OpenUnmigrated returns a fresh database of the given dialect without any table, closed
// and dropped when the test ends: migration tests create their own schema.
func OpenUnmigrated(t testing.TB, d string) *DB {
	t.Helper()
	switch d {
	case dialect.SQLite:
		return open(t, sqlitePath(t), false)
	case dialect.Postgres:
		return openPostgres(t, false)
	}
	t.Fatalf("testsupport: unknown dialect %q", d)
	return nil
}

func openSQLite(t testing.TB) *DB {
	return open(t, sqlitePath(t), true)
}

func sqlitePath(t testing.TB) string { return filepath.Join(t.TempDir(), "flowline.db") }

// PostgresURL returns the PostgreSQL server tests use.
func PostgresURL() string {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u
	}
	return DefaultPostgresURL
}

var (
	pgOnce sync.Once
	pgErr  error
)

// RequirePostgres fails (CI set) or skips (CI unset) the test when PostgreSQL is unreachable.
func RequirePostgres(t testing.TB) {
	t.Helper()
	pgOnce.Do(func() {
		db, err := sql.Open("postgres", PostgresURL())
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			err = db.PingContext(ctx)
			cancel()
			_ = db.Close()
		}
		pgErr = err
		if err != nil && os.Getenv("CI") == "" {
			fmt.Fprintf(os.Stderr, "\n"+
				"!!! ================================================================ !!!\n"+
				"!!! PostgreSQL is not reachable at %s\n"+
				"!!! (%v)\n"+
				"!!! PostgreSQL tests are SKIPPED. Set TEST_DATABASE_URL, or CI=true to fail.\n"+
				"!!! ================================================================ !!!\n\n",
				database.Redact(PostgresURL()), err)
		}
	})
	if pgErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("testsupport: PostgreSQL is required in CI but unreachable at %s: %v", database.Redact(PostgresURL()), pgErr)
		}
		t.Skipf("PostgreSQL unreachable at %s: skipping (set CI=true to make this a failure)", database.Redact(PostgresURL()))
	}
}

func openPostgres(t testing.TB, migrate bool) *DB {
	t.Helper()
	RequirePostgres(t)
	admin, err := sql.Open("postgres", PostgresURL())
	if err != nil {
		t.Fatalf("testsupport: open PostgreSQL: %v", err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("testsupport: create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("testsupport: drop schema %s: %v", schema, err)
		}
		_ = admin.Close()
	})
	u, err := url.Parse(PostgresURL())
	if err != nil {
		t.Fatalf("testsupport: parse TEST_DATABASE_URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	q.Set("application_name", schema)
	u.RawQuery = q.Encode()
	db := open(t, u.String(), migrate)
	db.Schema = schema
	return db
}

func open(t testing.TB, rawURL string, migrate bool) *DB {
	t.Helper()
	counter := &StatementCounter{}
	db, err := database.Open(context.Background(), rawURL, database.Options{Wrap: counter.Wrap})
	if err != nil {
		t.Fatalf("testsupport: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if migrate {
		if err := db.Migrate(context.Background()); err != nil {
			t.Fatalf("testsupport: %v", err)
		}
	}
	counter.Reset()
	return &DB{DB: db, Statements: counter}
}

// Reopen returns a second handle on db's database, as another process would have: its own
// connections, ent client and hooks. It is closed when the test ends.
func Reopen(t testing.TB, db *DB) *DB {
	t.Helper()
	other := open(t, db.URL, false)
	other.Schema = db.Schema
	return other
}
