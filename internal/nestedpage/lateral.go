// Package nestedpage reads the pages of nested connections (a workflow's executions, an
// execution's logs) on PostgreSQL: the first N children of each parent through a LATERAL
// join, so a page costs about N index rows per parent however long the parent's history is.
// entgql's default, a ROW_NUMBER() window partitioned by parent, reads every child of every
// parent before it keeps N. ent's generated collection code (ent/entc.go rewrites entgql's
// template) uses this on PostgreSQL; SQLite, which has no LATERAL, keeps the window.
package nestedpage

import (
	"database/sql/driver"

	"entgo.io/ent/dialect/sql"
)

// parentAlias names the parent table in the outer query.
const parentAlias = "nested_page_parent"

// Lateral returns a query modifier (ent runs modifiers last, after predicates) that turns
//
//	SELECT cols FROM child WHERE <filters>
//
// into
//
//	SELECT child.cols FROM parent AS p CROSS JOIN LATERAL (
//	  SELECT cols FROM child
//	  WHERE <filters> AND child.fk = p.id ORDER BY <order> LIMIT n
//	) AS child WHERE p.id = ANY($1)
//
// With an index on (fk, order key) each parent's page is an index range scan that stops
// after n rows. The rows of one parent come out in the page's order without an outer ORDER
// BY: a subquery with a LIMIT that refers to the outer row is always the inner side of a
// nested loop (it can be neither flattened nor hashed), which emits all the rows of one
// inner run, in the order the run produced them, before the next outer row; a parallel
// plan splits the outer rows between workers, never one inner run. Rows of different
// parents may interleave, which the caller's distribution by parent does not mind.
// (Sorting the whole result by a per-parent rank instead cost about a third of the query
// on the dashboard's 2,000 log rows: BENCHMARKS.md.)
//
// parents is read when the query runs: the parent ids are known only after the parents
// were loaded, while the modifier is attached when the fields are collected. They are sent
// as one array parameter (parentIDs): the statement's text is the same for any number of
// parents (one prepared statement, not one per length of an IN list), and the server
// converts and sends one parameter instead of hundreds.
func Lateral(parentTable, parentID, fk string, limit int, parents *[]driver.Value, order sql.Querier) func(*sql.Selector) {
	return func(s *sql.Selector) {
		d := sql.Dialect(s.Dialect())
		table := s.TableName()
		columns := s.UnqualifiedColumns()
		parent := d.Table(parentTable).As(parentAlias)

		// The inner query is s itself (s is replaced below): Selector.Clone shares the
		// predicates' closures, which write their operators into the original predicates, so
		// a clone of a single-predicate WHERE renders "col$1" without its operator.
		inner := new(sql.Selector)
		*inner = *s
		inner.SetDistinct(false)
		inner.Where(sql.ColumnsEQ(inner.C(fk), parent.C(parentID)))
		inner.OrderExpr(order)
		inner.Limit(limit)

		page := d.Table(table)
		selected := make([]string, len(columns))
		for i, c := range columns {
			selected[i] = page.C(c)
		}
		out := d.Select(selected...).FromExpr(sql.ExprFunc(func(b *sql.Builder) {
			b.Ident(parentTable).WriteString(" AS ").Ident(parentAlias)
			b.WriteString(" CROSS JOIN LATERAL ")
			b.Wrap(func(b *sql.Builder) { b.Join(inner) })
			b.WriteString(" AS ").Ident(table)
		}))
		out.Where(sql.P(func(b *sql.Builder) {
			b.WriteString(parent.C(parentID)).WriteString(" = ANY(").Arg(parentIDs(*parents)).WriteString(")")
		}))
		*s = *out
	}
}
