package gqlguard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/flowline/flowline/internal/apierr"
)

// DefaultMaxBodyBytes is the request body limit server wiring passes to
// BodyLimit (1 MiB).
const DefaultMaxBodyBytes = 1 << 20

type jsonError struct {
	Message    string         `json:"message"`
	Extensions jsonExtensions `json:"extensions"`
}

type jsonExtensions struct {
	Code string `json:"code"`
}

// WriteError writes a GraphQL-shaped error response:
//
//	{"errors":[{"message":message,"extensions":{"code":code}}]}
//
// with the given HTTP status. Headers already set on w (Retry-After, Allow,
// CORS) are kept. Every middleware of this package answers through it;
// authentication middleware can use it for UNAUTHENTICATED.
func WriteError(w http.ResponseWriter, status int, code, message string) {
	body, _ := json.Marshal(struct {
		Errors []jsonError `json:"errors"`
	}{[]jsonError{{Message: message, Extensions: jsonExtensions{Code: code}}}})
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Del("Content-Length")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}

// BodyLimit refuses request bodies larger than limit bytes with 413
// REQUEST_TOO_LARGE. A declared Content-Length above limit is refused before
// anything is read; a body of unknown length (chunked) is read up to limit
// here so that an oversized one is refused with the same answer rather than
// surfacing later as a read error inside gqlgen; other bodies are wrapped in
// http.MaxBytesReader.
func BodyLimit(limit int64) func(http.Handler) http.Handler {
	if limit <= 0 {
		limit = DefaultMaxBodyBytes
	}
	tooLarge := func(w http.ResponseWriter) {
		w.Header().Set("Connection", "close")
		WriteError(w, http.StatusRequestEntityTooLarge, apierr.RequestTooLarge,
			fmt.Sprintf("request body too large (limit %d bytes)", limit))
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.ContentLength > limit {
				tooLarge(w)
				return
			}
			if r.Body == nil || r.Body == http.NoBody {
				next.ServeHTTP(w, r)
				return
			}
			body := http.MaxBytesReader(w, r.Body, limit)
			if r.ContentLength < 0 {
				buf, err := io.ReadAll(body)
				_ = body.Close()
				if err != nil {
					var mbe *http.MaxBytesError
					if errors.As(err, &mbe) {
						tooLarge(w)
						return
					}
					WriteError(w, http.StatusBadRequest, apierr.BadRequest, "could not read request body")
					return
				}
				r.Body = io.NopCloser(bytes.NewReader(buf))
				r.ContentLength = int64(len(buf))
			} else {
				r.Body = body
			}
			next.ServeHTTP(w, r)
		})
	}
}

// maxPeek bounds how much leading whitespace RejectBatch reads looking for the
// first significant byte.
const maxPeek = 64 << 10

// RejectBatch refuses POST bodies that are JSON arrays (batched operations):
// 400 BATCHING_NOT_SUPPORTED. It reads only up to the first non-whitespace
// byte and hands the handler an unconsumed body.
func RejectBatch(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		first, prefix, err := peekFirstByte(r.Body)
		if first == '[' {
			WriteError(w, http.StatusBadRequest, apierr.BatchingNotSupported,
				"batched operations (a JSON array body) are not supported; send one operation per request")
			return
		}
		rest := io.Reader(r.Body)
		if err != nil && !errors.Is(err, io.EOF) {
			rest = errReader{err}
		}
		r.Body = readCloser{io.MultiReader(bytes.NewReader(prefix), rest), r.Body}
		next.ServeHTTP(w, r)
	})
}

// peekFirstByte reads body up to and including its first non-whitespace byte
// (at most maxPeek bytes) and returns that byte (0 if none) and what it read.
func peekFirstByte(body io.Reader) (byte, []byte, error) {
	var prefix []byte
	var chunk [512]byte
	for len(prefix) < maxPeek {
		n, err := body.Read(chunk[:])
		for _, c := range chunk[:n] {
			switch c {
			case ' ', '\t', '\n', '\r':
				continue
			}
			return c, append(prefix, chunk[:n]...), nil
		}
		prefix = append(prefix, chunk[:n]...)
		if err != nil {
			return 0, prefix, err
		}
	}
	return 0, prefix, nil
}

type readCloser struct {
	io.Reader
	io.Closer
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// CSRF blocks the request shapes a browser can send cross-site without a
// preflight. A POST must have Content-Type application/json or
// application/graphql-response+json (parameters such as charset allowed);
// anything else (text/plain, multipart/form-data,
// application/x-www-form-urlencoded, none) is refused with 415
// UNSUPPORTED_MEDIA_TYPE. A GET whose query parameter parses to a mutation or
// subscription (the operation selected by operationName) is refused with 405
// METHOD_NOT_ALLOWED and Allow: POST; gqlgen's GET transport refuses them
// too, this is defence in depth. A WebSocket upgrade is refused with 400
// BAD_REQUEST (no transport serves it), other methods but OPTIONS with 405.
func CSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost:
			mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
			if err != nil || (mt != "application/json" && mt != "application/graphql-response+json") {
				WriteError(w, http.StatusUnsupportedMediaType, apierr.UnsupportedMediaType,
					"POST requests must have Content-Type application/json")
				return
			}
		case http.MethodGet:
			if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
				WriteError(w, http.StatusBadRequest, apierr.BadRequest,
					"WebSocket connections are not served; send operations with POST")
				return
			}
			if op := getOperationType(r); op == ast.Mutation || op == ast.Subscription {
				w.Header().Set("Allow", http.MethodPost)
				WriteError(w, http.StatusMethodNotAllowed, apierr.MethodNotAllowed,
					fmt.Sprintf("%ss are not allowed over GET; use POST", op))
				return
			}
		case http.MethodOptions:
		default:
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			WriteError(w, http.StatusMethodNotAllowed, apierr.MethodNotAllowed,
				fmt.Sprintf("method %s is not allowed; use POST (or GET for queries)", r.Method))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// getOperationType returns the type of the operation a GET request selects,
// or "" when it has none or it cannot be determined (gqlgen then reports the
// problem itself).
func getOperationType(r *http.Request) ast.Operation {
	q := r.URL.Query()
	query := q.Get("query")
	if query == "" {
		return ""
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, DefaultParserTokenLimit)
	if err != nil || doc == nil {
		return ""
	}
	op := doc.Operations.ForName(q.Get("operationName"))
	if op == nil {
		return ""
	}
	return op.Operation
}

// CORS answers cross-origin requests from the exact origins in
// allowedOrigins. A request without an Origin header passes untouched. For an
// allowed origin it sets Access-Control-Allow-Origin (the origin),
// Access-Control-Allow-Headers (Authorization, Content-Type),
// Access-Control-Allow-Methods (GET, POST, OPTIONS) and Vary: Origin, and
// answers a preflight (OPTIONS) itself with 204. A disallowed origin gets no
// CORS headers (so the browser withholds the response) and its preflight is
// answered 403 FORBIDDEN. Credentials (cookies) are not enabled: Flowline
// authenticates with bearer tokens.
func CORS(allowedOrigins []string) func(http.Handler) http.Handler {
	allowed := append([]string(nil), allowedOrigins...)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			origin := r.Header.Get("Origin")
			if origin == "" {
				next.ServeHTTP(w, r)
				return
			}
			h := w.Header()
			h.Add("Vary", "Origin")
			preflight := r.Method == http.MethodOptions
			if !OriginAllowed(origin, allowed) {
				if preflight {
					WriteError(w, http.StatusForbidden, apierr.Forbidden, "origin not allowed")
					return
				}
				next.ServeHTTP(w, r)
				return
			}
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			if preflight {
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// OriginAllowed reports whether origin is exactly one of allowed (no
// wildcards, no normalisation; an empty origin is never allowed). Use it as
// the WebSocket upgrader's CheckOrigin together with the CORS list.
func OriginAllowed(origin string, allowed []string) bool {
	if origin == "" {
		return false
	}
	for _, a := range allowed {
		if a == origin {
			return true
		}
	}
	return false
}

// ClientIP returns the host part of r.RemoteAddr (forwarding headers are not
// trusted), for use as a rate-limit key for anonymous requests.
func ClientIP(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}
