package events

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/database"
)

// Channel is the PostgreSQL notification channel that announces runnable executions. The
// payload is one execution id, never any data.
const Channel = "flowline_executions"

// Notify announces executions to the workers. Inside a transaction the notifications are
// delivered when it commits (and dropped if it rolls back). On PostgreSQL they reach every
// process (NOTIFY); on SQLite only the workers of this process (database.LocalNotify), while
// workers elsewhere poll.
func Notify(ctx context.Context, db *ent.Client, d database.Dialect, ids ...uuid.UUID) error {
	if len(ids) == 0 {
		return nil
	}
	if !d.IsPostgres() {
		if _, err := db.ExecContext(ctx, database.LocalNotify); err != nil {
			return fmt.Errorf("notify executions: %w", err)
		}
		return nil
	}
	for _, id := range ids {
		if _, err := db.ExecContext(ctx, "SELECT pg_notify($1, $2)", Channel, id.String()); err != nil {
			return fmt.Errorf("notify execution %s: %w", id, err)
		}
	}
	return nil
}
