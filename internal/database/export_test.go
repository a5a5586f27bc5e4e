package database

import (
	"context"
	"fmt"

	"ariga.io/atlas/sql/migrate"

	entmigrate "github.com/flowline/flowline/ent/migrate"
)

// CreateLikePreviousRelease creates the schema the way the release before versioned
// migrations did (and this commit's Migrate did before them): ent's auto-migration, without
// a revisions table.
func (d *DB) CreateLikePreviousRelease(ctx context.Context) error {
	migrateMu.Lock()
	defer migrateMu.Unlock()
	if err := d.Client.Schema.Create(ctx, entmigrate.WithForeignKeys(true)); err != nil {
		return fmt.Errorf("auto-migrate: %w", err)
	}
	return nil
}

// EmbeddedDir exposes the embedded migrations of a dialect.
func EmbeddedDir(d Dialect) (migrate.Dir, error) { return embeddedDir(d) }

// ApplyMigrations applies dir as Migrate applies the embedded directory.
func (d *DB) ApplyMigrations(ctx context.Context, dir migrate.Dir) error {
	migrateMu.Lock()
	defer migrateMu.Unlock()
	return applyMigrations(ctx, d.SQL, d.Dialect, dir)
}

// ApplyMigrationsLikeAnotherProcess applies dir without the in-process mutex, as a second
// process starting at the same time would: only the database's own lock serialises it.
func (d *DB) ApplyMigrationsLikeAnotherProcess(ctx context.Context, dir migrate.Dir) error {
	return applyMigrations(ctx, d.SQL, d.Dialect, dir)
}
