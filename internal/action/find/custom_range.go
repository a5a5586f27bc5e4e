package find

import (
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"

	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/predicate"
	"github.com/flowline/flowline/internal/customfields"
	"github.com/flowline/flowline/internal/workflow"
)

// customRange is the database's test for a range leaf on custom.<key> (gt, gte, lt, lte):
// with a number, a numeric comparison; with a date or date-time, a comparison of the stored
// ISO 8601 text with a bound rounded outwards to the second (customfields.LowerBound,
// UpperBound). nil when the leaf cannot be pushed down (another operator or value).
func customRange(key, op string, value any) predicate.Contact {
	lower := op == workflow.OpGT || op == workflow.OpGTE
	if !lower && op != workflow.OpLT && op != workflow.OpLTE {
		return nil
	}
	switch v := value.(type) {
	case float64:
		return customCompare(key, op, v, customfields.NumberExpr)
	case string:
		t, ok := workflow.ParseTime(v)
		if !ok {
			return nil
		}
		if lower {
			return customCompare(key, workflow.OpGTE, customfields.LowerBound(t), customfields.TextExpr)
		}
		return customCompare(key, workflow.OpLT, customfields.UpperBound(t), customfields.TextExpr)
	}
	return nil
}

// customCompare tests "<field's expression> op value"; on PostgreSQL the expression is
// expr's, the one the field's index is built on.
func customCompare(key, op string, value any, expr func(col, key string) (string, bool)) predicate.Contact {
	sqlOp := map[string]string{workflow.OpGT: " > ", workflow.OpGTE: " >= ", workflow.OpLT: " < ", workflow.OpLTE: " <= "}[op]
	return predicate.Contact(func(s *sql.Selector) {
		col := s.C(contact.FieldCustomFields)
		if s.Dialect() != dialect.Postgres {
			s.Where(sqlitePredicate(col, key, op, value))
			return
		}
		e, ok := expr(col, key)
		if !ok {
			return // not a key: nothing pushed, the evaluator decides
		}
		s.Where(sql.P(func(b *sql.Builder) {
			b.WriteString(e).WriteString(sqlOp).Arg(value)
		}))
	})
}

func sqlitePredicate(col, key, op string, value any) *sql.Predicate {
	path := sqljson.Path(key)
	switch op {
	case workflow.OpGT:
		return sqljson.ValueGT(col, value, path)
	case workflow.OpGTE:
		return sqljson.ValueGTE(col, value, path)
	case workflow.OpLT:
		return sqljson.ValueLT(col, value, path)
	default:
		return sqljson.ValueLTE(col, value, path)
	}
}
