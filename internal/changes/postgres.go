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

// Publish sends the batch in one statement, after the writers' transactions committed (it
// runs outside them, so it never holds their locks).
func (b *PostgresBus) Publish(ctx context.Context, events []Event) error {
	payloads := make([]string, len(events))
	for i, e := range events {
		payloads[i] = e.String()
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
			e, err := Parse(n.Extra)
			if err != nil {
				continue // not ours to understand: a newer version's event
			}
			deliver([]Event{e})
		}
	}
}

// Close does nothing: Listen closes its connection when its context ends and publishing
// uses the application's pool.
func (b *PostgresBus) Close() error { return nil }

func (b *PostgresBus) String() string { return "postgres (LISTEN/NOTIFY)" }
