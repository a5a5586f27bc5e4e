package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/lib/pq"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/privacy"
	"github.com/flowline/flowline/internal/apierr"
	"github.com/flowline/flowline/internal/reqid"
)

// inputError builds a client-facing error for the current field. field names the offending
// input as a dotted path ("input.createdById"), so SDKs can point at the form field.
func inputError(ctx context.Context, code, field, format string, args ...any) *gqlerror.Error {
	err := gqlerror.ErrorPathf(graphql.GetPath(ctx), format, args...)
	err.Extensions = map[string]any{"code": code}
	if field != "" {
		err.Extensions["field"] = field
	}
	return err
}

func badInput(ctx context.Context, field, format string, args ...any) *gqlerror.Error {
	return inputError(ctx, apierr.BadUserInput, field, format, args...)
}

func notFound(ctx context.Context, field, what string) *gqlerror.Error {
	return inputError(ctx, apierr.NotFound, field, "%s not found", what)
}

// resolverError marks an error that a resolver returned without choosing a client-facing
// message (a database failure, say). MarkResolverErrors applies it; ErrorPresenter hides it.
type resolverError struct{ err error }

func (e *resolverError) Error() string { return e.err.Error() }
func (e *resolverError) Unwrap() error { return e.err }

// MarkResolverErrors is a field middleware that tags every resolver error that is not
// already a GraphQL error. gqlgen wraps all errors alike, so without the tag the presenter
// could not tell a database failure (hide it) from an argument that failed to parse (show it).
func MarkResolverErrors(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if err != nil && isIntrospection(ctx) {
		// gqlgen answers a plain error when introspection is switched off: a refusal, not a fault.
		return res, &gqlerror.Error{Message: "introspection is disabled on this server", Extensions: map[string]any{"code": apierr.Forbidden}}
	}
	if err != nil {
		var gqlErr *gqlerror.Error
		if !errors.As(err, &gqlErr) {
			err = &resolverError{err: err}
		}
	}
	return res, err
}

// inputField names an entity field as the caller sent it: inside the input argument when
// the mutation has one (createClient(input:)), else as an argument (createApiToken(name:)).
func inputField(ctx context.Context, name string) string {
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		if _, ok := fc.Args["input"]; ok {
			return "input." + name
		}
	}
	return name
}

// undecodableBody starts gqlgen's message for a request body that is not valid JSON.
const undecodableBody = "json request body could not be decoded"

// isIntrospection reports whether the field being resolved is __schema or __type.
func isIntrospection(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	return fc != nil && fc.Field.Field != nil && (fc.Field.Name == "__schema" || fc.Field.Name == "__type")
}

// ErrorPresenter turns every error into a GraphQL error with extensions.code. Errors the
// API raises on purpose keep their message; ent's typed errors are translated; anything
// else becomes "internal error" with the request id, and the real error goes to the log
// only, so SQL and stack details never reach a client.
func ErrorPresenter(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		path := graphql.GetPath(ctx)
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && strings.HasPrefix(gqlErr.Message, undecodableBody) {
			// gqlgen echoes the whole body (up to 1 MiB) after the reason: keep the reason.
			msg, _, _ := strings.Cut(gqlErr.Message, " body:")
			return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": apierr.BadRequest}}
		}
		if errors.As(err, &gqlErr) {
			if gqlErr.Path != nil {
				path = gqlErr.Path
			}
			// A GraphQL error made on purpose (by us, gqlgen's validation or entgql) is shown
			// as it is. One that only wraps another error is classified below.
			var inner *gqlerror.Error
			switch {
			case gqlErr.Err == nil:
				return withDefaultCode(locateValidationError(ctx, gqlErr), path, apierr.BadUserInput)
			case errors.As(gqlErr.Err, &inner):
				return withDefaultCode(inner, path, apierr.BadUserInput)
			}
			err = gqlErr.Err
		}
		var (
			nf *ent.NotFoundError
			ve *ent.ValidationError
			ce *ent.ConstraintError
			re *resolverError
		)
		switch {
		case errors.Is(err, privacy.Deny):
			return &gqlerror.Error{Message: "your role does not allow this", Path: path, Extensions: map[string]any{"code": apierr.Forbidden}}
		case errors.As(err, &nf):
			return &gqlerror.Error{Message: "not found", Path: path, Extensions: map[string]any{"code": apierr.NotFound}}
		case errors.As(err, &ve):
			return &gqlerror.Error{
				Message:    fmt.Sprintf("invalid value for %s: %s", ve.Name, validationReason(ve)),
				Path:       path,
				Extensions: map[string]any{"code": apierr.BadUserInput, "field": inputField(ctx, ve.Name)},
			}
		case errors.As(err, &ce):
			if isUniqueViolation(ce) {
				return &gqlerror.Error{Message: "a record with the same unique value already exists", Path: path, Extensions: map[string]any{"code": apierr.Conflict}}
			}
			return &gqlerror.Error{Message: "the change conflicts with related records", Path: path, Extensions: map[string]any{"code": apierr.Conflict}}
		case nulInText(err):
			return &gqlerror.Error{Message: "text must not contain NUL (\\u0000) characters", Path: path, Extensions: map[string]any{"code": apierr.BadUserInput}}
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return &gqlerror.Error{Message: "request cancelled or timed out", Path: path, Extensions: map[string]any{"code": "TIMEOUT"}}
		case !errors.As(err, &re) && !looksInternal(err):
			// Argument coercion failures (malformed ID, wrong JSON shape) reach us as plain
			// errors wrapped by gqlgen, outside any resolver: they are the caller's mistake.
			return coercionError(ctx, path, err)
		}
		id := reqid.FromContext(ctx)
		level := slog.LevelError
		if errors.Is(ctx.Err(), context.Canceled) {
			level = slog.LevelDebug // the client went away mid-request: not a server fault
		}
		logger.Log(ctx, level, "internal error", "request_id", id, "path", path.String(), "error", err)
		return &gqlerror.Error{
			Message:    "internal error (request id " + id + ")",
			Path:       path,
			Extensions: map[string]any{"code": apierr.Internal, "requestId": id},
		}
	}
}

// coercionError reports an argument that gqlgen could not convert, naming the argument
// (path beyond the field's own path) and saying what was expected in JSON terms.
func coercionError(ctx context.Context, path ast.Path, err error) *gqlerror.Error {
	msg := err.Error()
	for _, r := range []struct{ goText, jsonText string }{
		{"[]interface {} is not a map", "must be a JSON object, not a list"},
		{"is not a map", "must be a JSON object"},
	} {
		if strings.Contains(msg, r.goText) {
			msg = r.jsonText
			break
		}
	}
	ext := map[string]any{"code": apierr.BadUserInput}
	if fieldPath := graphql.GetPath(ctx); len(path) > len(fieldPath) {
		field := strings.TrimPrefix(path[len(fieldPath):].String(), ".")
		ext["field"] = field
		msg = field + ": " + msg
	}
	return &gqlerror.Error{Message: msg, Path: path, Extensions: ext}
}

// nulInText reports PostgreSQL's refusal of a NUL character in text: the caller's input.
func nulInText(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "22021"
}

// looksInternal catches database errors that reach the presenter outside a resolver (a
// failed commit in the transaction extension, for instance).
func looksInternal(err error) bool {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "sql") || strings.Contains(msg, "SQL") || strings.Contains(msg, "database")
}

func withDefaultCode(e *gqlerror.Error, path ast.Path, code string) *gqlerror.Error {
	out := *e
	if out.Path == nil {
		out.Path = path
	}
	// A variable that failed to coerce ("must be defined", "is not a map") carries the
	// offending spot only in its path ["variable", "input", "triggerConfig"]; say it in the
	// message and in extensions.field too, and call it what it is: bad user input.
	if len(out.Path) > 1 && out.Path[0] == ast.PathName("variable") {
		field := out.Path[1:].String()
		out.Message = field + ": " + out.Message
		out.Extensions = withCode(out.Extensions, apierr.BadUserInput)
		out.Extensions["field"] = field
		return &out
	}
	if _, ok := out.Extensions["code"]; !ok {
		out.Extensions = withCode(out.Extensions, code)
	}
	return &out
}

// RecoverFunc turns a resolver panic into the same opaque internal error, logged with its
// request id.
func RecoverFunc(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "panic in resolver", "request_id", reqid.FromContext(ctx), "panic", fmt.Sprint(p))
		return &resolverError{err: fmt.Errorf("panic: %v", p)}
	}
}

func withCode(ext map[string]any, code string) map[string]any {
	out := make(map[string]any, len(ext)+1)
	for k, v := range ext {
		out[k] = v
	}
	out["code"] = code
	return out
}

// validationReason keeps ent's validator message but drops its Go-flavoured prefix.
func validationReason(ve *ent.ValidationError) string {
	msg := ve.Unwrap().Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return msg
}

func isUniqueViolation(ce *ent.ConstraintError) bool {
	msg := strings.ToLower(ce.Error())
	return strings.Contains(msg, "unique") || strings.Contains(msg, "duplicate key")
}

// suggestion is gqlparser's "Did you mean ...?" hint, on unknown fields, arguments, types
// and enum values alike.
var suggestion = regexp.MustCompile(`\s*Did you mean [^?]*\?`)

// WithoutSuggestions wraps a presenter so that no message carries a "Did you mean" hint:
// in production they would tell a prober the schema's names even with introspection off.
// gqlgen's own switch (SetDisableSuggestion) covers field names only.
func WithoutSuggestions(present graphql.ErrorPresenterFunc) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		out := present(ctx, err)
		if out != nil {
			out.Message = suggestion.ReplaceAllString(out.Message, "")
		}
		return out
	}
}

// MaxErrors is how many errors one response lists; the rest are counted in a last one.
const MaxErrors = 20

// CapErrors keeps a response's error list to MaxErrors (a 15 KB query can carry thousands of
// validation errors, a megabyte of answer): the last entry says how many were left out, with
// the code of the first and extensions.omitted.
func CapErrors(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil || len(resp.Errors) <= MaxErrors {
		return resp
	}
	omitted := len(resp.Errors) - MaxErrors
	code := apierr.BadUserInput
	if c, ok := resp.Errors[0].Extensions["code"].(string); ok {
		code = c
	}
	resp.Errors = append(resp.Errors[:MaxErrors:MaxErrors], &gqlerror.Error{
		Message:    fmt.Sprintf("%d more errors not shown (at most %d are listed)", omitted, MaxErrors),
		Extensions: map[string]any{"code": code, "omitted": omitted},
	})
	return resp
}
