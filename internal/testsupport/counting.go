package testsupport

import (
	"context"
	stdsql "database/sql"
	"sync"
	"sync/atomic"

	"entgo.io/ent/dialect"
)

// StatementCounter counts the SQL statements sent through a driver it wraps. Tests and
// benchmarks use it to hold the API to its statement budgets. Install it with
// database.Options{Wrap: counter.Wrap}; Open does so for every test database (DB.Statements).
type StatementCounter struct {
	n atomic.Int64
	// While recording, statements are kept too (with their arguments), so a test can
	// EXPLAIN the SQL that the API really sends.
	recording atomic.Bool
	mu        sync.Mutex
	recorded  []Statement
}

// Statement is one recorded SQL statement with its arguments.
type Statement struct {
	Query string
	Args  []any
}

// Record keeps every statement counted from now on, until the returned function is called;
// it returns them in the order they were sent.
func (c *StatementCounter) Record() (stop func() []Statement) {
	c.mu.Lock()
	c.recorded = nil
	c.mu.Unlock()
	c.recording.Store(true)
	return func() []Statement {
		c.recording.Store(false)
		c.mu.Lock()
		defer c.mu.Unlock()
		out := c.recorded
		c.recorded = nil
		return out
	}
}

// count counts one statement, and keeps it while recording.
func (c *StatementCounter) count(query string, args any) {
	c.n.Add(1)
	if !c.recording.Load() {
		return
	}
	list, _ := args.([]any)
	c.mu.Lock()
	c.recorded = append(c.recorded, Statement{Query: query, Args: append([]any(nil), list...)})
	c.mu.Unlock()
}

// Count returns the number of statements counted so far.
func (c *StatementCounter) Count() int64 { return c.n.Load() }

// Reset sets the count back to zero.
func (c *StatementCounter) Reset() { c.n.Store(0) }

// Wrap returns drv with every Exec and Query (inside transactions too) counted.
func (c *StatementCounter) Wrap(drv dialect.Driver) dialect.Driver {
	return &countingDriver{Driver: drv, c: c}
}

// execQuerier is what ent's generated ExecContext/QueryContext need from a driver.
type execQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error)
}

// txBeginner is a driver that takes transaction options (ent's SQL driver does).
type txBeginner interface {
	BeginTx(context.Context, *stdsql.TxOptions) (dialect.Tx, error)
}

type countingDriver struct {
	dialect.Driver
	c *StatementCounter
}

func (d *countingDriver) Exec(ctx context.Context, query string, args, v any) error {
	d.c.count(query, args)
	return d.Driver.Exec(ctx, query, args, v)
}

func (d *countingDriver) Query(ctx context.Context, query string, args, v any) error {
	d.c.count(query, args)
	return d.Driver.Query(ctx, query, args, v)
}

func (d *countingDriver) ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error) {
	d.c.count(query, args)
	return d.Driver.(execQuerier).ExecContext(ctx, query, args...)
}

func (d *countingDriver) QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error) {
	d.c.count(query, args)
	return d.Driver.(execQuerier).QueryContext(ctx, query, args...)
}

func (d *countingDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return &countingTx{Tx: tx, c: d.c}, nil
}

// BeginTx keeps transaction options (isolation level, read-only) working through the wrapper.
func (d *countingDriver) BeginTx(ctx context.Context, opts *stdsql.TxOptions) (dialect.Tx, error) {
	b, ok := d.Driver.(txBeginner)
	if !ok {
		return d.Tx(ctx)
	}
	tx, err := b.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &countingTx{Tx: tx, c: d.c}, nil
}

type countingTx struct {
	dialect.Tx
	c *StatementCounter
}

func (t *countingTx) Exec(ctx context.Context, query string, args, v any) error {
	t.c.count(query, args)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t *countingTx) Query(ctx context.Context, query string, args, v any) error {
	t.c.count(query, args)
	return t.Tx.Query(ctx, query, args, v)
}

func (t *countingTx) ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error) {
	t.c.count(query, args)
	return t.Tx.(execQuerier).ExecContext(ctx, query, args...)
}

func (t *countingTx) QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error) {
	t.c.count(query, args)
	return t.Tx.(execQuerier).QueryContext(ctx, query, args...)
}
