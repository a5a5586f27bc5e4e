package database

import (
	"regexp"
	"strconv"
	"time"

	"entgo.io/ent/dialect"
)

// Dialect is the one place for the SQL that differs between PostgreSQL and SQLite: claim
// statements, row locks, placeholders and the clock's precision. Callers ask it instead of
// comparing dialect names.
type Dialect string

// The dialects Flowline runs on.
const (
	Postgres Dialect = dialect.Postgres
	SQLite   Dialect = dialect.SQLite
)

// IsPostgres reports whether the database is PostgreSQL (LISTEN/NOTIFY, SKIP LOCKED).
func (d Dialect) IsPostgres() bool { return d == Postgres }

// LocksRows reports whether a read-modify-write must lock the row it reads (SELECT ... FOR
// UPDATE on PostgreSQL); SQLite runs one writer at a time and has no row locks.
func (d Dialect) LocksRows() bool { return d == Postgres }

// EnforcesForeignKeys reports whether every connection enforces foreign keys and their ON
// DELETE rules. SQLite does so only on connections that switched them on (Open's DSN does),
// so code that relies on a cascade checks the connection it uses.
func (d Dialect) EnforcesForeignKeys() bool { return d == Postgres }

// IndexedBy is the clause that makes a statement read table through index: SQLite's
// planner, without statistics, may prefer a plain index on an equality (status = ?) to a
// partial index that reads far fewer rows. PostgreSQL plans from statistics and has no such
// clause. Put it right after the table's name.
func (d Dialect) IndexedBy(index string) string {
	if d == SQLite {
		return " INDEXED BY " + index
	}
	return ""
}

// Placeholder returns the n-th (from 1) numbered parameter: $n on PostgreSQL, ?n on SQLite.
// Numbered parameters let one argument appear several times in a statement.
func (d Dialect) Placeholder(n int) string {
	if d == Postgres {
		return "$" + strconv.Itoa(n)
	}
	return "?" + strconv.Itoa(n)
}

var dollarParam = regexp.MustCompile(`\$(\d+)`)

// Rebind rewrites a statement written with PostgreSQL's $n parameters for the dialect.
func (d Dialect) Rebind(query string) string {
	if d == Postgres {
		return query
	}
	return dollarParam.ReplaceAllString(query, "?$1")
}

// Now is the time as the database stores it: UTC at microsecond precision, so a value
// written and read back compares equal.
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
