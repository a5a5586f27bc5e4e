package find

import (
	"encoding/json"
	"strings"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"

	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/predicate"
	"github.com/flowline/flowline/internal/workflow"
)

// customPushdown narrows a client scan by the top-level leaves on custom.<key> that the
// database can test. equals with a string, number or boolean value: on PostgreSQL JSON
// containment (custom_fields @> '{"tier":"gold"}'), which the GIN index on custom_fields
// serves. gt, gte, lt, lte with a number or a date(-time): on PostgreSQL a comparison of
// the expression the field's own index is built on (customfields.NumberExpr, TextExpr).
// On SQLite both are json_extract. The conditions are still evaluated on every row read,
// so a pushed test may let more rows through (a time bound is rounded to the second) but
// never fewer.
func customPushdown(conds map[string]any) []predicate.Contact {
	var leaves []any
	if all, ok := workflow.AsList(conds["all"]); ok {
		leaves = all
	} else {
		leaves = []any{conds}
	}
	var out []predicate.Contact
	for _, l := range leaves {
		m, ok := workflow.AsMap(l)
		if !ok {
			continue
		}
		field, _ := m["field"].(string)
		key, ok := strings.CutPrefix(strings.TrimPrefix(field, "client."), "custom.")
		if !ok || strings.Contains(key, ".") {
			continue
		}
		if op, _ := m["operator"].(string); op != workflow.OpEquals {
			if p := customRange(key, op, m["value"]); p != nil {
				out = append(out, p)
			}
			continue
		}
		switch v := m["value"].(type) {
		case string:
			// Times compare as instants in conditions ("…+01:00" equals "…Z"): not pushed.
			if _, isTime := workflow.ParseTime(v); !isTime {
				out = append(out, customEquals(key, v))
			}
		case bool, float64:
			out = append(out, customEquals(key, v))
		}
	}
	return out
}

func customEquals(key string, value any) predicate.Contact {
	return predicate.Contact(func(s *sql.Selector) {
		col := s.C(contact.FieldCustomFields)
		if s.Dialect() == dialect.Postgres {
			doc, err := json.Marshal(map[string]any{key: value})
			if err != nil {
				return
			}
			s.Where(sql.P(func(b *sql.Builder) {
				b.WriteString(col).WriteString(" @> ").Arg(string(doc)).WriteString("::jsonb")
			}))
			return
		}
		s.Where(sqljson.ValueEQ(col, value, sqljson.Path(key)))
	})
}
