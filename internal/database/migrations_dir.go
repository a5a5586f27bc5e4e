package database

import (
	"embed"
	"fmt"
	"io/fs"
	"path"

	"ariga.io/atlas/sql/migrate"
)

// migrationFiles are the versioned migrations, one Atlas directory (SQL files and atlas.sum)
// per dialect, written by `go run ./internal/tools/migrations new <name>` and compiled into
// the binary so that a deployment needs nothing beside it.
//
//go:embed migrations/postgres migrations/sqlite
var migrationFiles embed.FS

// MigrationsPath is where the migration directories are, from the repository's root.
const MigrationsPath = "internal/database/migrations"

// dirName is the directory of a dialect's migrations under MigrationsPath.
func (d Dialect) dirName() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// MigrationsDir returns the path of the dialect's migration directory from the repository's
// root (internal/database/migrations/postgres or .../sqlite).
func (d Dialect) MigrationsDir() string { return path.Join(MigrationsPath, d.dirName()) }

// embeddedDir returns the dialect's embedded migration directory, checked against its
// atlas.sum (a file edited after it was generated is refused).
func embeddedDir(d Dialect) (migrate.Dir, error) {
	sub, err := fs.Sub(migrationFiles, path.Join("migrations", d.dirName()))
	if err != nil {
		return nil, fmt.Errorf("read embedded migrations: %w", err)
	}
	entries, err := fs.ReadDir(sub, ".")
	if err != nil {
		return nil, fmt.Errorf("read embedded migrations: %w", err)
	}
	dir := &migrate.MemDir{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(sub, e.Name())
		if err != nil {
			return nil, fmt.Errorf("read embedded migration %s: %w", e.Name(), err)
		}
		if err := dir.WriteFile(e.Name(), b); err != nil {
			return nil, fmt.Errorf("load embedded migration %s: %w", e.Name(), err)
		}
	}
	if err := migrate.Validate(dir); err != nil {
		return nil, fmt.Errorf("embedded %s migrations: %w (regenerate them with the migrations tool rather than editing them)", d.dirName(), err)
	}
	return dir, nil
}

// latestVersion is the version of the directory's last migration file ("" when it has none).
func latestVersion(dir migrate.Dir) (string, error) {
	files, err := dir.Files()
	if err != nil {
		return "", fmt.Errorf("list migrations: %w", err)
	}
	if len(files) == 0 {
		return "", nil
	}
	return files[len(files)-1].Version(), nil
}
