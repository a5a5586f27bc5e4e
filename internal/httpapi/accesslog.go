package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/metrics"
	"github.com/flowline/flowline/internal/reqid"
)

// accessEntry is what the GraphQL layer adds to a request's access-log line.
type accessEntry struct {
	operation string
	caller    string
}

type accessKey struct{}

// accessLog writes one line per request: method, path, GraphQL operation name, status,
// duration, request id and caller (the user id, when the request was authenticated).
func accessLog(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		entry := &accessEntry{}
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), accessKey{}, entry)))
		elapsed := time.Since(start)
		route, op := routeOf(r.URL.Path), metrics.Operation(entry.operation)
		metrics.Requests.WithLabelValues(route, op, strconv.Itoa(rec.status)).Inc()
		metrics.RequestSeconds.WithLabelValues(route, op).Observe(elapsed.Seconds())
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("operation", entry.operation),
			slog.Int("status", rec.status),
			slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
			slog.String("request_id", reqid.FromContext(r.Context())),
			slog.String("caller", entry.caller),
		)
	})
}

// routeOf is the metrics label of a request path: its route, never the path itself (ids).
func routeOf(path string) string {
	switch {
	case path == "/query", path == "/healthz", path == "/readyz", path == "/metrics", path == "/":
		return path
	case strings.HasPrefix(path, "/hooks/"):
		return "/hooks"
	case strings.HasPrefix(path, "/playground/"):
		return "/playground"
	}
	return "other"
}

// countErrors counts the GraphQL errors of each answer by extensions.code.
func countErrors(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp != nil {
		for _, e := range resp.Errors {
			code, _ := e.Extensions["code"].(string)
			if code == "" {
				code = "UNKNOWN"
			}
			metrics.GraphQLErrors.WithLabelValues(code).Inc()
		}
	}
	return resp
}

// noteOperation records the operation's name and caller for the access log.
func noteOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if entry, ok := ctx.Value(accessKey{}).(*accessEntry); ok && !isStreamContext(ctx) {
		if oc := graphql.GetOperationContext(ctx); oc != nil {
			entry.operation = oc.OperationName
			switch {
			case entry.operation != "" || oc.Operation == nil:
			case oc.Operation.Name != "":
				entry.operation = oc.Operation.Name // named in the document, not in operationName
			default:
				entry.operation = string(oc.Operation.Operation) // an anonymous query or mutation
			}
		}
		if v, ok := auth.FromContext(ctx); ok {
			entry.caller = v.UserID
		}
	}
	return next(ctx)
}

// statusRecorder remembers the status a handler answered.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(status int) {
	s.status = status
	s.ResponseWriter.WriteHeader(status)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Flush lets Server-Sent Events through (gqlgen asserts http.Flusher, it does not unwrap).
func (s *statusRecorder) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
