package stats

import (
	"fmt"
	"strings"

	"github.com/flowline/flowline/internal/database"
)

// sqlDialect holds the expressions that PostgreSQL and SQLite spell differently. Every
// statement is written once, with PostgreSQL's $n parameters, around these.
type sqlDialect interface {
	// duration is end - start in milliseconds.
	duration(start, end string) string
	// bucket is the start of col's UTC bucket as RFC 3339 text (2026-11-30T00:00:00Z).
	bucket(b Bucket, col string) string
	// percentiles turns the rows of the CTE d (group columns and a value v) into a source
	// to aggregate from: the extra CTEs to append and the relation to select from.
	percentiles(groups string) (ctes, from string)
	// percentile is the aggregate expression of the p-th percentile of v in that source.
	percentile(p float64) string
	// logsOf joins the log rows of execution alias ex that satisfy cond, as alias l with
	// (at least) the columns cols.
	logsOf(ex, l, cols, cond string) string
	rebind(query string) string
}

func newDialect(d database.Dialect) sqlDialect {
	if d.IsPostgres() {
		return postgres{}
	}
	return sqlite{}
}

type postgres struct{}

func (postgres) duration(start, end string) string {
	return fmt.Sprintf("CAST(EXTRACT(EPOCH FROM (%s - %s)) * 1000 AS DOUBLE PRECISION)", end, start)
}

func (postgres) bucket(b Bucket, col string) string {
	unit := map[Bucket]string{Hour: "hour", Day: "day", Week: "week"}[b] // date_trunc's week is ISO: Monday
	return fmt.Sprintf(`to_char(date_trunc('%s', %s AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`, unit, col)
}

func (postgres) percentiles(string) (string, string) { return "", "d" }

func (postgres) percentile(p float64) string {
	return fmt.Sprintf("percentile_cont(%g) WITHIN GROUP (ORDER BY v)", p)
}

func (postgres) rebind(query string) string { return database.Postgres.Rebind(query) }

// logsOf reads each execution's logs through the (execution_id, step_index) index, one lookup
// per execution of the window (OFFSET 0 keeps the subquery from being flattened into a join).
// Left to choose, PostgreSQL prefers, at a million executions, to hash every log row of the
// window's time range, which costs tens of times more for one workflow's window: the work
// must grow with the workflow's executions, not with everyone's.
func (postgres) logsOf(ex, l, cols, cond string) string {
	return fmt.Sprintf("CROSS JOIN LATERAL (SELECT %[3]s FROM workflow_execution_logs %[2]s WHERE %[2]s.execution_id = %[1]s.id AND %[4]s OFFSET 0) %[2]s", ex, l, cols, cond)
}

type sqlite struct{}

// sqliteTime makes a stored time readable by SQLite's date functions. The driver writes
// times as Go prints them ("2026-12-02 19:04:42.5 +0000 UTC"); SQLite reads the same
// instant as "2026-12-02 19:04:42.5+00:00".
func sqliteTime(col string) string {
	sp := fmt.Sprintf("instr(substr(%s, 20), ' ')", col)
	return fmt.Sprintf("(substr(%[1]s, 1, 18 + %[2]s) || substr(%[1]s, 20 + %[2]s, 3) || ':' || substr(%[1]s, 23 + %[2]s, 2))", col, sp)
}

// duration is whole milliseconds: SQLite's date functions keep milliseconds, and rounding
// drops the floating-point noise of julianday.
func (sqlite) duration(start, end string) string {
	return fmt.Sprintf("ROUND((julianday(%s) - julianday(%s)) * 86400000.0)", sqliteTime(end), sqliteTime(start))
}

func (sqlite) bucket(b Bucket, col string) string {
	t := sqliteTime(col)
	switch b {
	case Hour:
		return fmt.Sprintf("strftime('%%Y-%%m-%%dT%%H:00:00Z', %s)", t)
	case Week:
		// Back to Monday: %w is 0 on Sunday.
		return fmt.Sprintf("strftime('%%Y-%%m-%%dT00:00:00Z', %[1]s, '-' || ((CAST(strftime('%%w', %[1]s) AS INTEGER) + 6) %% 7) || ' days')", t)
	case Day:
		return fmt.Sprintf("strftime('%%Y-%%m-%%dT00:00:00Z', %s)", t)
	default:
		return fmt.Sprintf("strftime('%%Y-%%m-%%dT00:00:00Z', %s)", t)
	}
}

// percentiles numbers the values of each group in order (i from 0, n values), so that
// percentile can interpolate between the two ranks around p*(n-1), as percentile_cont does.
func (sqlite) percentiles(groups string) (string, string) {
	return fmt.Sprintf(", r AS (SELECT d.*, ROW_NUMBER() OVER (PARTITION BY %[1]s ORDER BY v) - 1 AS i, COUNT(*) OVER (PARTITION BY %[1]s) AS n FROM d)", groups), "r"
}

func (sqlite) percentile(p float64) string {
	pos := fmt.Sprintf("(%g * (n - 1))", p)
	lo := fmt.Sprintf("CAST(%s AS INTEGER)", pos)
	at := func(rank string) string { return fmt.Sprintf("MAX(CASE WHEN i = %s THEN v END)", rank) }
	return fmt.Sprintf("(%s + (%s - %s) * COALESCE(%s - %s, 0))", at(lo), pos, lo, at(lo+" + 1"), at(lo))
}

func (sqlite) rebind(query string) string { return database.SQLite.Rebind(query) }

// logsOf is a plain join: SQLite's planner looks the logs up per execution by its index.
func (sqlite) logsOf(ex, l, _, cond string) string {
	return fmt.Sprintf("JOIN workflow_execution_logs %[2]s ON %[2]s.execution_id = %[1]s.id AND %[3]s", ex, l, cond)
}

// placeholders numbers parameters as they are added to a statement.
type placeholders struct{ args []any }

func (p *placeholders) add(v any) string {
	p.args = append(p.args, v)
	return fmt.Sprintf("$%d", len(p.args))
}

func and(conds ...string) string { return strings.Join(conds, " AND ") }
