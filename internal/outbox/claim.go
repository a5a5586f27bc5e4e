package outbox

import (
	"context"

	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/database"
)

// claim is a message this sender holds, fenced by its attempt count.
type claim struct {
	id       uuid.UUID
	attempts int
}

// outbox is the queue of messages to send: the oldest due QUEUED message (through the
// partial index on queued rows) becomes SENDING until $1, its lease, with one more attempt.
var outbox = database.Queue{
	Table:     "emails",
	Take:      "status = 'SENDING', attempts = attempts + 1, next_attempt_at = $1",
	Due:       "status = 'QUEUED' AND next_attempt_at <= $2",
	Order:     "next_attempt_at",
	Returning: "id, attempts",
}

// claim marks one due message SENDING, or returns nil when none is due.
func (m *Mailer) claim(ctx context.Context) (*claim, error) {
	now := database.Now()
	var c claim
	ok, err := outbox.Claim(ctx, m.db, []any{now.Add(m.cfg.SendLease), now}, &c.id, &c.attempts)
	if err != nil || !ok {
		return nil, err
	}
	return &c, nil
}
