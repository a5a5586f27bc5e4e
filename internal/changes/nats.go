package changes

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/nats-io/nats.go"
)

// DefaultSubject is the NATS subject of change events; ?subject= in the bus URL changes it
// (two deployments sharing one NATS server, or parallel tests).
const DefaultSubject = "flowline.changes"

// maxNATSMessage keeps a batch well under NATS's default 1 MiB payload limit.
const maxNATSMessage = 256 << 10

// NATSBus sends events through a NATS server: for deployments whose commit rate makes
// PostgreSQL's NOTIFY a bottleneck.
type NATSBus struct {
	nc      *nats.Conn
	subject string
	display string
	resync  chan struct{}
}

// NewNATSBus connects to the server at rawURL, reconnecting for ever when it goes away.
func NewNATSBus(rawURL string) (*NATSBus, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("event bus URL: %w", err)
	}
	subject := u.Query().Get("subject")
	if subject == "" {
		subject = DefaultSubject
	}
	u.RawQuery = ""
	display := u.Redacted()
	b := &NATSBus{subject: subject, display: "nats " + display + " subject " + subject, resync: make(chan struct{}, 1)}
	b.nc, err = nats.Connect(u.String(),
		nats.Name("flowline"),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.RetryOnFailedConnect(true),
		nats.ConnectHandler(func(*nats.Conn) { b.wakeResync() }),
		nats.ReconnectHandler(func(*nats.Conn) { b.wakeResync() }),
	)
	if err != nil {
		return nil, fmt.Errorf("connect to NATS at %s: %w", display, err)
	}
	return b, nil
}

func (b *NATSBus) wakeResync() {
	select {
	case b.resync <- struct{}{}:
	default:
	}
}

// Publish sends the batch in messages of at most 256 KiB.
func (b *NATSBus) Publish(_ context.Context, events []Event) error {
	for len(events) > 0 {
		n := min(len(events), maxNATSMessage/120)
		if err := b.nc.Publish(b.subject, encodeBatch(events[:n])); err != nil {
			return fmt.Errorf("publish %d change events to NATS: %w", n, err)
		}
		events = events[n:]
	}
	return nil
}

// Listen subscribes to the subject until ctx ends.
func (b *NATSBus) Listen(ctx context.Context, deliver func([]Event), resync func()) error {
	sub, err := b.nc.Subscribe(b.subject, func(m *nats.Msg) {
		events := decodeBatch(m.Data)
		if len(events) > 0 {
			deliver(events)
		}
	})
	if err != nil {
		return fmt.Errorf("subscribe to NATS subject %s: %w", b.subject, err)
	}
	defer func() { _ = sub.Unsubscribe() }()
	resync()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-b.resync:
			resync()
		}
	}
}

// Close drains and closes the connection.
func (b *NATSBus) Close() error {
	b.nc.Close()
	return nil
}

func (b *NATSBus) String() string { return b.display }
