package customfields

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxTextLength is the longest TEXT value, in characters.
const MaxTextLength = 10000

// ValueError names the key of a refused value and why.
type ValueError struct {
	Key string
	Msg string
}

func (e *ValueError) Error() string { return e.Key + ": " + e.Msg }

// Merge applies changes (null removes a key) to current after checking every changed value
// against the catalog, and returns the new values; current is not modified. Keys are checked
// in order, so the first bad one is always the same.
func (c Catalog) Merge(current, changes map[string]any) (map[string]any, *ValueError) {
	out := maps.Clone(current)
	if out == nil {
		out = map[string]any{}
	}
	keys := slices.Collect(maps.Keys(changes))
	sort.Strings(keys)
	for _, k := range keys {
		v := changes[k]
		if v == nil {
			delete(out, k)
			continue
		}
		norm, err := c.Check(k, v)
		if err != nil {
			return nil, err
		}
		out[k] = norm
	}
	return out, nil
}

// FromText turns a rendered placeholder (always a string) into the value a NUMBER or BOOLEAN
// field takes, when it reads as one; other values are returned as they are.
func (c Catalog) FromText(key string, v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	switch c[key].Type {
	case Number:
		if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			return f
		}
	case Boolean:
		if b, err := strconv.ParseBool(strings.TrimSpace(s)); err == nil {
			return b
		}
	case Text, Date, DateTime, Select:
	}
	return v
}

// Check checks one value against its key's definition and returns it in its stored form
// (numbers as float64, date-times in UTC).
func (c Catalog) Check(key string, v any) (any, *ValueError) {
	def, ok := c[key]
	if !ok {
		return nil, &ValueError{key, fmt.Sprintf("no custom client field %q is defined", key)}
	}
	norm, msg := def.check(v)
	if msg != "" {
		return nil, &ValueError{key, msg}
	}
	return norm, nil
}

func (d Def) check(v any) (any, string) {
	switch d.Type {
	case Number:
		if f, ok := number(v); ok {
			return f, ""
		}
		return nil, fmt.Sprintf("%s is a NUMBER field, got %s", d.Key, describe(v))
	case Boolean:
		if b, ok := v.(bool); ok {
			return b, ""
		}
		return nil, fmt.Sprintf("%s is a BOOLEAN field, got %s", d.Key, describe(v))
	case Text, Date, DateTime, Select:
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Sprintf("%s is a %s field and takes a string, got %s", d.Key, d.Type, describe(v))
		}
		return d.checkString(s)
	}
	return nil, fmt.Sprintf("%s has an unknown type %s", d.Key, d.Type)
}

// checkString checks the value of a string-valued type (TEXT, DATE, DATETIME, SELECT).
func (d Def) checkString(s string) (any, string) {
	switch d.Type {
	case Text:
		if n := utf8.RuneCountInString(s); n > MaxTextLength {
			return nil, fmt.Sprintf("%s is at most %d characters, got %d", d.Key, MaxTextLength, n)
		}
	case Date:
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return nil, fmt.Sprintf("%s is a DATE field: %q is not a YYYY-MM-DD date", d.Key, s)
		}
	case DateTime:
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return nil, fmt.Sprintf("%s is a DATETIME field: %q is not an RFC 3339 date-time", d.Key, s)
		}
		return t.UTC().Format(time.RFC3339Nano), ""
	case Select:
		if !slices.Contains(d.Options, s) {
			return nil, fmt.Sprintf("%s is a SELECT field: %q is not one of its options %q", d.Key, s, d.Options)
		}
	case Number, Boolean:
		return nil, fmt.Sprintf("%s is a %s field, got a string", d.Key, d.Type)
	}
	return s, ""
}

// number accepts the forms a JSON number takes once decoded.
func number(v any) (float64, bool) {
	var f float64
	switch n := v.(type) {
	case json.Number:
		x, err := n.Float64()
		if err != nil {
			return 0, false
		}
		f = x
	case float64:
		f = n
	case float32:
		f = float64(n)
	case int:
		f = float64(n)
	case int32:
		f = float64(n)
	case int64:
		f = float64(n)
	default:
		return 0, false
	}
	return f, !math.IsNaN(f) && !math.IsInf(f, 0)
}

func describe(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	if _, ok := number(v); ok {
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}
