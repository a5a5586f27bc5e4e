package changes

import (
	"context"
	"fmt"
	"strings"

	"github.com/flowline/flowline/internal/database"
)

// Bus carries change events between the processes that share a database.
type Bus interface {
	// Publish sends a batch to every listening process, this one included. It may fail or
	// lose events; the Hub's sweep catches up on final statuses.
	Publish(ctx context.Context, events []Event) error
	// Listen hands each batch received to deliver, and calls resync whenever it has
	// (re)connected, since events sent while it was disconnected are lost. It returns when
	// ctx ends (nil) or when it cannot listen at all (an error).
	Listen(ctx context.Context, deliver func([]Event), resync func()) error
	// Close releases the bus's connections.
	Close() error
	// String names the bus for logs, without credentials.
	String() string
}

// Open returns the bus that spec names: "" for the database's default (PostgreSQL's
// LISTEN/NOTIFY, or this process only on SQLite), "postgres", "local", or a
// nats://host:port URL (optionally ?subject=name).
func Open(spec string, db *database.DB) (Bus, error) {
	switch {
	case spec == "" && db.Dialect.IsPostgres(), spec == "postgres":
		if !db.Dialect.IsPostgres() {
			return nil, fmt.Errorf("event bus %q needs a PostgreSQL DATABASE_URL", spec)
		}
		return NewPostgresBus(db.SQL, db.URL), nil
	case spec == "" || spec == "local":
		return NewLocalBus(), nil
	case strings.HasPrefix(spec, "nats://") || strings.HasPrefix(spec, "tls://"):
		return NewNATSBus(spec)
	}
	return nil, fmt.Errorf("event bus %q: want postgres, local or a nats:// URL", spec)
}
