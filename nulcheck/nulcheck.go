// Package nulcheck finds NUL characters in request input. PostgreSQL stores neither a NUL
// in text nor the \u0000 escape in jsonb, so input holding one is refused up front as the
// caller's mistake, the same way on every database, instead of failing deep in a write.
package nulcheck

import (
	"bytes"
	"encoding/json"
	"strings"
)

// InValue reports whether a decoded JSON value holds a NUL in any string or object key.
func InValue(v any) bool {
	switch v := v.(type) {
	case string:
		return strings.IndexByte(v, 0) >= 0
	case map[string]any:
		for k, x := range v {
			if strings.IndexByte(k, 0) >= 0 || InValue(x) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if InValue(x) {
				return true
			}
		}
	}
	return false
}

// InGraphQL reports whether a GraphQL document holds a NUL: a raw one, or the \u0000
// escape inside a string literal (an escape is one preceded by an odd run of backslashes).
func InGraphQL(doc string) bool {
	if strings.IndexByte(doc, 0) >= 0 {
		return true
	}
	for i := 0; ; {
		j := strings.Index(doc[i:], `u0000`)
		if j < 0 {
			return false
		}
		at := i + j
		slashes := 0
		for k := at - 1; k >= 0 && doc[k] == '\\'; k-- {
			slashes++
		}
		if slashes%2 == 1 {
			return true
		}
		i = at + 1
	}
}

// InRequest reports whether a GraphQL request (its query text and its variables, as sent in
// a JSON body or a GET query string) holds a NUL. Bodies that are not JSON report false:
// gqlgen explains those.
func InRequest(query string, variables json.RawMessage) bool {
	if InGraphQL(query) {
		return true
	}
	if !mayHold(variables) {
		return false
	}
	var v any
	return json.Unmarshal(variables, &v) == nil && InValue(v)
}

// InJSON reports whether a JSON document holds a NUL in any string or key.
func InJSON(doc []byte) bool {
	if !mayHold(doc) {
		return false
	}
	var v any
	return json.Unmarshal(doc, &v) == nil && InValue(v)
}

// mayHold is the cheap first look: without a NUL byte or a u0000 there is nothing to find.
func mayHold(b []byte) bool {
	return bytes.IndexByte(b, 0) >= 0 || bytes.Contains(b, []byte(`u0000`))
}
