package database

import (
	"container/list"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// DefaultStatementCache is how many statements (parameterised ones, reads) a PostgreSQL pool keeps
// prepared (Options.StatementCache).
const DefaultStatementCache = 256

// stmtCache keeps the most recently used parameterised statements prepared on PostgreSQL.
//
// lib/pq sends every parameterised statement it was not asked to prepare as an unnamed
// statement: Parse/Describe/Sync, then Bind/Execute/Sync, two round trips, and PostgreSQL
// plans it again each time. The dashboard's nested read plans four statements per request
// (1.2–1.6 ms each on the bench machine, as long as running them), and each engine step
// pays two round trips per statement. A prepared statement is bound and executed in one
// round trip, and after five executions PostgreSQL may keep a generic plan. ent writes the
// same text for the same query shape, so a small cache covers the hot statements; an IN list
// of a new length is a new text and pushes out the least recently used one.
//
// database/sql prepares a cached statement on each pooled connection the first time it runs
// there, and inside a transaction through Tx.StmtContext, which reuses the connection's
// preparation. Other statements without parameters are left alone: lib/pq sends them in one
// round trip already (the simple protocol); but that protocol parses and plans the text
// every time, so the pool's reads without parameters (a page with no cursor and no filter,
// the dashboard's first statement) are prepared too (dbQuerier.QueryContext).
type stmtCache struct {
	db  *sql.DB
	max int

	mu    sync.Mutex
	lru   *list.List // of *cachedStmt, most recently used first
	byKey map[string]*list.Element
}

type cachedStmt struct {
	query string
	stmt  *sql.Stmt
}

func newStmtCache(db *sql.DB, size int) *stmtCache {
	return &stmtCache{db: db, max: size, lru: list.New(), byKey: make(map[string]*list.Element, size)}
}

// stmt returns the prepared statement for query, preparing it on first use.
func (c *stmtCache) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s := c.cached(query); s != nil {
		return s, nil
	}

	// Prepared outside the lock: two callers may race to prepare the same text; the loser's
	// statement is closed below.
	s, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[query]; ok {
		_ = s.Close() //nolint:sqlclosecheck // the race's loser, closed at once
		c.lru.MoveToFront(e)
		return e.Value.(*cachedStmt).stmt, nil
	}
	c.byKey[query] = c.lru.PushFront(&cachedStmt{query: query, stmt: s})
	for c.lru.Len() > c.max {
		oldest := c.lru.Back()
		c.lru.Remove(oldest)
		evicted := oldest.Value.(*cachedStmt)
		delete(c.byKey, evicted.query)
		// database/sql closes it on a connection once that connection is no longer busy,
		// so a statement evicted while another goroutine runs it still completes.
		_ = evicted.stmt.Close()
	}
	return s, nil
}

// cached returns the prepared statement for query if the cache holds it, else nil.
func (c *stmtCache) cached(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[query]
	if !ok {
		return nil
	}
	c.lru.MoveToFront(e)
	return e.Value.(*cachedStmt).stmt
}

// close closes every cached statement.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for e := c.lru.Front(); e != nil; e = e.Next() {
		_ = e.Value.(*cachedStmt).stmt.Close()
	}
	c.lru.Init()
	clear(c.byKey)
}

// dbQuerier runs statements on the pool through the cache.
type dbQuerier struct{ c *stmtCache }

func (q dbQuerier) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if len(args) == 0 {
		return q.c.db.ExecContext(ctx, query)
	}
	s, err := q.c.stmt(ctx, query) //nolint:sqlclosecheck // the cache's, closed when evicted
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

func (q dbQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if len(args) == 0 && !isSelect(query) {
		return q.c.db.QueryContext(ctx, query)
	}
	s, err := q.c.stmt(ctx, query) //nolint:sqlclosecheck // the cache's, closed when evicted
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

// isSelect tells a read as ent writes it. Such a read without parameters is prepared like
// the others: sent with the simple protocol, PostgreSQL parsed and planned the dashboard's
// page of workflows (SELECT … ORDER BY id LIMIT 21) on each of 3,350 requests, 0.09 ms of
// planning each, where the prepared statement is planned once (pg_stat_statements on the
// bench machine, 2026-12-04). Other texts without parameters (DDL, SET, LISTEN, VACUUM,
// which a transaction block or the extended protocol may refuse) keep the simple protocol.
func isSelect(query string) bool { return strings.HasPrefix(query, "SELECT ") }

// txQuerier runs statements in a transaction through the cache.
type txQuerier struct {
	c  *stmtCache
	tx *sql.Tx
}

// txPrepareWait bounds how long a transaction waits for a pool connection to prepare a
// statement the cache does not hold yet. The transaction holds a connection of its own, so
// once every connection of the pool is held by a transaction waiting to prepare, none would
// ever come free: past this wait the statement runs unprepared on the transaction instead
// (lib/pq's two round trips), and the next use prepares it.
const txPrepareWait = 50 * time.Millisecond

// stmt is the transaction's copy of the cached statement for query (closed when the
// transaction ends), or nil when it could not be prepared in time.
func (q txQuerier) stmt(ctx context.Context, query string) *sql.Stmt {
	s := q.c.cached(query)
	if s == nil {
		// Only a statement the cache does not hold yet pays for the bounded wait.
		wait, cancel := context.WithTimeout(ctx, txPrepareWait)
		defer cancel()
		var err error
		if s, err = q.c.stmt(wait, query); err != nil {
			// A statement PostgreSQL refuses fails again, with its error, when run below.
			return nil
		}
	}
	return q.tx.StmtContext(ctx, s)
}

func (q txQuerier) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if len(args) > 0 {
		if s := q.stmt(ctx, query); s != nil { //nolint:sqlclosecheck // the transaction's copy, closed with it
			return s.ExecContext(ctx, args...)
		}
	}
	return q.tx.ExecContext(ctx, query, args...)
}

func (q txQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if len(args) > 0 {
		if s := q.stmt(ctx, query); s != nil { //nolint:sqlclosecheck // the transaction's copy, closed with it
			return s.QueryContext(ctx, args...)
		}
	}
	return q.tx.QueryContext(ctx, query, args...)
}

// cachingDriver is ent's SQL driver with its statements going through a stmtCache.
// entsql.Driver cannot be reused for this: it needs its connection to be the *sql.DB itself.
type cachingDriver struct {
	entsql.Conn
	cache *stmtCache
}

func newCachingDriver(db *sql.DB, size int) *cachingDriver {
	c := newStmtCache(db, size)
	return &cachingDriver{Conn: entsql.Conn{ExecQuerier: dbQuerier{c}}, cache: c}
}

// Query runs a query on the pool. Its rows read their column types once (typedRows).
func (d *cachingDriver) Query(ctx context.Context, query string, args, v any) error {
	if err := d.Conn.Query(ctx, query, args, v); err != nil {
		return err
	}
	if rows, ok := v.(*entsql.Rows); ok {
		rows.ColumnScanner = &typedRows{ColumnScanner: rows.ColumnScanner}
	}
	return nil
}

// typedRows keeps the column types of its rows once read. ent asks for them on every row for
// each column it does not know (sql.ScanTypeOf), such as the engine's claim's joined columns,
// and database/sql builds the whole list again on each call: six lists of some forty columns
// for every execution claimed.
type typedRows struct {
	entsql.ColumnScanner
	types []*sql.ColumnType
}

// ColumnTypes returns the rows' column types, read on the first call.
func (r *typedRows) ColumnTypes() ([]*sql.ColumnType, error) {
	if r.types == nil {
		types, err := r.ColumnScanner.ColumnTypes()
		if err != nil {
			return nil, err
		}
		r.types = types
	}
	return r.types, nil
}

// Dialect is PostgreSQL: only its pools cache statements.
func (d *cachingDriver) Dialect() string { return dialect.Postgres }

// Tx starts a transaction.
func (d *cachingDriver) Tx(ctx context.Context) (dialect.Tx, error) { return d.BeginTx(ctx, nil) }

// BeginTx starts a transaction with options.
func (d *cachingDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	tx, err := d.cache.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("begin transaction: %w", err)
	}
	return &entsql.Tx{Conn: entsql.Conn{ExecQuerier: txQuerier{c: d.cache, tx: tx}}, Tx: tx}, nil
}

// Close closes the cached statements and the pool.
func (d *cachingDriver) Close() error {
	d.cache.close()
	return d.cache.db.Close()
}

// DB is the pool, as entsql.Driver.DB gives it.
func (d *cachingDriver) DB() *sql.DB { return d.cache.db }
