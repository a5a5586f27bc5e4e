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

// rankColumn numbers the rows of one parent's page, so the outer query can keep the page's
// order (a LATERAL join emits each parent's rows in order in practice, not by contract).
const rankColumn = "nested_page_rank"

// parentAlias names the parent table in the outer query.
const parentAlias = "nested_page_parent"

// Lateral returns a query modifier (ent runs modifiers last, after predicates) that turns
//
//	SELECT cols FROM child WHERE <filters>
//
// into
//
//	SELECT child.cols FROM parent AS p CROSS JOIN LATERAL (
//	  SELECT cols, ROW_NUMBER() OVER (ORDER BY <order>) AS rank FROM child
//	  WHERE <filters> AND child.fk = p.id ORDER BY <order> LIMIT n
//	) AS child WHERE p.id IN (<parents>) ORDER BY child.rank
//
// With an index on (fk, order key) each parent's page is an index range scan that stops
// after n rows. parents is read when the query runs: the parent ids are known only after
// the parents were loaded, while the modifier is attached when the fields are collected.
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
		inner.AppendSelectExprAs(sql.RowNumber().OrderExpr(order), rankColumn)
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
		out.Where(sql.InValues(parent.C(parentID), *parents...))
		out.OrderExpr(sql.Expr(page.C(rankColumn)))
		*s = *out
	}
}
