// The migrations command writes the next versioned migration of both dialects from the ent
// schema:
//
//	go run ./internal/tools/migrations new <name>
//
// run from the repository's root after changing ent/schema and running go generate. For
// each dialect it applies the committed migrations to a scratch database (a temporary SQLite
// file; a temporary schema in the PostgreSQL at TEST_DATABASE_URL, dropped afterwards), asks
// ent what the schema adds to them, and writes that as
// internal/database/migrations/<dialect>/<version>_<name>.sql with the directory's
// atlas.sum. Commit the new files. It is not part of go generate: the drift test
// (TestMigrationsProduceTheEntSchema) catches a forgotten migration instead.
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"

	"ariga.io/atlas/sql/migrate"
	_ "github.com/lib/pq" // registers the "postgres" driver

	"github.com/flowline/flowline/internal/database"
)

// defaultPostgresURL is the development PostgreSQL, as in the tests.
const defaultPostgresURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

const usage = "usage: go run ./internal/tools/migrations new <name>   (name: lower case, digits and _, e.g. add_retention_days)"

var validName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

func main() {
	if len(os.Args) != 3 || os.Args[1] != "new" || !validName.MatchString(os.Args[2]) {
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	if err := run(context.Background(), os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "migrations:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, name string) error {
	if _, err := os.Stat(database.MigrationsPath); err != nil {
		return fmt.Errorf("run from the repository's root (no %s): %w", database.MigrationsPath, err)
	}
	// One version for both dialects, so the files of one change are recognisable as a pair.
	version := migrate.NewVersion()
	for _, d := range []database.Dialect{database.SQLite, database.Postgres} {
		wrote, err := generate(ctx, d, version, name)
		if err != nil {
			return fmt.Errorf("%s: %w", d, err)
		}
		if wrote {
			fmt.Printf("wrote %s\n", filepath.Join(d.MigrationsDir(), version+"_"+name+".sql"))
		} else {
			fmt.Printf("%s: the migrations already produce the ent schema; nothing written\n", d)
		}
	}
	return nil
}

func generate(ctx context.Context, d database.Dialect, version, name string) (bool, error) {
	dir, err := migrate.NewLocalDir(d.MigrationsDir())
	if err != nil {
		return false, fmt.Errorf("open %s: %w", d.MigrationsDir(), err)
	}
	db, cleanup, err := scratch(ctx, d)
	if err != nil {
		return false, err
	}
	wrote, err := db.WriteMigration(ctx, dir, version, name)
	return wrote, errors.Join(err, db.Close(), cleanup())
}

// scratch opens an empty database of the dialect and returns how to remove it.
func scratch(ctx context.Context, d database.Dialect) (*database.DB, func() error, error) {
	if d == database.SQLite {
		tmp, err := os.MkdirTemp("", "flowline-migrations-")
		if err != nil {
			return nil, nil, fmt.Errorf("scratch SQLite: %w", err)
		}
		db, err := database.Open(ctx, filepath.Join(tmp, "dev.db"), database.Options{})
		if err != nil {
			return nil, nil, errors.Join(err, os.RemoveAll(tmp))
		}
		return db, func() error { return os.RemoveAll(tmp) }, nil
	}
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		base = defaultPostgresURL
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		return nil, nil, fmt.Errorf("scratch PostgreSQL: %w", err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "flowline_migrations_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		return nil, nil, errors.Join(fmt.Errorf("scratch PostgreSQL at %s (set TEST_DATABASE_URL): %w", database.Redact(base), err), admin.Close())
	}
	drop := func() error {
		_, err := admin.ExecContext(context.WithoutCancel(ctx), "DROP SCHEMA "+schema+" CASCADE")
		return errors.Join(err, admin.Close())
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, nil, errors.Join(fmt.Errorf("parse TEST_DATABASE_URL: %w", err), drop())
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := database.Open(ctx, u.String(), database.Options{})
	if err != nil {
		return nil, nil, errors.Join(err, drop())
	}
	return db, drop, nil
}
