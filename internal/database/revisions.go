package database

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"ariga.io/atlas/sql/migrate"
)

// RevisionsTable records which migration files a database has applied (Atlas's revision
// history, one row per file). Atlas's own table lives in the CLI, not in its Go library, so
// Flowline keeps its own, under a name that says whose it is.
const RevisionsTable = "flowline_schema_revisions"

// The same statement suits both dialects; executed_at is RFC 3339 text so that neither
// driver's time conversion is involved, and partial_hashes is a JSON list.
const createRevisionsTable = `CREATE TABLE IF NOT EXISTS ` + RevisionsTable + ` (
	version varchar(255) NOT NULL PRIMARY KEY,
	description text NOT NULL,
	type bigint NOT NULL,
	applied bigint NOT NULL,
	total bigint NOT NULL,
	executed_at text NOT NULL,
	execution_time bigint NOT NULL,
	error text NOT NULL,
	error_stmt text NOT NULL,
	hash text NOT NULL,
	partial_hashes text NOT NULL,
	operator_version text NOT NULL
)`

const revisionColumns = `version, description, type, applied, total, executed_at, execution_time,
	error, error_stmt, hash, partial_hashes, operator_version`

// queryExecer is what a revision store runs on: the migration's transaction.
type queryExecer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// revisions is the migrate.RevisionReadWriter over RevisionsTable, inside one transaction so
// that a file's statements and its revision commit together.
type revisions struct {
	q       queryExecer
	dialect Dialect
}

var _ migrate.RevisionReadWriter = (*revisions)(nil)

// Ident names the table, so that Atlas does not count it as a table of the schema.
func (r *revisions) Ident() *migrate.TableIdent { return &migrate.TableIdent{Name: RevisionsTable} }

// ReadRevisions returns every revision, oldest version first (the executor relies on it).
func (r *revisions) ReadRevisions(ctx context.Context) ([]*migrate.Revision, error) {
	return r.query(ctx, `SELECT `+revisionColumns+` FROM `+RevisionsTable+` ORDER BY version`)
}

// ReadRevision returns one revision, or migrate.ErrRevisionNotExist.
func (r *revisions) ReadRevision(ctx context.Context, version string) (*migrate.Revision, error) {
	revs, err := r.query(ctx, r.dialect.Rebind(`SELECT `+revisionColumns+` FROM `+RevisionsTable+` WHERE version = $1`), version)
	if err != nil {
		return nil, err
	}
	if len(revs) == 0 {
		return nil, migrate.ErrRevisionNotExist
	}
	return revs[0], nil
}

// WriteRevision inserts or replaces a revision (the executor writes one several times as a
// file's statements run).
func (r *revisions) WriteRevision(ctx context.Context, rev *migrate.Revision) error {
	hashes, _ := json.Marshal(rev.PartialHashes) // a []string always encodes
	_, err := r.q.ExecContext(ctx, r.dialect.Rebind(`INSERT INTO `+RevisionsTable+` (`+revisionColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		ON CONFLICT (version) DO UPDATE SET description = excluded.description, type = excluded.type,
			applied = excluded.applied, total = excluded.total, executed_at = excluded.executed_at,
			execution_time = excluded.execution_time, error = excluded.error, error_stmt = excluded.error_stmt,
			hash = excluded.hash, partial_hashes = excluded.partial_hashes, operator_version = excluded.operator_version`),
		rev.Version, rev.Description, uint64(rev.Type), rev.Applied, rev.Total, rev.ExecutedAt.UTC().Format(time.RFC3339Nano),
		int64(rev.ExecutionTime), rev.Error, rev.ErrorStmt, rev.Hash, string(hashes), rev.OperatorVersion)
	if err != nil {
		return fmt.Errorf("write revision %s: %w", rev.Version, err)
	}
	return nil
}

// DeleteRevision removes a revision.
func (r *revisions) DeleteRevision(ctx context.Context, version string) error {
	if _, err := r.q.ExecContext(ctx, r.dialect.Rebind(`DELETE FROM `+RevisionsTable+` WHERE version = $1`), version); err != nil {
		return fmt.Errorf("delete revision %s: %w", version, err)
	}
	return nil
}

func (r *revisions) query(ctx context.Context, query string, args ...any) ([]*migrate.Revision, error) {
	rows, err := r.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read revisions: %w", err)
	}
	defer rows.Close()
	var out []*migrate.Revision
	for rows.Next() {
		var (
			rev              migrate.Revision
			typ, execTime    int64
			executedAt, hash string
			partial          string
		)
		if err := rows.Scan(&rev.Version, &rev.Description, &typ, &rev.Applied, &rev.Total, &executedAt, &execTime,
			&rev.Error, &rev.ErrorStmt, &hash, &partial, &rev.OperatorVersion); err != nil {
			return nil, fmt.Errorf("read revisions: %w", err)
		}
		rev.Type = migrate.RevisionType(typ) //nolint:gosec // written by WriteRevision from a RevisionType
		rev.ExecutionTime = time.Duration(execTime)
		rev.Hash = hash
		if rev.ExecutedAt, err = time.Parse(time.RFC3339Nano, executedAt); err != nil {
			return nil, fmt.Errorf("read revision %s: executed_at: %w", rev.Version, err)
		}
		if err := json.Unmarshal([]byte(partial), &rev.PartialHashes); err != nil {
			return nil, fmt.Errorf("read revision %s: partial_hashes: %w", rev.Version, err)
		}
		out = append(out, &rev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read revisions: %w", err)
	}
	return out, nil
}
