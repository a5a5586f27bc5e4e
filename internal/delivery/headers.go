package delivery

import (
	"fmt"
	"net/http"
	"strings"
)

// reservedHeaders are set by Send itself or by the HTTP client; a workflow may not override
// them.
var reservedHeaders = map[string]bool{
	"Content-Type":      true,
	"Content-Length":    true,
	"Transfer-Encoding": true,
	"Connection":        true,
	"Host":              true,
	"User-Agent":        true,
	"Idempotency-Key":   true,
	"Te":                true,
	"Trailer":           true,
	"Upgrade":           true,
}

// checkHeaders refuses invalid header names, values with control characters (header
// injection) and reserved names. Errors name the header, never its value, which may be a
// secret such as an Authorization token.
func checkHeaders(h map[string]string) error {
	for name, value := range h {
		if !validHeaderName(name) {
			return fmt.Errorf("header name %q is not valid", name)
		}
		canonical := http.CanonicalHeaderKey(name)
		if reservedHeaders[canonical] || strings.HasPrefix(canonical, "X-Flowline-") {
			return fmt.Errorf("header %q is set by Flowline and cannot be overridden", canonical)
		}
		for _, c := range []byte(value) {
			if (c < ' ' && c != '\t') || c == 0x7f {
				return fmt.Errorf("header %q has a control character in its value", canonical)
			}
		}
	}
	return nil
}

// validHeaderName reports whether name is an RFC 9110 token.
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range []byte(name) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}
