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

// InGraphQL reports whether a GraphQL document holds a NUL: a raw one, or an escape for it
// inside a string literal, \u0000 or the braced \u{0} (any number of zeros). An escape is a
// "u" preceded by an odd run of backslashes.
func InGraphQL(doc string) bool {
	if strings.IndexByte(doc, 0) >= 0 {
		return true
	}
	for i := 0; i < len(doc); i++ {
		if doc[i] != 'u' || !escaped(doc, i) {
			continue
		}
		if strings.HasPrefix(doc[i+1:], "0000") {
			return true
		}
		if rest, ok := strings.CutPrefix(doc[i+1:], "{"); ok {
			zeros := len(rest) - len(strings.TrimLeft(rest, "0"))
			if zeros > 0 && strings.HasPrefix(rest[zeros:], "}") {
				return true
			}
		}
	}
	return false
}

// escaped reports whether doc[i] follows an odd run of backslashes.
func escaped(doc string, i int) bool {
	slashes := 0
	for k := i - 1; k >= 0 && doc[k] == '\\'; k-- {
		slashes++
	}
	return slashes%2 == 1
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
	return decodeFirst(variables, &v) && InValue(v)
}

// decodeFirst decodes the first JSON value of b into v, ignoring what follows, as gqlgen's
// transports do: a check must read exactly what the server will act on.
func decodeFirst(b []byte, v any) bool {
	return json.NewDecoder(bytes.NewReader(b)).Decode(v) == nil
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
