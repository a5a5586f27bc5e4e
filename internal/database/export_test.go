package database

import (
	"context"

	"entgo.io/ent/dialect"
	"fmt"

	"ariga.io/atlas/sql/migrate"

	entmigrate "github.com/flowline/flowline/ent/migrate"
)

// CreateLikePreviousRelease creates the schema of the release before versioned migrations,
// without a revisions table. That release made it with ent's auto-migration, so while the
// baseline is the only migration (the ent schema is still that release's) this does the
// same; once later migrations exist, ent's auto-migration would create the newer schema,
// so it runs the baseline file's statements instead (TestMigrationsProduceTheEntSchema
// proved them equal to the auto-migrated schema when the baseline was the latest).
func (d *DB) CreateLikePreviousRelease(ctx context.Context) error {
	dir, err := embeddedDir(d.Dialect)
	if err != nil {
		return err
	}
	files, err := dir.Files()
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	if len(files) == 1 {
		migrateMu.Lock()
		defer migrateMu.Unlock()
		if err := d.Client.Schema.Create(ctx, entmigrate.WithForeignKeys(true)); err != nil {
			return fmt.Errorf("auto-migrate: %w", err)
		}
		return nil
	}
	stmts, err := files[0].Stmts()
	if err != nil {
		return fmt.Errorf("read the baseline: %w", err)
	}
	for _, s := range stmts {
		if _, err := d.SQL.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("baseline statement %q: %w", s, err)
		}
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

// Driver is the ent client's driver.
func (d *DB) Driver() dialect.Driver { return d.driver }

// Renumber is renumber, for its test.
var Renumber = renumber

// Unsent reports whether ctx's deferred transaction has begun and sent nothing yet: a Final
// statement run now would carry every write of the transaction, outside a transaction block.
func Unsent(ctx context.Context) bool {
	d, _ := ctx.Value(deferralKey{}).(*deferral)
	return d != nil && d.tx != nil && d.tx.tx == nil && !d.tx.ended
}
