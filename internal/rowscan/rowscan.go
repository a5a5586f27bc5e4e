// Package rowscan lets ent's generated queries scan every row of a result into the same
// targets. ent asks for a fresh set of targets (a slice and one new(T) per column) for each
// row, although it copies each value out of them before it reads the next row: a page of
// 2,000 logs cost 10,000 allocations for targets alone. ent's generated sqlAll (the query
// template, rewritten in ent/entc.go) wraps its scanValues in Reuse.
package rowscan

import (
	"entgo.io/ent/dialect/sql"
	"github.com/google/uuid"
)

// Reuse returns a scanValues that hands out the targets scan made for the first row again
// for later rows, each reset to the zero value a fresh target has. It falls back to scan for
// every row when a target is of a type it cannot reset, or one that ent keeps after the row
// (sql.UnknownType values are kept as the node's selected values).
func Reuse(scan func(columns []string) ([]any, error)) func(columns []string) ([]any, error) {
	var (
		values  []any
		reusing bool
	)
	return func(columns []string) ([]any, error) {
		if reusing && len(columns) == len(values) {
			reset(values)
			return values, nil
		}
		v, err := scan(columns)
		if err != nil {
			return nil, err
		}
		values, reusing = v, resettable(v)
		return v, nil
	}
}

// resettable reports whether reset can return every target to its zero value.
func resettable(values []any) bool {
	for _, v := range values {
		switch v := v.(type) {
		case *uuid.UUID, *sql.NullString, *sql.NullInt64, *sql.NullTime, *sql.NullBool, *sql.NullFloat64, *[]byte:
		case *sql.NullScanner:
			if _, ok := v.S.(*uuid.UUID); !ok {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// reset zeroes the targets: a scanner that receives NULL may leave its target as it was
// (uuid.UUID does), and the next row must read as it would from a fresh target.
func reset(values []any) {
	for _, v := range values {
		switch v := v.(type) {
		case *uuid.UUID:
			*v = uuid.Nil
		case *sql.NullString:
			*v = sql.NullString{}
		case *sql.NullInt64:
			*v = sql.NullInt64{}
		case *sql.NullTime:
			*v = sql.NullTime{}
		case *sql.NullBool:
			*v = sql.NullBool{}
		case *sql.NullFloat64:
			*v = sql.NullFloat64{}
		case *[]byte:
			*v = nil
		case *sql.NullScanner:
			v.Valid = false
			*v.S.(*uuid.UUID) = uuid.Nil
		}
	}
}
