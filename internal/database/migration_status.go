package database

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// MigrationStatus compares the database's schema version with the binary's.
type MigrationStatus struct {
	// Applied is the version of the last migration the database has fully applied ("" for
	// none).
	Applied string
	// Latest is the version of the binary's last embedded migration.
	Latest string
}

// UpToDate reports whether the database has every migration of the binary. A database
// ahead of it (a newer replica migrated it during a rollout) is up to date too: migrations
// only add what older binaries ignore.
func (s MigrationStatus) UpToDate() bool { return s.Applied >= s.Latest }

// latestEmbedded caches the binary's latest version per dialect: it never changes.
var latestEmbedded = struct {
	sync.Mutex
	m map[Dialect]string
}{m: map[Dialect]string{}}

func embeddedLatest(d Dialect) (string, error) {
	latestEmbedded.Lock()
	defer latestEmbedded.Unlock()
	if v, ok := latestEmbedded.m[d]; ok {
		return v, nil
	}
	dir, err := embeddedDir(d)
	if err != nil {
		return "", err
	}
	v, err := latestVersion(dir)
	if err != nil {
		return "", err
	}
	latestEmbedded.m[d] = v
	return v, nil
}

// MigrationStatus reads the applied version with one indexed query, cheap enough for
// /readyz.
func (d *DB) MigrationStatus(ctx context.Context) (MigrationStatus, error) {
	latest, err := embeddedLatest(d.Dialect)
	if err != nil {
		return MigrationStatus{}, err
	}
	var applied sql.NullString
	// A revision whose applied count is short of its total is a file that failed part way.
	err = d.SQL.QueryRowContext(ctx, `SELECT max(version) FROM `+RevisionsTable+` WHERE applied = total`).Scan(&applied)
	if err != nil {
		return MigrationStatus{}, fmt.Errorf("read the schema version: %w", err)
	}
	return MigrationStatus{Applied: applied.String, Latest: latest}, nil
}
