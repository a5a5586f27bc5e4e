package database

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"ariga.io/atlas/sql/migrate"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"

	entmigrate "github.com/flowline/flowline/ent/migrate"
)

// GenerateCommand is the command that writes the next migration files; the drift check's
// failure names it.
const GenerateCommand = "go run ./internal/tools/migrations new <name>"

// planDiff asks ent (through Atlas) what it takes to bring the connected database to the
// ent schema, and writes it as a migration file named name into dir. It reports false when
// there is nothing to do.
//
// Unlike ent's auto-migration (additive only), the plan drops columns and indexes that the
// schema no longer has: the migrations must produce exactly the ent schema. Keep a field in
// ent/schema for one more release when older replicas still read it during a rollout.
func (d *DB) planDiff(ctx context.Context, dir migrate.Dir, name string, f migrate.Formatter) (bool, error) {
	// ent's migration writes into the package-level table definitions.
	migrateMu.Lock()
	defer migrateMu.Unlock()
	m, err := schema.NewMigrate(entsql.OpenDB(string(d.Dialect), d.SQL),
		schema.WithDir(dir),
		schema.WithFormatter(f),
		schema.WithMigrationMode(schema.ModeInspect),
		schema.WithForeignKeys(true),
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
		schema.WithErrNoPlan(true),
		schema.WithDiffHook(samePartialIndexes),
	)
	if err != nil {
		return false, fmt.Errorf("ent migration engine: %w", err)
	}
	switch err := m.NamedDiff(ctx, name, entmigrate.Tables...); {
	case errors.Is(err, migrate.ErrNoPlan):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("diff the database against ent/schema: %w", err)
	default:
		return true, nil
	}
}

// Drift returns the SQL that would bring the database to the ent schema: empty when the
// migrations applied to it produce exactly that schema.
func (d *DB) Drift(ctx context.Context) (string, error) {
	dir := &migrate.MemDir{}
	changed, err := d.planDiff(ctx, dir, "drift", migrate.DefaultFormatter)
	if err != nil || !changed {
		return "", err
	}
	files, err := dir.Files()
	if err != nil {
		return "", fmt.Errorf("read the drift: %w", err)
	}
	var b strings.Builder
	for _, f := range files {
		b.Write(f.Bytes())
	}
	return b.String(), nil
}

// WriteMigration applies the migrations of dir to this database (a scratch one: the
// generator's), then writes the next file into dir, versioned version and named name, with
// what the ent schema adds to them, and updates dir's atlas.sum. It reports false when the
// migrations already produce the ent schema.
func (d *DB) WriteMigration(ctx context.Context, dir migrate.Dir, version, name string) (bool, error) {
	if err := applyMigrations(ctx, d.SQL, d.Dialect, dir); err != nil {
		return false, fmt.Errorf("apply the existing migrations: %w", err)
	}
	return d.planDiff(ctx, dir, name, versionedFormatter{version})
}

// versionedFormatter formats a plan as Atlas's default formatter does, with a version
// fixed by the caller, so that the files generated together for both dialects share it.
type versionedFormatter struct{ version string }

// Format implements migrate.Formatter.
func (f versionedFormatter) Format(p *migrate.Plan) ([]migrate.File, error) {
	c := *p
	c.Version = f.version
	files, err := migrate.DefaultFormatter.Format(&c)
	if err != nil {
		return nil, fmt.Errorf("format migration: %w", err)
	}
	return files, nil
}
