package workflow

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// maxValueDepth bounds recursion over caller-supplied values, so a cyclic or absurdly deep map
// cannot exhaust the stack.
const maxValueDepth = 64

// toFloat reads any Go or JSON number as a float64. gqlgen decodes variables with UseNumber, so
// json.Number must be accepted wherever a number is.
func toFloat(v any) (float64, bool) {
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case float32:
		f = float64(x)
	case int:
		f = float64(x)
	case int8:
		f = float64(x)
	case int16:
		f = float64(x)
	case int32:
		f = float64(x)
	case int64:
		f = float64(x)
	case uint:
		f = float64(x)
	case uint8:
		f = float64(x)
	case uint16:
		f = float64(x)
	case uint32:
		f = float64(x)
	case uint64:
		f = float64(x)
	case json.Number:
		parsed, err := x.Float64()
		if err != nil {
			return 0, false
		}
		f = parsed
	default:
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// AsMap accepts the map shapes that JSON decoding and Go callers produce.
func AsMap(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case map[string]any:
		return m, true
	case Context:
		return map[string]any(m), true
	}
	return nil, false
}

// AsList accepts []any and []string, the list shapes that JSON decoding and Go callers produce.
func AsList(v any) ([]any, bool) {
	switch l := v.(type) {
	case []any:
		return l, true
	case []string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, true
	}
	return nil, false
}

// asStringList reads a list whose elements are all strings, or a single string as a one-element
// list; it is lenient on purpose and only used where validation already enforced the shape.
func asStringList(v any) []string {
	if s, ok := v.(string); ok {
		return []string{s}
	}
	l, ok := AsList(v)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(l))
	for _, e := range l {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// sortedKeys makes every walk over a map deterministic, so problems and explanations come out
// in the same order for the same input.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TypeName names a JSON-like value's type for error messages.
func TypeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case bool:
		return "bool"
	case map[string]any, Context:
		return "object"
	case []any, []string:
		return "list"
	}
	if _, ok := toFloat(v); ok {
		return "number"
	}
	return fmt.Sprintf("%T", v)
}

// FormatNumber prints a float without an exponent for everyday magnitudes, so that 42 renders as
// "42" and not "4.2e+01".
func FormatNumber(f float64) string {
	if math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// formatValue renders a normalized value as template output: scalars as text, lists joined with
// ", ", objects as JSON, null as the empty string.
func formatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return FormatNumber(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if _, isMap := e.(map[string]any); isMap {
				return describe(x)
			}
			if _, isList := e.([]any); isList {
				return describe(x)
			}
			parts[i] = formatValue(e)
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		return describe(x)
	}
	return fmt.Sprint(v)
}

// describe prints a value as JSON for explanations and messages; it never fails.
func describe(v any) string {
	b, err := json.Marshal(normalize(v))
	if err != nil {
		return fmt.Sprintf("%v", v)
	}
	return string(b)
}
