package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/flowline/flowline/internal/auth"
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
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("operation", entry.operation),
			slog.Int("status", rec.status),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("request_id", reqid.FromContext(r.Context())),
			slog.String("caller", entry.caller),
		)
	})
}

// noteOperation records the operation's name and caller for the access log.
func noteOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if entry, ok := ctx.Value(accessKey{}).(*accessEntry); ok {
		if oc := graphql.GetOperationContext(ctx); oc != nil {
			entry.operation = oc.OperationName
			if entry.operation == "" && oc.Operation != nil {
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
