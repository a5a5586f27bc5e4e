package retention

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// overridesSQL lists the workflows' own retentions; there are few distinct values, and one
// batch series per value lets each use a plain cutoff time, the same on both databases.
const overridesSQL = `SELECT DISTINCT retention_days FROM workflows WHERE retention_days IS NOT NULL`

// overrides returns the distinct retentions workflows set for themselves.
func (s *Service) overrides(ctx context.Context) ([]int, error) {
	rows, err := s.db.SQL.QueryContext(ctx, overridesSQL)
	if err != nil {
		return nil, fmt.Errorf("list workflow retentions: %w", err)
	}
	defer rows.Close()
	var days []int
	for rows.Next() {
		var d int
		if err := rows.Scan(&d); err != nil {
			return nil, fmt.Errorf("list workflow retentions: %w", err)
		}
		days = append(days, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list workflow retentions: %w", err)
	}
	return days, nil
}

// deleteExecutions deletes the executions past their workflow's retention, or the default.
func (s *Service) deleteExecutions(ctx context.Context, now time.Time, res *Result) error {
	days, err := s.overrides(ctx)
	if err != nil {
		return err
	}
	if err := s.drain(ctx, kindExecutions, res, s.sql.defaultExecutions, cutoff(now, s.cfg.Days)); err != nil {
		return fmt.Errorf("delete expired executions: %w", err)
	}
	for _, d := range days {
		if err := s.drain(ctx, kindExecutions, res, s.sql.overrideExecutions, cutoff(now, d), d); err != nil {
			return fmt.Errorf("delete expired executions of workflows kept %d days: %w", d, err)
		}
	}
	return nil
}

// deleteEmails deletes the sent and failed e-mails past the default retention.
func (s *Service) deleteEmails(ctx context.Context, now time.Time, res *Result) error {
	if err := s.drain(ctx, kindEmails, res, s.sql.emails, cutoff(now, s.cfg.Days)); err != nil {
		return fmt.Errorf("delete expired e-mails: %w", err)
	}
	return nil
}

// cutoff is the end time before which rows kept for days are expired. Times are stored in
// UTC (SQLite compares them as text).
func cutoff(now time.Time, days int) time.Time {
	return now.UTC().AddDate(0, 0, -days)
}

// drain runs query in batches until one comes back short (nothing left) or ctx ends. args
// are the query's parameters after $2, the cutoff first; $2 is the batch size.
func (s *Service) drain(ctx context.Context, kind string, res *Result, query string, before time.Time, more ...any) error {
	args := append([]any{before, s.cfg.Batch}, more...)
	for ctx.Err() == nil {
		n, err := s.batch(ctx, kind, query, args)
		if err != nil {
			return err
		}
		res.add(kind, n)
		if n < s.cfg.Batch {
			return nil
		}
	}
	return ctx.Err()
}

// batch runs one delete in its own transaction and returns how many rows it removed.
func (s *Service) batch(ctx context.Context, kind, query string, args []any) (n int, err error) {
	tx, err := s.db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if kind == kindExecutions && !s.db.Dialect.EnforcesForeignKeys() {
		if err := requireForeignKeys(ctx, tx); err != nil {
			return 0, err
		}
	}
	r, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	rows, err := r.RowsAffected()
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("commit: %w", err)
	}
	return int(rows), nil
}

// requireForeignKeys refuses to delete executions on an SQLite connection that does not
// enforce foreign keys: their logs and step outputs would stay behind as orphans.
func requireForeignKeys(ctx context.Context, tx *sql.Tx) error {
	var on int
	if err := tx.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&on); err != nil {
		return fmt.Errorf("read PRAGMA foreign_keys: %w", err)
	}
	if on != 1 {
		return fmt.Errorf("the SQLite connection does not enforce foreign keys, so logs would not be deleted with their executions (remove foreign_keys from DATABASE_URL)")
	}
	return nil
}
