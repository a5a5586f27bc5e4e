package database_test

import (
	"context"
	stdsql "database/sql"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/testsupport"
)

// stmtCacheSetup opens a PostgreSQL pool of one connection on a fresh schema with a
// statement cache of size, and a table t(n int).
func stmtCacheSetup(t *testing.T, size int) (*database.DB, dialect.Driver) {
	t.Helper()
	schema := testsupport.OpenUnmigrated(t, "postgres")
	db, err := database.Open(context.Background(), schema.URL, database.Options{StatementCache: size})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	// One connection, so pg_prepared_statements (per session) sees every preparation.
	db.SQL.SetMaxOpenConns(1)
	drv := db.Driver()
	exec(t, drv, "CREATE TABLE t (n int)")
	return db, drv
}

func exec(t *testing.T, drv dialect.ExecQuerier, query string, args ...any) {
	t.Helper()
	if err := drv.Exec(context.Background(), query, args, nil); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func count(t *testing.T, drv dialect.ExecQuerier, query string, args ...any) int {
	t.Helper()
	var rows entsql.Rows
	if err := drv.Query(context.Background(), query, args, &rows); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	n := -1
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}

// prepared counts the session's prepared statements. It asks through the pool itself, not
// the cache (which prepares reads too), so that it neither counts nor evicts a statement.
func prepared(t *testing.T, db *database.DB) int {
	t.Helper()
	var n int
	if err := db.SQL.QueryRowContext(context.Background(), "SELECT count(*)::int FROM pg_prepared_statements").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestStatementCacheReusesPreparedStatements: a parameterised statement is prepared once
// per connection and reused, in and out of transactions; the least recently used one is
// closed when the cache is full; an invalid statement is reported and not kept.
func TestStatementCacheReusesPreparedStatements(t *testing.T) {
	testsupport.RequirePostgres(t)
	t.Parallel()
	ctx := context.Background()
	db, drv := stmtCacheSetup(t, 2)

	for i := range 10 {
		exec(t, drv, "INSERT INTO t (n) VALUES ($1)", i)
	}
	if got := prepared(t, db); got != 1 {
		t.Fatalf("after 10 inserts of one text: %d prepared statements, want 1", got)
	}
	if got := count(t, drv, "SELECT count(*)::int FROM t WHERE n >= $1", 5); got != 5 {
		t.Fatalf("count: %d, want 5", got)
	}

	// In a transaction the connection's preparation is reused, and a rollback still rolls
	// back.
	tx, err := drv.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	exec(t, tx, "INSERT INTO t (n) VALUES ($1)", 100)
	if got := count(t, tx, "SELECT count(*)::int FROM t WHERE n >= $1", 5); got != 6 {
		t.Fatalf("count in the transaction: %d, want 6", got)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if got := count(t, drv, "SELECT count(*)::int FROM t WHERE n >= $1", 5); got != 5 {
		t.Fatalf("count after the rollback: %d, want 5", got)
	}
	if got := prepared(t, db); got != 2 {
		t.Fatalf("after two texts in and out of a transaction: %d prepared statements, want 2", got)
	}

	// A third text pushes out the least recently used (the insert).
	if got := count(t, drv, "SELECT count(*)::int FROM t WHERE n < $1", 3); got != 3 {
		t.Fatalf("count below 3: %d, want 3", got)
	}
	exec(t, drv, "SELECT 1") // lets the pool close the evicted statement on the connection
	if got := prepared(t, db); got != 2 {
		t.Fatalf("with a cache of 2 after 3 texts: %d prepared statements, want 2", got)
	}

	// An invalid statement fails with PostgreSQL's error and leaves nothing behind.
	if err := drv.Exec(ctx, "INSERT INTO missing (n) VALUES ($1)", []any{1}, nil); err == nil {
		t.Fatal("insert into a missing table: no error")
	}
	if got := prepared(t, db); got != 2 {
		t.Fatalf("after an invalid statement: %d prepared statements, want 2", got)
	}

	// A column added under a cached statement does not break it.
	exec(t, drv, "ALTER TABLE t ADD COLUMN m int")
	if got := count(t, drv, "SELECT count(*)::int FROM t WHERE n >= $1", 5); got != 5 {
		t.Fatalf("count after ALTER TABLE: %d, want 5", got)
	}
}

// TestStatementCachePreparesReadsWithoutParameters: a read without parameters is prepared
// once and then runs on PostgreSQL's generic plan, as the parameterised ones do; a statement
// without parameters that is not a read (DDL here) keeps the simple protocol.
func TestStatementCachePreparesReadsWithoutParameters(t *testing.T) {
	testsupport.RequirePostgres(t)
	t.Parallel()
	db, drv := stmtCacheSetup(t, 8)
	exec(t, drv, "INSERT INTO t (n) SELECT generate_series(1, 10)")
	const page = "SELECT n FROM t ORDER BY n LIMIT 3"
	for range 8 {
		if got := count(t, drv, page); got != 3 {
			t.Fatalf("%s: last row %d, want 3", page, got)
		}
	}
	// Through the pool itself (its one connection, this session), not the cache.
	var generic, custom int
	if err := db.SQL.QueryRowContext(context.Background(), `SELECT generic_plans::int, custom_plans::int
		FROM pg_prepared_statements WHERE statement = $1`, page).Scan(&generic, &custom); err != nil {
		t.Fatalf("%s is not prepared: %v", page, err)
	}
	if generic+custom != 8 || custom > 1 {
		t.Fatalf("%s: %d generic and %d custom plans in 8 runs, want one plan kept", page, generic, custom)
	}
	exec(t, drv, "CREATE INDEX t_n ON t (n)")
	if got := prepared(t, db); got != 1 {
		t.Fatalf("after a read and DDL without parameters: %d prepared statements, want 1 (the read)", got)
	}
}

// TestStatementCacheOff: a negative size prepares nothing (for poolers that cannot keep
// prepared statements).
func TestStatementCacheOff(t *testing.T) {
	testsupport.RequirePostgres(t)
	t.Parallel()
	db, drv := stmtCacheSetup(t, -1)
	for i := range 3 {
		exec(t, drv, "INSERT INTO t (n) VALUES ($1)", i)
	}
	if got := prepared(t, db); got != 0 {
		t.Fatalf("with the cache off: %d prepared statements, want 0", got)
	}
}

// TestPoolRowsReadColumnTypesOnce: ent asks for the column types on every row for each
// column it does not know (the engine's claim joins six); the pool's rows read them once.
func TestPoolRowsReadColumnTypesOnce(t *testing.T) {
	t.Parallel()
	_, drv := stmtCacheSetup(t, database.DefaultStatementCache)
	exec(t, drv, "INSERT INTO t (n) VALUES (1), (2)")
	var rows entsql.Rows
	if err := drv.Query(context.Background(), "SELECT n, n::text AS joined FROM t WHERE n > $1 ORDER BY n", []any{0}, &rows); err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var seen [][]string
	var first *stdsql.ColumnType
	for rows.Next() {
		types, err := rows.ColumnTypes()
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = types[1]
		} else if types[1] != first {
			t.Fatal("the column types were read again for the second row")
		}
		var n int
		var joined string
		if err := rows.Scan(&n, &joined); err != nil {
			t.Fatal(err)
		}
		seen = append(seen, []string{types[1].Name(), joined})
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 2 || seen[0][0] != "joined" || seen[1][1] != "2" {
		t.Fatalf("rows read: %v", seen)
	}
}

// TestTransactionDoesNotWaitForThePoolToPrepare: a transaction holds a connection of the
// pool, so preparing a new statement on another one could wait for ever once every
// connection is held by such a transaction (here the pool has one). It runs the statement
// unprepared instead, and the next use outside a transaction prepares it.
func TestTransactionDoesNotWaitForThePoolToPrepare(t *testing.T) {
	t.Parallel()
	db, drv := stmtCacheSetup(t, database.DefaultStatementCache)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tx, err := db.Driver().Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	exec(t, tx, "INSERT INTO t (n) VALUES ($1)", 7)
	if n := count(t, tx, "SELECT count(*)::int FROM t WHERE n = $1", 7); n != 1 {
		t.Errorf("the transaction counted %d rows; want 1", n)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := count(t, drv, "SELECT count(*)::int FROM t WHERE n = $1", 7); n != 1 {
		t.Errorf("%d rows after the commit; want 1", n)
	}
	if n := prepared(t, db); n != 1 {
		t.Errorf("%d statements prepared after the pool's first use; want 1", n)
	}
}
