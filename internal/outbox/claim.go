package outbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	"github.com/google/uuid"
)

// claim is a message this sender holds, fenced by its attempt count.
type claim struct {
	id       uuid.UUID
	attempts int
}

// claimQuery takes the oldest due QUEUED message through the partial index on queued rows.
const claimQuery = `
UPDATE emails
SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = $1
WHERE id = (
    SELECT id FROM emails
    WHERE status = 'QUEUED' AND next_attempt_at <= $2
    ORDER BY next_attempt_at
    LIMIT 1%s
)
RETURNING id, attempts`

// claim marks one due message SENDING, or returns nil when none is due.
func (m *Mailer) claim(ctx context.Context) (*claim, error) {
	now := time.Now().UTC().Truncate(time.Microsecond)
	query := fmt.Sprintf(claimQuery, "\n    FOR UPDATE SKIP LOCKED")
	if m.db.Dialect != dialect.Postgres {
		query = strings.NewReplacer("$1", "?1", "$2", "?2").Replace(fmt.Sprintf(claimQuery, ""))
	}
	var c claim
	err := m.db.SQL.QueryRowContext(ctx, query, now.Add(m.cfg.SendLease), now).Scan(&c.id, &c.attempts)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("claim email: %w", err)
	}
	return &c, nil
}
