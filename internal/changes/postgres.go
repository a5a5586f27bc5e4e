package changes

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// Channel is the PostgreSQL notification channel of change events (the engine's wake-ups
// use another, events.Channel).
const Channel = "flowline_changes"

// PostgresBus sends events with NOTIFY and receives them with LISTEN: nothing more to run,
// at the price of NOTIFY's commit-time lock under very high commit rates (use NATS there).
type PostgresBus struct {
	db  *sql.DB
	url string
}

// NewPostgresBus publishes through db and listens on a connection of its own to url.
func NewPostgresBus(db *sql.DB, url string) *PostgresBus { return &PostgresBus{db: db, url: url} }

// maxNotifyEvents is how many events one notification carries: PostgreSQL refuses a payload
// of 8,000 bytes or more, and an event's wire form is under 120 bytes with its newline.
const maxNotifyEvents = 7900 / 121

// Publish sends the batch in one statement, after the writers' transactions committed (it
// runs outside them, so it never holds their locks). The events go packed, up to
// maxNotifyEvents to a notification in encodeBatch's form, as NATS messages carry them: a
// busy engine's batch of a few dozen events is one notification, which every listening
// backend relays and every listener parses once, instead of one each.
func (b *PostgresBus) Publish(ctx context.Context, events []Event) error {
	payloads := make([]string, 0, len(events)/maxNotifyEvents+1)
	for rest := events; len(rest) > 0; {
		n := min(len(rest), maxNotifyEvents)
		payloads = append(payloads, string(encodeBatch(rest[:n])))
		rest = rest[n:]
	}
	if _, err := b.db.ExecContext(ctx, "SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p", Channel, pq.Array(payloads)); err != nil {
		return fmt.Errorf("notify %d change events: %w", len(events), err)
	}
	return nil
}

// Listen receives notifications on a dedicated connection, reconnecting with back-off.
func (b *PostgresBus) Listen(ctx context.Context, deliver func([]Event), resync func()) error {
	connected := make(chan struct{}, 1)
	l := pq.NewListener(b.url, 100*time.Millisecond, 10*time.Second, func(ev pq.ListenerEventType, _ error) {
		if ev == pq.ListenerEventConnected || ev == pq.ListenerEventReconnected {
			select {
			case connected <- struct{}{}:
			default:
			}
		}
	})
	defer func() { _ = l.Close() }()
	if err := l.Listen(Channel); err != nil {
		return fmt.Errorf("listen for change events: %w", err)
	}
	resync()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-connected:
			resync()
		case n := <-l.Notify:
			if n == nil { // the connection dropped; pq reconnects and says so
				continue
			}
			// Lines that are not ours to understand (a newer version's events) are skipped.
			if events := decodeBatch([]byte(n.Extra)); len(events) > 0 {
				deliver(events)
			}
		}
	}
}

// Close does nothing: Listen closes its connection when its context ends and publishing
// uses the application's pool.
func (b *PostgresBus) Close() error { return nil }

func (b *PostgresBus) String() string { return "postgres (LISTEN/NOTIFY)" }
