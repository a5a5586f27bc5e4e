package workflow

import (
	"slices"
	"strings"
	"time"
)

// Condition operators.
const (
	OpEquals      = "equals"
	OpNotEquals   = "not_equals"
	OpContains    = "contains"
	OpNotContains = "not_contains"
	OpIn          = "in"
	OpNotIn       = "not_in"
	OpGT          = "gt"
	OpGTE         = "gte"
	OpLT          = "lt"
	OpLTE         = "lte"
	OpExists      = "exists"
	OpNotExists   = "not_exists"
	OpStartsWith  = "starts_with"
	OpEndsWith    = "ends_with"
	OpChanged     = "changed"
	OpChangedTo   = "changed_to"
)

// Operators lists every condition operator.
var Operators = []string{
	OpEquals, OpNotEquals, OpContains, OpNotContains, OpIn, OpNotIn, OpGT, OpGTE, OpLT, OpLTE,
	OpExists, OpNotExists, OpStartsWith, OpEndsWith, OpChanged, OpChangedTo,
}

// maxInValues bounds the list given to in/not_in.
const maxInValues = 100

// operatorTypes says which field types each operator applies to. Comparisons need an order
// (numbers, times), substring tests need text, and lists only support membership tests.
var operatorTypes = map[string][]FieldType{
	OpEquals:      {FieldString, FieldNumber, FieldBool, FieldTime, FieldEnum, FieldAny},
	OpNotEquals:   {FieldString, FieldNumber, FieldBool, FieldTime, FieldEnum, FieldAny},
	OpContains:    {FieldString, FieldStringList, FieldAny},
	OpNotContains: {FieldString, FieldStringList, FieldAny},
	OpIn:          {FieldString, FieldNumber, FieldEnum, FieldStringList, FieldAny},
	OpNotIn:       {FieldString, FieldNumber, FieldEnum, FieldStringList, FieldAny},
	OpGT:          {FieldNumber, FieldTime, FieldAny},
	OpGTE:         {FieldNumber, FieldTime, FieldAny},
	OpLT:          {FieldNumber, FieldTime, FieldAny},
	OpLTE:         {FieldNumber, FieldTime, FieldAny},
	OpExists:      {FieldString, FieldNumber, FieldBool, FieldTime, FieldStringList, FieldEnum, FieldAny, FieldList},
	OpNotExists:   {FieldString, FieldNumber, FieldBool, FieldTime, FieldStringList, FieldEnum, FieldAny, FieldList},
	OpStartsWith:  {FieldString, FieldAny},
	OpEndsWith:    {FieldString, FieldAny},
	OpChanged:     {FieldString, FieldNumber, FieldBool, FieldTime, FieldStringList, FieldEnum},
	OpChangedTo:   {FieldString, FieldNumber, FieldBool, FieldTime, FieldEnum},
}

// operatorValue says what an operator's value must be, independent of the field.
type operatorValue int

const (
	valueOne  operatorValue = iota // one value of the field's type
	valueList                      // a non-empty list of values
	valueNone                      // no value
)

func operatorValueKind(op string) operatorValue {
	switch op {
	case OpIn, OpNotIn:
		return valueList
	case OpExists, OpNotExists, OpChanged:
		return valueNone
	}
	return valueOne
}

func knownOperator(op string) bool {
	_, ok := operatorTypes[op]
	return ok
}

func operatorApplies(op string, ft FieldType) bool {
	return slices.Contains(operatorTypes[op], ft)
}

// ParseTime accepts RFC 3339 with or without fractional seconds, and a date alone
// (YYYY-MM-DD, a DATE custom field) as its midnight UTC.
func ParseTime(v any) (time.Time, bool) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// equalValues compares normalized values: numbers numerically, RFC 3339 strings as instants
// (so "…Z" equals the same instant with an offset), lists element-wise, everything else exactly.
func equalValues(a, b any) bool {
	if fa, ok := toFloat(a); ok {
		fb, ok := toFloat(b)
		return ok && fa == fb
	}
	switch x := a.(type) {
	case nil:
		return b == nil
	case string:
		y, ok := b.(string)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		ta, okA := ParseTime(x)
		tb, okB := ParseTime(y)
		return okA && okB && ta.Equal(tb)
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	}
	if la, ok := AsList(a); ok {
		lb, ok := AsList(b)
		if !ok || len(la) != len(lb) {
			return false
		}
		for i := range la {
			if !equalValues(la[i], lb[i]) {
				return false
			}
		}
		return true
	}
	if ma, ok := AsMap(a); ok {
		mb, ok := AsMap(b)
		if !ok || len(ma) != len(mb) {
			return false
		}
		for k, va := range ma {
			vb, found := mb[k]
			if !found || !equalValues(va, vb) {
				return false
			}
		}
		return true
	}
	return false
}

// compareValues orders two numbers or two RFC 3339 times; ok is false when they are not
// comparable (strings are deliberately not ordered: "10" < "9" surprises users).
func compareValues(a, b any) (int, bool) {
	if fa, ok := toFloat(a); ok {
		fb, ok := toFloat(b)
		if !ok {
			return 0, false
		}
		switch {
		case fa < fb:
			return -1, true
		case fa > fb:
			return 1, true
		}
		return 0, true
	}
	ta, okA := ParseTime(a)
	tb, okB := ParseTime(b)
	if !okA || !okB {
		return 0, false
	}
	return ta.Compare(tb), true
}

// present reports whether a value counts as existing: not null, not an empty string, not an
// empty list. "phone exists" then means "the client has a phone number".
func present(v any, found bool) bool {
	if !found || v == nil {
		return false
	}
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s) != ""
	}
	if l, ok := AsList(v); ok {
		return len(l) > 0
	}
	return true
}

// containsValue is substring for strings and membership for lists.
func containsValue(actual, expected any) (bool, bool) {
	if s, ok := actual.(string); ok {
		e, ok := expected.(string)
		if !ok {
			return false, false
		}
		return strings.Contains(s, e), true
	}
	if l, ok := AsList(actual); ok {
		for _, x := range l {
			if equalValues(x, expected) {
				return true, true
			}
		}
		return false, true
	}
	return false, false
}

// inValues is membership of a scalar in the list, or, for a list field, a non-empty
// intersection ("tags in [vip, gold]" means the client has at least one of them).
func inValues(actual any, list []any) bool {
	if l, ok := AsList(actual); ok {
		for _, x := range l {
			if inValues(x, list) {
				return true
			}
		}
		return false
	}
	for _, e := range list {
		if equalValues(actual, e) {
			return true
		}
	}
	return false
}
