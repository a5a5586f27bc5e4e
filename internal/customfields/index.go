package customfields

import (
	"context"
	"fmt"
	"time"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/schema"
)

// Range filters on one custom field (FIND_CLIENTS' gt, gte, lt, lte) are served on
// PostgreSQL by an expression index per NUMBER, DATE or DATETIME field, created with the
// field and dropped with it. The filter must write the very expression the index was built
// on, or the planner does not use it: both come from NumberExpr and TextExpr.

// IndexName is the name of the expression index of the field key.
func IndexName(key string) string { return schema.CustomFieldIndexPrefix + key }

// NumberExpr is the PostgreSQL expression a NUMBER field is indexed and compared by: the
// value as numeric, NULL when the stored value is not a number (a value left by a deleted
// field of another type must not make the cast, and so the index build, fail). col is the
// custom_fields column, qualified as the query needs it. ok is false for a key that does
// not have the shape of one: the key is written into the SQL.
func NumberExpr(col, key string) (expr string, ok bool) {
	if !schema.CustomFieldKeyPattern.MatchString(key) {
		return "", false
	}
	return fmt.Sprintf(`(CASE WHEN jsonb_typeof(%s -> '%s') = 'number' THEN (%s ->> '%s')::numeric END)`, col, key, col, key), true
}

// TextExpr is the PostgreSQL expression a DATE or DATETIME field is indexed and compared by:
// the stored text in the "C" collation, so that ISO 8601 text (dates as YYYY-MM-DD,
// date-times in UTC) sorts in time order whatever the database's locale.
func TextExpr(col, key string) (expr string, ok bool) {
	if !schema.CustomFieldKeyPattern.MatchString(key) {
		return "", false
	}
	return fmt.Sprintf(`((%s ->> '%s') COLLATE "C")`, col, key), true
}

// indexExpr is the expression the index of a field of type t is built on; "" for the types
// that have none (TEXT, BOOLEAN and SELECT are compared for equality only, which the GIN
// index on custom_fields serves).
func indexExpr(t Type, key string) string {
	var expr string
	switch t {
	case Number:
		expr, _ = NumberExpr(contact.FieldCustomFields, key)
	case Date, DateTime:
		expr, _ = TextExpr(contact.FieldCustomFields, key)
	case Text, Boolean, Select:
	}
	return expr
}

// CreateIndex adds, on PostgreSQL, the expression index of a NUMBER, DATE or DATETIME field,
// in db's transaction (the field's row and its index commit together). Building it locks
// client writes out for the time it takes on a large table. SQLite needs nothing.
func CreateIndex(ctx context.Context, db *ent.Client, postgres bool, t Type, key string) error {
	expr := indexExpr(t, key)
	if !postgres || expr == "" {
		return nil
	}
	stmt := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (%s)`, IndexName(key), contact.Table, expr)
	if _, err := db.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("create the index of client field %s: %w", key, err)
	}
	return nil
}

// DropIndex removes the expression index of a field, if it has one.
func DropIndex(ctx context.Context, db *ent.Client, postgres bool, key string) error {
	if !postgres || !schema.CustomFieldKeyPattern.MatchString(key) {
		return nil
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf(`DROP INDEX IF EXISTS %q`, IndexName(key))); err != nil {
		return fmt.Errorf("drop the index of client field %s: %w", key, err)
	}
	return nil
}

// LowerBound is the text that every stored DATE or DATETIME value at or after t is at least
// (values are YYYY-MM-DD, or RFC 3339 in UTC, so text order is time order to the second):
// the day when t is midnight UTC (a DATE value of that day is its text), else the second.
// The bound may let through values of the same second, which the exact test then refuses.
func LowerBound(t time.Time) string {
	t = t.UTC()
	if t.Equal(t.Truncate(24 * time.Hour)) {
		return t.Format(time.DateOnly)
	}
	return t.Truncate(time.Second).Format("2006-01-02T15:04:05")
}

// UpperBound is the text that every stored DATE or DATETIME value at or before t is below:
// the next second after t's.
func UpperBound(t time.Time) string {
	return t.UTC().Truncate(time.Second).Add(time.Second).Format("2006-01-02T15:04:05")
}
