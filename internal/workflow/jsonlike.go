package workflow

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"time"
)

// normalize returns a JSON-like deep copy of v: maps become map[string]any, lists []any, numbers
// float64, times RFC 3339 strings and Stringers (UUIDs) their string form. Evaluation and
// rendering then only deal with the shapes a JSON document has, whatever the engine passed in.
func normalize(v any) any { return normalizeDepth(v, 0) }

func normalizeDepth(v any, depth int) any {
	if depth > maxValueDepth {
		return nil
	}
	switch x := v.(type) {
	case nil:
		return nil
	case string, bool:
		return x
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return x
	case json.Number:
		if f, ok := toFloat(x); ok {
			return f
		}
		return string(x)
	case time.Time:
		if x.IsZero() {
			return nil
		}
		return x.UTC().Format(time.RFC3339Nano)
	case *time.Time:
		if x == nil {
			return nil
		}
		return normalizeDepth(*x, depth)
	case map[string]any:
		if x == nil {
			return nil
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalizeDepth(e, depth+1)
		}
		return out
	case Context:
		return normalizeDepth(map[string]any(x), depth)
	case map[string]string:
		if x == nil {
			return nil
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = e
		}
		return out
	case []any:
		if x == nil {
			return nil
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalizeDepth(e, depth+1)
		}
		return out
	case []string:
		if x == nil {
			return nil
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = e
		}
		return out
	}
	if f, ok := toFloat(v); ok {
		return f
	}
	return normalizeReflect(v, depth)
}

// normalizeReflect handles the long tail: pointers, named string types, Stringers such as
// uuid.UUID, typed slices and maps, and structs (through their JSON form).
func normalizeReflect(v any, depth int) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return nil
		}
		if _, ok := v.(fmt.Stringer); !ok {
			return normalizeDepth(rv.Elem().Interface(), depth+1)
		}
	}
	if s, ok := v.(fmt.Stringer); ok {
		return s.String()
	}
	switch rv.Kind() {
	case reflect.String:
		return rv.String()
	case reflect.Bool:
		return rv.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(rv.Uint())
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil
		}
		return f
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return nil
		}
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = normalizeDepth(rv.Index(i).Interface(), depth+1)
		}
		return out
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return fmt.Sprint(v)
		}
		if rv.IsNil() {
			return nil
		}
		out := make(map[string]any, rv.Len())
		iter := rv.MapRange()
		for iter.Next() {
			out[iter.Key().String()] = normalizeDepth(iter.Value().Interface(), depth+1)
		}
		return out
	case reflect.Struct:
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Sprint(v)
		}
		var out any
		if err := json.Unmarshal(b, &out); err != nil {
			return fmt.Sprint(v)
		}
		return out
	default:
		return fmt.Sprint(v)
	}
}

// DeepCopy copies maps and lists so a caller's definition is never aliased, and leaves every
// other value (including json.Number) exactly as given: stored JSON stays what the user wrote.
func DeepCopy(v any) any { return deepCopyDepth(v, 0) }

func deepCopyDepth(v any, depth int) any {
	if depth > maxValueDepth {
		return v
	}
	switch x := v.(type) {
	case map[string]any:
		if x == nil {
			return x
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopyDepth(e, depth+1)
		}
		return out
	case []any:
		if x == nil {
			return x
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopyDepth(e, depth+1)
		}
		return out
	case []string:
		return append([]string(nil), x...)
	case map[string]string:
		if x == nil {
			return x
		}
		out := make(map[string]string, len(x))
		for k, e := range x {
			out[k] = e
		}
		return out
	}
	return v
}

func copyMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	return DeepCopy(m).(map[string]any)
}
