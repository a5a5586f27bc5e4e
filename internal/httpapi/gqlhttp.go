package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/flowline/flowline/internal/httpapi/gqlguard"
)

// graphQLOverHTTP adjusts gqlgen's answers to what the GraphQL-over-HTTP specification
// recommends for request errors (a document that does not parse or validate):
//   - under application/json, HTTP 200 rather than 422, since legacy clients read the body
//     of any 200 and treat other statuses as transport failures;
//   - under application/graphql-response+json, no "data" entry at all (gqlgen writes
//     "data": null), which is how clients tell a request error from a field error.
func graphQLOverHTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &specWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		sw.finish()
	})
}

type specWriter struct {
	http.ResponseWriter
	held   bool // a request error under application/graphql-response+json, rewritten at finish
	status int
	body   bytes.Buffer
}

func (s *specWriter) WriteHeader(status int) {
	ct := s.Header().Get("Content-Type")
	switch {
	case status == http.StatusUnprocessableEntity && strings.HasPrefix(ct, "application/json"):
		status = http.StatusOK
	case status >= 400 && strings.HasPrefix(ct, "application/graphql-response+json"):
		s.held, s.status = true, status
		return
	}
	s.ResponseWriter.WriteHeader(status)
}

func (s *specWriter) Write(p []byte) (int, error) {
	if s.held {
		return s.body.Write(p)
	}
	return s.ResponseWriter.Write(p)
}

// WriteWhole hands a whole answer on to the response limit (gqlguard.WholeWriter) unless it
// is held for finish.
func (s *specWriter) WriteWhole(parts ...[]byte) {
	if whole, ok := s.ResponseWriter.(gqlguard.WholeWriter); ok && !s.held {
		whole.WriteWhole(parts...)
		return
	}
	for _, p := range parts {
		_, _ = s.Write(p)
	}
}

// finish writes a held answer without its null "data" entry.
func (s *specWriter) finish() {
	if !s.held {
		return
	}
	body := s.body.Bytes()
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) == nil && string(fields["data"]) == "null" {
		delete(fields, "data")
		if b, err := json.Marshal(fields); err == nil {
			b = append(b, '\n')
			body = b
		}
	}
	s.ResponseWriter.Header().Del("Content-Length")
	s.ResponseWriter.WriteHeader(s.status)
	_, _ = s.ResponseWriter.Write(body)
}
