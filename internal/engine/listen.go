package engine

import (
	"context"
	"time"

	"github.com/lib/pq"

	"github.com/flowline/flowline/internal/events"
)

// listen wakes the dispatcher on PostgreSQL notifications until ctx is cancelled. The
// payload (an execution id) is not needed: any notification means "claim now". A reconnect
// also wakes it, since notifications sent while disconnected are lost. On SQLite it listens
// to this process's own notifications; the dispatcher polls for the rest.
func (e *Engine) listen(ctx context.Context) {
	if !e.db.Dialect.IsPostgres() {
		e.listenLocal(ctx)
		return
	}
	l := pq.NewListener(e.db.URL, 100*time.Millisecond, 10*time.Second, func(ev pq.ListenerEventType, err error) {
		if err != nil {
			e.log.Warn("notification listener", "event", ev.String(), "error", err)
		}
	})
	defer l.Close()
	listening := make(chan error, 1)
	go func() { listening <- l.Listen(events.Channel) }()
	select {
	case err := <-listening:
		if err != nil {
			e.log.Error("listen for executions: polling only", "error", err)
			return
		}
	case <-ctx.Done():
		return
	}
	e.Wake()
	for {
		select {
		case <-ctx.Done():
			return
		case <-l.Notify:
			e.Wake()
		}
	}
}

// listenLocal wakes the dispatcher on notifications committed by this process (SQLite).
func (e *Engine) listenLocal(ctx context.Context) {
	wakeups, stop := e.db.Subscribe()
	defer stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-wakeups:
			e.Wake()
		}
	}
}
