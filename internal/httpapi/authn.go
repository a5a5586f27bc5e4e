package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/flowline/flowline/internal/accounts"
	"github.com/flowline/flowline/internal/apierr"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/httpapi/gqlguard"
)

// authenticator turns the Authorization header into an auth.Viewer.
type authenticator struct {
	db     *database.DB
	tokens auth.Tokens
	logger *slog.Logger
	// login throttles anonymous login attempts per address: each one costs a bcrypt
	// comparison (about a quarter of a CPU-second), so they get a far smaller budget than
	// authenticated requests.
	login func(http.Handler) http.Handler
	// viewers caches successful token lookups (nil or a zero TTL: none).
	viewers *viewerCache
}

// middleware requires a valid bearer token (session JWT or API token) on every request,
// except an anonymous request whose only operation is the login mutation. Failures answer
// HTTP 401 with a GraphQL error coded UNAUTHENTICATED, before any resolver runs.
func (a *authenticator) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		if len(r.Header.Values("Authorization")) == 0 {
			if isLoginOnly(r) {
				a.login(next).ServeHTTP(w, r.WithContext(auth.WithSignIn(r.Context())))
				return
			}
			unauthorized(w, "authentication required: send Authorization: Bearer <token> (login is the only operation allowed without one)")
			return
		}
		raw, ok := auth.BearerToken(r)
		if !ok {
			unauthorized(w, "malformed Authorization header: expected Bearer <token>")
			return
		}
		v, err := a.viewer(r.Context(), raw)
		if err != nil {
			switch {
			case r.Context().Err() != nil:
				// The client went away mid-request (a load tool stopping, a closed tab): not
				// a server fault.
				a.logger.DebugContext(r.Context(), "authenticate: client went away", "error", err)
				return
			case !errors.Is(err, accounts.ErrBadCredentials):
				a.logger.ErrorContext(r.Context(), "authenticate", "error", err)
			}
			unauthorized(w, accounts.ErrBadCredentials.Error())
			return
		}
		next.ServeHTTP(w, r.WithContext(auth.WithViewer(r.Context(), v)))
	})
}

// adminOnly lets through requests authenticated as an ADMIN.
func adminOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v, ok := auth.FromContext(r.Context()); !ok || v.Role != auth.RoleAdmin {
			gqlguard.WriteError(w, http.StatusForbidden, apierr.Forbidden, "metrics are for ADMIN tokens")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func unauthorized(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="flowline"`)
	gqlguard.WriteError(w, http.StatusUnauthorized, apierr.Unauthenticated, msg)
}

// viewer checks an API token or a session JWT (accounts.Authenticate).
func (a *authenticator) viewer(ctx context.Context, raw string) (auth.Viewer, error) {
	if v, ok := a.viewers.get(raw); ok {
		return v, nil
	}
	v, err := accounts.Authenticate(ctx, a.db.Client, a.tokens, raw, a.logger)
	if err == nil {
		a.viewers.put(raw, v)
	}
	return v, err
}

// isLoginOnly reports whether an anonymous request is a POST whose selected operation is a
// mutation selecting exactly one login, unaliased (and optionally __typename): one password
// check per request. It reads the body (already capped by BodyLimit) and puts it back for
// gqlgen.
func isLoginOnly(r *http.Request) bool {
	if r.Method != http.MethodPost || r.Body == nil {
		return false
	}
	body, err := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil {
		return false
	}
	var req struct {
		Query         string `json:"query"`
		OperationName string `json:"operationName"`
	}
	if json.Unmarshal(body, &req) != nil || req.Query == "" {
		return false
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: req.Query}, gqlguard.DefaultParserTokenLimit)
	if err != nil {
		return false
	}
	var op *ast.OperationDefinition
	switch {
	case req.OperationName != "":
		op = doc.Operations.ForName(req.OperationName)
	case len(doc.Operations) == 1:
		op = doc.Operations[0]
	}
	if op == nil || op.Operation != ast.Mutation {
		return false
	}
	logins := 0
	for _, sel := range op.SelectionSet {
		f, ok := sel.(*ast.Field)
		switch {
		case !ok:
			return false
		case f.Name == "login" && (f.Alias == "" || f.Alias == f.Name):
			logins++
		case f.Name != "__typename":
			return false
		}
	}
	return logins == 1
}
