package database

import (
	"context"
	stdsql "database/sql"
	"database/sql/driver"
	"sync"
	"sync/atomic"

	"entgo.io/ent/dialect"
)

// LocalNotify is the statement that stands for PostgreSQL's NOTIFY on SQLite, where there is
// none: sent through the ent client (ExecContext), it never reaches the database. Inside a
// transaction it wakes this process's subscribers when the transaction commits (and never if
// it rolls back); outside one, at once. Workers in other processes still poll.
const LocalNotify = "-- flowline: notify"

// notifier fans wake-ups out to this process's subscribers.
type notifier struct {
	mu   sync.Mutex
	subs map[chan struct{}]struct{}
}

// Subscribe returns a channel that receives a value (coalesced) after each local
// notification, and a function that ends the subscription.
func (d *DB) Subscribe() (<-chan struct{}, func()) {
	if d.notify == nil {
		return nil, func() {}
	}
	ch := make(chan struct{}, 1)
	d.notify.mu.Lock()
	if d.notify.subs == nil {
		d.notify.subs = map[chan struct{}]struct{}{}
	}
	d.notify.subs[ch] = struct{}{}
	d.notify.mu.Unlock()
	return ch, func() {
		d.notify.mu.Lock()
		delete(d.notify.subs, ch)
		d.notify.mu.Unlock()
	}
}

func (n *notifier) broadcast() {
	n.mu.Lock()
	defer n.mu.Unlock()
	for ch := range n.subs {
		select {
		case ch <- struct{}{}:
		default: // a wake-up is already pending
		}
	}
}

// notifyingDriver intercepts LocalNotify.
type notifyingDriver struct {
	dialect.Driver
	n *notifier
}

func (d *notifyingDriver) ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error) {
	if query == LocalNotify {
		d.n.broadcast()
		return driver.RowsAffected(0), nil
	}
	return d.Driver.(execQuerier).ExecContext(ctx, query, args...)
}

func (d *notifyingDriver) QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error) {
	return d.Driver.(execQuerier).QueryContext(ctx, query, args...)
}

func (d *notifyingDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	return startTx(ctx, d.Driver, nil, false, d.wrapTx)
}

// BeginTx keeps transaction options working through the wrapper.
func (d *notifyingDriver) BeginTx(ctx context.Context, opts *TxOptions) (dialect.Tx, error) {
	return startTx(ctx, d.Driver, opts, true, d.wrapTx)
}

func (d *notifyingDriver) wrapTx(tx dialect.Tx) dialect.Tx { return &notifyingTx{Tx: tx, n: d.n} }

// notifyingTx holds a transaction's local notifications until it commits.
type notifyingTx struct {
	dialect.Tx
	n       *notifier
	pending atomic.Bool
}

func (t *notifyingTx) ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error) {
	if query == LocalNotify {
		t.pending.Store(true)
		return driver.RowsAffected(0), nil
	}
	return t.Tx.(execQuerier).ExecContext(ctx, query, args...)
}

func (t *notifyingTx) QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error) {
	return t.Tx.(execQuerier).QueryContext(ctx, query, args...)
}

func (t *notifyingTx) Commit() error {
	if err := t.Tx.Commit(); err != nil {
		return err
	}
	if t.pending.Load() {
		t.n.broadcast()
	}
	return nil
}
