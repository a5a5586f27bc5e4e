// Package rowscan lets ent's generated queries scan every row of a result into the same
// targets. ent asks for a fresh set of targets (a slice and one new(T) per column) for each
// row, although it copies each value out of them before it reads the next row: a page of
// 2,000 logs cost 10,000 allocations for targets alone. ent's generated sqlAll (the query
// template, rewritten in ent/entc.go) scans through Reuse.
package rowscan

import (
	"entgo.io/ent/dialect/sql"
	"github.com/google/uuid"
)

// Targets hands out the targets scan made for a query's first row again for its later rows,
// each reset to the zero value a fresh target has. It falls back to scan for every row when
// a target is of a type it cannot reset, or one that ent keeps after the row
// (sql.UnknownType values are kept as the node's selected values).
type Targets struct {
	scan func(columns []string) ([]any, error)
	// values are scan's targets, as the node's assignValues expects them; scanned is what
	// the rows are scanned into: values with each *uuid.UUID behind a uuidTarget.
	values, scanned []any
	reusing         bool
}

// Reuse returns the Targets of one query, made by scan.
func Reuse(scan func(columns []string) ([]any, error)) *Targets {
	return &Targets{scan: scan}
}

// Next returns the targets of the next row (sqlgraph.QuerySpec.ScanValues).
func (t *Targets) Next(columns []string) ([]any, error) {
	if !t.reusing || len(columns) != len(t.values) {
		v, err := t.scan(columns)
		if err != nil {
			return nil, err
		}
		if t.values, t.reusing = v, resettable(v); !t.reusing {
			return v, nil
		}
		t.scanned = make([]any, len(v))
	}
	for i, v := range t.values {
		reset(v)
		if u, ok := v.(*uuid.UUID); ok {
			t.scanned[i] = uuidTarget{u}
		} else {
			t.scanned[i] = v
		}
	}
	return t.scanned, nil
}

// Values returns the scanned targets as the node's assignValues expects them (a *uuid.UUID
// for a uuid column). It rewrites scanned in place: Next fills it again for the next row.
func (t *Targets) Values(scanned []any) []any {
	for i, v := range scanned {
		if u, ok := v.(uuidTarget); ok {
			scanned[i] = u.UUID
		}
	}
	return scanned
}

// uuidTarget scans a uuid without the copy uuid.UUID.Scan makes of a textual uuid
// (lib/pq hands over every uuid as its 36 characters): it parses the bytes in place.
type uuidTarget struct{ *uuid.UUID }

func (t uuidTarget) Scan(src any) error {
	if b, ok := src.([]byte); ok && len(b) == 36 {
		if u, err := uuid.ParseBytes(b); err == nil {
			*t.UUID = u
			return nil
		}
	}
	// Anything else, and a malformed uuid with uuid.UUID's own error.
	return t.UUID.Scan(src)
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

// reset zeroes a target: a scanner that receives NULL may leave its target as it was
// (uuid.UUID does), and the next row must read as it would from a fresh target.
func reset(v any) {
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
