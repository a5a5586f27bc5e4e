package httpapi

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/internal/accounts"
	"github.com/flowline/flowline/internal/apierr"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/httpapi/gqlguard"
)

// Defaults of the streaming transports.
const (
	// DefaultConnectionsPerCaller bounds one caller's open WebSocket and SSE connections.
	DefaultConnectionsPerCaller = 20
	// recheckEvery is how often a WebSocket connection's token is checked again: a revoked
	// token or a changed role closes the connection within this time.
	recheckEvery = 30 * time.Second
	// Close codes of the graphql-transport-ws protocol.
	closeForbidden       = 4403
	closeTooManyRequests = 4429
)

// streams guards the long-lived transports of subscriptions: WebSocket and Server-Sent
// Events. Both authenticate like queries (WebSocket in connection_init), answer only the
// allowed origins and count connections per caller.
type streams struct {
	authn    *authenticator
	origins  []string
	maxConns int
	recheck  time.Duration

	mu    sync.Mutex
	conns map[string]int
}

func newStreams(authn *authenticator, origins []string, maxConns int) *streams {
	if maxConns <= 0 {
		maxConns = DefaultConnectionsPerCaller
	}
	return &streams{authn: authn, origins: origins, maxConns: maxConns, recheck: recheckEvery, conns: map[string]int{}}
}

// isStream reports a request for a streaming transport: a WebSocket upgrade or an SSE
// subscription.
func isStream(r *http.Request) bool {
	return isUpgrade(r) || strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

func isUpgrade(r *http.Request) bool { return r.Header.Get("Upgrade") != "" }

type upgradeAuthKey struct{}

// streamKey marks the context of an operation that came over a streaming transport: its
// value is "ws" or "sse".
type streamKey struct{}

func streamOf(ctx context.Context) string {
	v, _ := ctx.Value(streamKey{}).(string)
	return v
}

// isStreamContext reports an operation over WebSocket, where many operations share the
// upgrade request's context (and its access-log entry).
func isStreamContext(ctx context.Context) bool { return streamOf(ctx) == "ws" }

// rateLimitWebSocket makes each operation over a WebSocket spend a token of its caller's
// bucket, the one its HTTP requests use: one upgrade must not buy unlimited operations.
func rateLimitWebSocket(perCaller *gqlguard.Limiter) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		v, ok := auth.FromContext(ctx)
		if !isStreamContext(ctx) || !ok {
			return next(ctx)
		}
		if wait, ok := perCaller.Allow(viewerRateKey(v)); !ok {
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
				Message:    "rate limit exceeded: retry in " + wait.Round(time.Second).String(),
				Extensions: map[string]any{"code": apierr.RateLimited},
			}}})
		}
		return next(ctx)
	}
}

// subscriptionsOnStreams refuses a subscription sent as a plain request (it would hold the
// request open until its first event, without a connection slot) and anything but a
// subscription over SSE (it would escape the response-size limit).
func subscriptionsOnStreams(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil {
		return next(ctx)
	}
	subscription := oc.Operation.Operation == ast.Subscription
	var msg string
	switch via := streamOf(ctx); {
	case subscription && via == "":
		msg = "subscriptions are served over WebSocket (graphql-transport-ws) or SSE (Accept: text/event-stream), not as a plain request"
	case !subscription && via == "sse":
		msg = "SSE carries subscriptions only: send queries and mutations with Accept: application/json"
	default:
		return next(ctx)
	}
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{Message: msg, Extensions: map[string]any{"code": apierr.BadRequest}}}})
}

type callerKey struct{}

// webSocket admits an upgrade from an allowed origin (or none: not a browser) and keeps its
// Authorization header, if any, for connection_init.
func (s *streams) webSocket(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" && !sameOrigin(r, origin) && !gqlguard.OriginAllowed(origin, s.origins) {
			gqlguard.WriteError(w, http.StatusForbidden, apierr.Forbidden, "origin not allowed")
			return
		}
		ctx := r.Context()
		if h := r.Header.Get("Authorization"); h != "" {
			ctx = context.WithValue(ctx, upgradeAuthKey{}, h)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// sse counts an authenticated SSE request as a connection of its caller.
func (s *streams) sse(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, _ := auth.FromContext(r.Context())
		if !s.acquire(v.UserID) {
			gqlguard.WriteError(w, http.StatusTooManyRequests, apierr.TooManySubscriptions, s.tooMany())
			return
		}
		defer s.release(v.UserID)
		// A stream outlives the server's write timeout, which is meant for single answers.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
		ctx, cancel := context.WithCancel(context.WithValue(r.Context(), streamKey{}, "sse"))
		defer cancel()
		if raw, ok := auth.BearerToken(r); ok {
			go s.watchToken(ctx, cancel, raw, v)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// sameOrigin reports an Origin naming the host the request was sent to (the playground).
func sameOrigin(r *http.Request, origin string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

// initWebSocket authenticates a connection_init: {"Authorization": "Bearer <token>"} in the
// payload, else the upgrade request's header.
func (s *streams) initWebSocket(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
	fail := func(code int, msg string) (context.Context, *transport.InitPayload, error) {
		return transport.WithWebsocketCloseCode(transport.AppendCloseReason(ctx, msg), code), nil, errors.New(msg)
	}
	h := payload.Authorization()
	if h == "" {
		h = payload.GetString("authorization")
	}
	if h == "" {
		h, _ = ctx.Value(upgradeAuthKey{}).(string)
	}
	if h == "" {
		return fail(closeForbidden, `authentication required: send {"Authorization": "Bearer <token>"} in connection_init`)
	}
	raw, ok := auth.ParseBearer(h)
	if !ok {
		return fail(closeForbidden, "malformed Authorization: expected Bearer <token>")
	}
	v, err := s.authn.viewer(ctx, raw)
	if err != nil {
		switch {
		case ctx.Err() != nil:
			// The connection closed during its connection_init: not a server fault (as for
			// a plain request, authn.go).
			s.authn.logger.DebugContext(ctx, "authenticate WebSocket: client went away", "error", err)
		case !errors.Is(err, accounts.ErrBadCredentials):
			s.authn.logger.ErrorContext(ctx, "authenticate WebSocket", "error", err)
		}
		return fail(closeForbidden, accounts.ErrBadCredentials.Error())
	}
	if !s.acquire(v.UserID) {
		return fail(closeTooManyRequests, s.tooMany())
	}
	ctx = context.WithValue(auth.WithViewer(ctx, v), callerKey{}, v.UserID)
	ctx = context.WithValue(ctx, streamKey{}, "ws")
	ctx, cancel := context.WithCancel(changes.WithConnection(ctx))
	go s.watchToken(ctx, cancel, raw, v)
	return ctx, nil, nil
}

// watchToken closes the connection (cancels its context) once its token no longer
// authenticates as the same viewer: revoked, expired, or the user's role changed.
func (s *streams) watchToken(ctx context.Context, closeConn context.CancelFunc, raw string, v auth.Viewer) {
	t := time.NewTicker(s.recheck)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			now, err := s.authn.viewer(ctx, raw)
			if ctx.Err() != nil {
				return
			}
			if (err != nil && errors.Is(err, accounts.ErrBadCredentials)) || (err == nil && now != v) {
				closeConn()
				return
			}
		}
	}
}

// closeWebSocket gives back the connection's place.
func (s *streams) closeWebSocket(ctx context.Context, _ int) {
	if caller, ok := ctx.Value(callerKey{}).(string); ok {
		s.release(caller)
	}
}

func (s *streams) acquire(caller string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conns[caller] >= s.maxConns {
		return false
	}
	s.conns[caller]++
	return true
}

func (s *streams) release(caller string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conns[caller]--; s.conns[caller] <= 0 {
		delete(s.conns, caller)
	}
}

func (s *streams) tooMany() string {
	return "too many connections: close one first (at most " + strconv.Itoa(s.maxConns) + " per caller)"
}

// transports are the streaming transports of the GraphQL server, WebSocket first.
func (s *streams) transports() []graphql.Transport {
	return []graphql.Transport{
		transport.Websocket{
			// Origins are checked against CORS_ORIGINS by webSocket, before the upgrade.
			Implementation:        transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{InsecureSkipVerify: true}},
			InitFunc:              s.initWebSocket,
			InitTimeout:           10 * time.Second,
			CloseFunc:             s.closeWebSocket,
			KeepAlivePingInterval: 15 * time.Second,
			PingPongInterval:      20 * time.Second,
		},
		transport.SSE{KeepAlivePingInterval: 15 * time.Second},
	}
}
