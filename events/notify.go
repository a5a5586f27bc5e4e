package events

import (
	"context"
	"fmt"

	"entgo.io/ent/dialect"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
)

// Channel is the PostgreSQL notification channel that announces runnable executions. The
// payload is one execution id, never any data.
const Channel = "flowline_executions"

// Notify announces executions to the workers on PostgreSQL. Inside a transaction the
// notifications are delivered when it commits (and dropped if it rolls back). On SQLite it
// does nothing: workers poll.
func Notify(ctx context.Context, db *ent.Client, dialectName string, ids ...uuid.UUID) error {
	if dialectName != dialect.Postgres {
		return nil
	}
	for _, id := range ids {
		if _, err := db.ExecContext(ctx, "SELECT pg_notify($1, $2)", Channel, id.String()); err != nil {
			return fmt.Errorf("notify execution %s: %w", id, err)
		}
	}
	return nil
}
