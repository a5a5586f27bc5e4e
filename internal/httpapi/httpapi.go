// Package httpapi is Flowline's HTTP surface: the GraphQL endpoint with its transports,
// limits and error handling, the GraphiQL playground and the health check. server.go and the
// tests build the same handler through New, so tests exercise exactly what users reach.
package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/flowline/flowline/graph"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/httpapi/gqlguard"
	"github.com/flowline/flowline/internal/httpapi/inbound"
	"github.com/flowline/flowline/internal/httpapi/playground"
	"github.com/flowline/flowline/internal/metrics"
	"github.com/flowline/flowline/internal/reqid"
	"github.com/flowline/flowline/internal/workflow"
)

// MaxBodyBytes bounds a request body.
const MaxBodyBytes = 1 << 20

// MaxQueuedRequests bounds the queries and mutations waiting for one of
// Options.RunningRequests' slots; more are answered SERVER_BUSY.
const MaxQueuedRequests = 1000

// Anonymous login attempts per address: one a second, five at once.
const (
	loginRate  = 1.0
	loginBurst = 5
)

// Options configure the HTTP surface.
type Options struct {
	DB     *database.DB
	Logger *slog.Logger
	// MaxPageSize caps first/last (default 100).
	MaxPageSize int
	// Playground serves GraphiQL at "/".
	Playground bool
	// Introspection answers __schema and __type queries.
	Introspection bool
	// FieldSuggestions adds "Did you mean ...?" to validation errors (names of fields,
	// arguments and enum values); off, no message carries one.
	FieldSuggestions bool
	// Tokens signs and checks session tokens (login).
	Tokens auth.Tokens
	// CORSOrigins are the SPA origins allowed to call the API from a browser.
	CORSOrigins []string
	// RateLimit is requests per second per caller (token, or address when anonymous);
	// 0 disables it. RateBurst is the bucket size.
	RateLimit float64
	RateBurst int
	// MaxResponseBytes bounds a GraphQL answer (0: gqlguard.DefaultMaxResponseBytes).
	MaxResponseBytes int
	// Ready, when set, is the rest of /readyz beyond the database (the worker's loop).
	Ready func() error
	// ViewerCacheTTL keeps who a token belongs to for this long (0: looked up on every
	// request): a revoked token or a changed role takes at most this long to apply.
	ViewerCacheTTL time.Duration
	// Metrics serves Prometheus metrics at /metrics to ADMIN tokens (a separate
	// METRICS_ADDR serves them without a token instead).
	Metrics bool
	// RunningRequests bounds the queries and mutations that run at once; the others queue
	// (gqlguard.Admission; 0: no bound).
	RunningRequests int
	// Hub serves subscriptions (nil: subscriptions are refused).
	Hub *changes.Hub
	// ConnectionsPerCaller bounds a caller's WebSocket and SSE connections
	// (0: DefaultConnectionsPerCaller).
	ConnectionsPerCaller int
}

// New returns the routes: POST/GET /query, the playground at /, GET /healthz and the incoming
// webhooks at POST /hooks/{workflowId}.
func New(opts Options) http.Handler {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	mux := http.NewServeMux()
	authn := &authenticator{db: opts.DB, tokens: opts.Tokens, logger: opts.Logger,
		login: gqlguard.RateLimit(loginRate, loginBurst, gqlguard.ClientIP), viewers: newViewerCache(opts.ViewerCacheTTL)}
	// Every request, valid token or not, also counts against its address, at five times the
	// per-caller rate: a flood of made-up tokens or webhook calls is cut off before it costs
	// a database lookup each.
	perAddress := gqlguard.RateLimit(5*opts.RateLimit, 5*opts.RateBurst, gqlguard.ClientIP)
	// Outermost first: CORS answers preflights; cheap refusals (size, batching, CSRF) come
	// before authentication; the rate limit keys on the authenticated caller.
	maxResponse := opts.MaxResponseBytes
	if maxResponse <= 0 {
		maxResponse = gqlguard.DefaultMaxResponseBytes
	}
	live := newStreams(authn, opts.CORSOrigins, opts.ConnectionsPerCaller)
	perCaller := gqlguard.NewLimiter(opts.RateLimit, opts.RateBurst)
	srv := newGraphQL(opts, live, perCaller)
	gql := gqlguard.ResponseLimit(maxResponse)(graphQLOverHTTP(srv))
	// Subscriptions over SSE take the same guards minus the response-size limit (a stream
	// has no size); WebSocket upgrades authenticate in connection_init.
	gql = streamsOr(live.sse(srv), gql)
	gql = gqlguard.RejectNUL(gql)
	gql = perCaller.Middleware(rateKey)(gql)
	gql = authn.middleware(gql)
	gql = perAddress(gql)
	gql = gqlguard.CSRF(gql)
	gql = gqlguard.RejectBatch(gql)
	gql = gqlguard.BodyLimit(MaxBodyBytes)(gql)
	gql = gqlguard.CORS(opts.CORSOrigins)(gql)
	mux.Handle("/query", upgradesOr(perAddress(live.webSocket(srv)), gql))
	mux.HandleFunc("GET /healthz", health(opts.DB))
	mux.HandleFunc("GET /readyz", ready(opts.DB, opts.Ready))
	mux.Handle("POST /hooks/{workflowId}", perAddress(gqlguard.BodyLimit(MaxBodyBytes)(inbound.Handler(opts.DB, opts.Logger))))
	mux.HandleFunc("GET "+workflow.SchemaURL, definitionSchema)
	if opts.Metrics {
		mux.Handle("GET /metrics", perAddress(authn.middleware(adminOnly(metrics.Handler()))))
	}
	if opts.Playground {
		mux.Handle("GET /{$}", playground.Page())
		mux.Handle("GET /playground/", playground.Assets())
	}
	return reqid.Middleware(accessLog(opts.Logger, mux))
}

// streamsOr sends SSE requests to stream and the rest to next.
func streamsOr(stream, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isStream(r) && !isUpgrade(r) {
			stream.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// upgradesOr sends WebSocket upgrades to upgrade and the rest to next.
func upgradesOr(upgrade, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isUpgrade(r) {
			upgrade.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func newGraphQL(opts Options, live *streams, perCaller *gqlguard.Limiter) http.Handler {
	srv := handler.New(graph.NewExecutableSchema(graph.Config{
		Resolvers: &graph.Resolver{Client: opts.DB.Client, Dialect: opts.DB.Dialect, Tokens: opts.Tokens, Hub: opts.Hub},
	}))
	for _, t := range live.transports() {
		srv.AddTransport(t)
	}
	srv.AddTransport(transport.Options{})
	// No multipart transports: multipart requests would bypass the CSRF content-type rule.
	srv.AddTransport(transport.GET{})
	srv.AddTransport(postTransport{}) // gqlgen's POST, without re-encoding the data (post.go)
	pageSize := opts.MaxPageSize
	if pageSize <= 0 {
		pageSize = gqlguard.DefaultMaxPageSize
	}
	srv.SetQueryCache(graph.DefaultingCache{Cache: lru.New[*ast.QueryDocument](1000), PageSize: pageSize})
	srv.SetParserTokenLimit(gqlguard.DefaultParserTokenLimit)
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(persistedQueries())
	srv.SetDisableSuggestion(!opts.FieldSuggestions)
	// The cost limit leaves room for the dashboard's widest query (20 workflows × 10
	// executions × 10 logs costs about 11,000) and refuses anything 4× larger.
	srv.Use(gqlguard.New(gqlguard.Limits{MaxPageSize: pageSize, MaxCost: 50000}))
	// Every mutation runs in one database transaction; resolvers reach it through
	// ent.FromContext, so a failing mutation writes nothing.
	srv.Use(transactioner{entgql.Transactioner{TxOpener: opts.DB.Client}})
	srv.AroundOperations(noteOperation)
	srv.AroundOperations(subscriptionsOnStreams)
	srv.AroundOperations(rateLimitWebSocket(perCaller))
	if admit := gqlguard.Admission(opts.RunningRequests, MaxQueuedRequests); admit != nil {
		srv.AroundOperations(admit)
	}
	srv.AroundOperations(graph.RevealOnce)
	srv.AroundOperations(graph.RenderPages)
	srv.AroundFields(graph.MarkResolverErrors)
	present := graph.ErrorPresenter(opts.Logger)
	if !opts.FieldSuggestions {
		present = graph.WithoutSuggestions(present)
	}
	srv.SetErrorPresenter(present)
	srv.AroundResponses(graph.CapErrors)
	srv.AroundResponses(countErrors)
	srv.SetRecoverFunc(graph.RecoverFunc(opts.Logger))
	return srv
}

// health answers 200 when the database answers within two seconds, 503 otherwise.
func health(db *database.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		status, body := http.StatusOK, map[string]string{"status": "ok"}
		if err := db.SQL.PingContext(ctx); err != nil {
			status, body = http.StatusServiceUnavailable, map[string]string{"status": "database unavailable"}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
	}
}

// ready answers 200 when this process can serve: the database answers and has every
// migration of this binary (applied at start, before anything was served) and, when the
// process runs the worker, its loop is going round; 503 with the reason otherwise.
func ready(db *database.DB, worker func() error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		status, body := http.StatusOK, map[string]string{"status": "ready", "database": "ok", "migrations": "applied"}
		if err := db.SQL.PingContext(ctx); err != nil {
			status, body["status"], body["database"] = http.StatusServiceUnavailable, "not ready", "unavailable"
		} else if st, err := db.MigrationStatus(ctx); err != nil || !st.UpToDate() {
			// One indexed read of the revisions table against the binary's last migration.
			body["migrations"] = "pending: the database is at " + st.Applied + ", this binary needs " + st.Latest
			if err != nil {
				body["migrations"] = "unknown: " + err.Error()
			}
			status, body["status"] = http.StatusServiceUnavailable, "not ready"
		}
		if worker != nil {
			body["worker"] = "running"
			if err := worker(); err != nil {
				status, body["status"], body["worker"] = http.StatusServiceUnavailable, "not ready", err.Error()
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
	}
}

// rateKey buckets requests by caller: the API token or user, else the client address.
func rateKey(r *http.Request) string {
	if v, ok := auth.FromContext(r.Context()); ok {
		return viewerRateKey(v)
	}
	return "ip:" + gqlguard.ClientIP(r)
}

// viewerRateKey is the rate-limit bucket of an authenticated caller.
func viewerRateKey(v auth.Viewer) string {
	if v.TokenID != "" {
		return "token:" + v.TokenID
	}
	return "user:" + v.UserID
}

// definitionSchema serves the JSON Schema of workflow definitions: documentation, public like
// the playground's introspection is in development.
func definitionSchema(w http.ResponseWriter, _ *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/schema+json")
	h.Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(definitionSchemaJSON)
}

var definitionSchemaJSON = workflow.DefinitionSchemaJSON()
