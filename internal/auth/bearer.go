package auth

import (
	"net/http"
	"strings"
)

// MaxAuthorizationLen is the longest Authorization header BearerToken accepts. Real tokens
// are far shorter; the cap keeps oversized headers away from the token parsers.
const MaxAuthorizationLen = 8 << 10

// BearerToken returns the token of an "Authorization: Bearer <token>" header. It reports
// false when the header is missing, repeated, longer than MaxAuthorizationLen, uses another
// scheme, or holds an empty token or one containing whitespace.
func BearerToken(r *http.Request) (string, bool) {
	values := r.Header.Values("Authorization")
	if len(values) != 1 {
		return "", false
	}
	return ParseBearer(values[0])
}

// ParseBearer reads the token of an Authorization value "Bearer <token>" (from a header, or
// from a WebSocket connection_init payload).
func ParseBearer(h string) (string, bool) {
	if len(h) > MaxAuthorizationLen {
		return "", false
	}
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	if token == "" || strings.ContainsAny(token, " \t\r\n") {
		return "", false
	}
	return token, true
}
