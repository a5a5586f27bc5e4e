package database

import (
	"context"
	stdsql "database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/lib/pq"
)

// A deferred transaction sends nothing until it must. Its plain INSERTs are held; the first
// statement that needs an answer (a read, an update) begins the transaction for real and
// sends the held ones before itself. A statement run with Final carries the INSERTs held
// since in a WITH, one round trip for all; when nothing has been sent yet it goes outside any
// transaction block: the transaction is that statement, so it costs one round trip instead
// of BEGIN, each INSERT, the statement and COMMIT. The engine's steps end with their fenced
// advance as the Final statement, carrying the step's log row, and the effects of a step
// that only inserts rows (a task, an activity) with it.
//
// Only the database's answer decides: a final UPDATE that matches no row aborts the whole
// statement (see fused), so the held rows are written exactly when it changed a row, as if
// the transaction had rolled back otherwise. Deferral is PostgreSQL's alone (its
// data-modifying WITH); elsewhere DeferTx changes nothing.

type deferralKey struct{}

// asIs is startTx's wrapper for a transaction this file wraps itself.
func asIs(tx dialect.Tx) dialect.Tx { return tx }

type finalKey struct{}

// deferral is the marker DeferTx puts in a context: the first transaction begun with it is
// deferred, later ones are not.
type deferral struct {
	taken atomic.Bool
	tx    *deferredTx // the transaction that took it, for the tests (Unsent)
}

// DeferTx returns ctx with the next transaction begun with it deferred (see deferredTx).
func DeferTx(ctx context.Context) context.Context {
	return context.WithValue(ctx, deferralKey{}, &deferral{})
}

// Final marks the statement run with ctx as the last of its transaction: a deferred
// transaction that has sent nothing sends it with its held writes as one statement and has
// nothing left to commit. It must be an UPDATE or DELETE (its count decides, see fused).
func Final(ctx context.Context) context.Context { return context.WithValue(ctx, finalKey{}, true) }

func isFinal(ctx context.Context) bool { v, _ := ctx.Value(finalKey{}).(bool); return v }

type outsideKey struct{}

// ReadOutside marks the query run with ctx as a read that locks nothing and changes nothing:
// a deferred transaction that has neither sent nor held anything yet runs it on the pool
// instead of beginning for it. Under READ COMMITTED a statement sees what was committed when
// it starts, inside a transaction or not, so the read sees what it would have seen as the
// transaction's first statement; a step that only reads before deciding it has nothing to
// do (a tag the client has already) then needs no transaction at all.
func ReadOutside(ctx context.Context) context.Context {
	return context.WithValue(ctx, outsideKey{}, true)
}

// readsOutside reports whether a query run with ctx may go to the pool: marked by
// ReadOutside, in a transaction that has not begun, holds nothing and reads committed data.
func (t *deferredTx) readsOutside(ctx context.Context) bool {
	marked, _ := ctx.Value(outsideKey{}).(bool)
	return marked && t.tx == nil && !t.ended && len(t.held) == 0 &&
		(t.opts == nil || t.opts.Isolation <= stdsql.LevelReadCommitted)
}

// deferringDriver begins deferred transactions for contexts marked by DeferTx.
type deferringDriver struct {
	dialect.Driver
}

func (d *deferringDriver) ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error) {
	return d.Driver.(execQuerier).ExecContext(ctx, query, args...)
}

func (d *deferringDriver) QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error) {
	return d.Driver.(execQuerier).QueryContext(ctx, query, args...)
}

func (d *deferringDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	if t := d.deferred(ctx, nil, false); t != nil {
		return t, nil
	}
	return d.Driver.Tx(ctx)
}

// BeginTx keeps transaction options working through the wrapper.
func (d *deferringDriver) BeginTx(ctx context.Context, opts *TxOptions) (dialect.Tx, error) {
	if t := d.deferred(ctx, opts, true); t != nil {
		return t, nil
	}
	return startTx(ctx, d.Driver, opts, true, asIs)
}

// deferred returns a deferred transaction when ctx asks for one that is not taken yet.
func (d *deferringDriver) deferred(ctx context.Context, opts *TxOptions, withOpts bool) *deferredTx {
	m, _ := ctx.Value(deferralKey{}).(*deferral)
	if m == nil || !m.taken.CompareAndSwap(false, true) {
		return nil
	}
	m.tx = &deferredTx{ctx: ctx, drv: d.Driver, opts: opts, withOpts: withOpts}
	return m.tx
}

// held is a write not sent yet.
type held struct {
	ctx   context.Context
	query string
	args  []any
}

// deferredTx is a transaction that holds its INSERTs until a statement needs the
// transaction begun, or a Final statement carries them. One goroutine uses it, as any
// transaction.
type deferredTx struct {
	ctx      context.Context // the transaction's, for BEGIN
	drv      dialect.Driver
	opts     *TxOptions
	withOpts bool
	tx       dialect.Tx // the real transaction, once begun
	held     []held
	ended    bool // a Final statement committed everything
}

var errEnded = errors.New("the transaction ended with its final statement")

func (t *deferredTx) Exec(ctx context.Context, query string, args, v any) error {
	if t.ended {
		return errEnded
	}
	if isFinal(ctx) {
		if fused, ok := t.fused(query, args); ok {
			return t.runFused(ctx, fused, v)
		}
	}
	if a, ok := holdable(query, args, v); ok {
		t.held = append(t.held, held{ctx: ctx, query: query, args: a})
		return nil
	}
	if err := t.sendHeld(); err != nil {
		return err
	}
	return t.tx.Exec(ctx, query, args, v)
}

func (t *deferredTx) Query(ctx context.Context, query string, args, v any) error {
	if t.readsOutside(ctx) {
		return t.drv.Query(ctx, query, args, v)
	}
	if err := t.sendHeld(); err != nil {
		return err
	}
	return t.tx.Query(ctx, query, args, v)
}

func (t *deferredTx) ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error) {
	if err := t.sendHeld(); err != nil {
		return nil, err
	}
	return t.tx.(execQuerier).ExecContext(ctx, query, args...)
}

func (t *deferredTx) QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error) {
	if t.readsOutside(ctx) {
		return t.drv.(execQuerier).QueryContext(ctx, query, args...)
	}
	if err := t.sendHeld(); err != nil {
		return nil, err
	}
	return t.tx.(execQuerier).QueryContext(ctx, query, args...)
}

// sendHeld begins the transaction, if it has not begun, and sends the held writes in their
// order: a statement that is not an INSERT may read or depend on them.
func (t *deferredTx) sendHeld() error {
	if t.ended {
		return errEnded
	}
	if t.tx == nil {
		tx, err := startTx(t.ctx, t.drv, t.opts, t.withOpts, asIs)
		if err != nil {
			return err
		}
		t.tx = tx
	}
	pending := t.held
	t.held = nil
	for _, h := range pending {
		if err := t.tx.Exec(h.ctx, h.query, h.args, nil); err != nil {
			return err
		}
	}
	return nil
}

func (t *deferredTx) Commit() error {
	switch {
	case t.ended:
		return nil
	case t.tx == nil && len(t.held) == 0:
		return nil // nothing was written
	}
	if err := t.sendHeld(); err != nil {
		_ = t.Rollback()
		return err
	}
	return t.tx.Commit()
}

func (t *deferredTx) Rollback() error {
	t.held = nil
	if t.tx == nil || t.ended {
		return nil
	}
	return t.tx.Rollback()
}

// holdable returns the arguments of an INSERT that can wait: one ent built (only $n
// parameters, no literal, so the parameters can be renumbered), returning nothing and whose
// caller wants no result.
func holdable(query string, args, v any) ([]any, bool) {
	a, ok := args.([]any)
	if !ok || v != nil || !strings.HasPrefix(query, "INSERT INTO ") ||
		strings.Contains(query, "RETURNING") || strings.Contains(query, "'") ||
		strings.Count(query, "$") != len(a) {
		return nil, false
	}
	return a, true
}

// fusedStatement is a final statement with the held writes.
type fusedStatement struct {
	query string
	args  []any
	// alone is set when the statement is the whole transaction, sent outside a transaction
	// block: it then aborts itself if the final statement changed no row.
	alone bool
}

// fused builds the one statement that carries the held writes and the final one: the held
// INSERTs in a WITH (their parameters numbered after the final statement's) that the final
// statement follows. Inside a begun transaction that is all: the statement does what the
// INSERTs and the final statement would have done one after the other. Sent alone (the
// transaction has not begun), the final statement returns a row for each it changed, and
// their count divides 1, which fails on zero: the held rows are then not written, as if the
// transaction had rolled back. Without held
// writes the final statement goes as it is. ok is false for a final statement that cannot be
// carried so (one with its own WITH or RETURNING).
func (t *deferredTx) fused(query string, args any) (fusedStatement, bool) {
	a, ok := args.([]any)
	if !ok {
		return fusedStatement{}, false
	}
	alone := t.tx == nil
	if len(t.held) == 0 {
		return fusedStatement{query: query, args: a, alone: alone}, alone
	}
	if !strings.HasPrefix(query, "UPDATE ") && !strings.HasPrefix(query, "DELETE ") || strings.Contains(query, "RETURNING") {
		return fusedStatement{}, false
	}
	all := append(make([]any, 0, len(a)+4*len(t.held)), a...)
	var b strings.Builder
	b.WriteString("WITH ")
	for i, h := range t.held {
		fmt.Fprintf(&b, "held_%d AS (%s), ", i, renumber(h.query, len(all)))
		all = append(all, h.args...)
	}
	if !alone {
		// Inside the transaction the final statement's own count is the answer.
		return fusedStatement{query: strings.TrimSuffix(b.String(), ", ") + " " + query, args: all}, true
	}
	fmt.Fprintf(&b, "final AS (%s RETURNING 1) SELECT count(*), 1 / count(*) FROM final", query)
	return fusedStatement{query: b.String(), args: all, alone: true}, true
}

// runFused sends a fused statement, outside any transaction when it is the whole
// transaction (which then ends with it). A statement sent alone whose final part changed no
// row failed on its division (and wrote nothing): that is reported as zero rows affected, as
// the final statement alone would have.
func (t *deferredTx) runFused(ctx context.Context, f fusedStatement, v any) error {
	var res stdsql.Result
	var err error
	switch {
	case !f.alone:
		t.held = nil
		err = t.tx.Exec(ctx, f.query, f.args, &res)
	case strings.HasPrefix(f.query, "WITH held_"):
		res, err = queryCount(ctx, t.drv, f)
		var pqErr *pq.Error
		if errors.As(err, &pqErr) && pqErr.Code == "22012" { // division_by_zero: no row changed
			err, res = nil, driver.RowsAffected(0)
		}
	default:
		err = t.drv.Exec(ctx, f.query, f.args, &res)
	}
	if err != nil {
		return err
	}
	if f.alone {
		t.ended, t.held = true, nil
	}
	if r, ok := v.(*stdsql.Result); ok {
		*r = res
	}
	return nil
}

// queryCount runs a fused statement sent alone on q and returns its count of changed rows.
func queryCount(ctx context.Context, q dialect.ExecQuerier, f fusedStatement) (stdsql.Result, error) {
	var rows entsql.Rows
	if err := q.Query(ctx, f.query, f.args, &rows); err != nil {
		return nil, err
	}
	defer rows.Close()
	var n, one int64
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, err
		}
		return nil, errors.New("fused statement returned no count")
	}
	if err := rows.Scan(&n, &one); err != nil {
		return nil, err
	}
	return driver.RowsAffected(n), rows.Close()
}

// renumber adds offset to every $n parameter of query.
func renumber(query string, offset int) string {
	var b strings.Builder
	b.Grow(len(query) + 8)
	for {
		i := strings.IndexByte(query, '$')
		if i < 0 {
			b.WriteString(query)
			return b.String()
		}
		j := i + 1
		for j < len(query) && query[j] >= '0' && query[j] <= '9' {
			j++
		}
		b.WriteString(query[:i+1])
		n, err := strconv.Atoi(query[i+1 : j])
		if err != nil { // a lone $: not a parameter
			query = query[i+1:]
			continue
		}
		b.WriteString(strconv.Itoa(n + offset))
		query = query[j:]
	}
}

// ForNoKeyUpdate is a query predicate that locks the rows read FOR NO KEY UPDATE: enough to
// serialise read-modify-write transactions on a row that keep its key, and, unlike FOR
// UPDATE, no obstacle to inserts that reference the row (their foreign-key check takes FOR
// KEY SHARE). A deferred transaction's final statement makes those checks while it holds
// its execution's row (fused), so a client locked FOR UPDATE by another step would keep a
// cancel waiting. PostgreSQL only.
func ForNoKeyUpdate(s *entsql.Selector) { s.For(entsql.LockNoKeyUpdate) }
