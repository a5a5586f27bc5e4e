// Package config reads Flowline's settings from command-line flags and the environment.
// A flag wins over its environment variable, which wins over the default.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/flowline/flowline/internal/database"
)

// Config is everything the server process can be told.
type Config struct {
	// DatabaseURL is a postgres:// URL; empty means the embedded SQLite file flowline.db.
	DatabaseURL string
	// Addr is the HTTP listen address.
	Addr string
	// MaxPageSize caps first/last on every connection.
	MaxPageSize int
	// MaxResponseBytes caps the size of one GraphQL answer.
	MaxResponseBytes int
	// LogLevel is debug, info, warn or error.
	LogLevel slog.Level
	// LogJSON writes logs as JSON lines (production's default) instead of text.
	LogJSON bool
	// ShutdownTimeout bounds the graceful stop.
	ShutdownTimeout time.Duration
	// Engine holds the roles and the execution engine's settings.
	Engine Engine
	// Retention is when old executions and e-mails are deleted (by the worker role).
	Retention Retention
	// Production is FLOWLINE_ENV=production: introspection, playground and field
	// suggestions default to off, JWT_SECRET is required, no development admin is created.
	Production bool
	// JWTSecret signs session tokens; empty in development means a random per-process secret.
	JWTSecret string
	// JWTTTL is the lifetime of a session token.
	JWTTTL time.Duration
	// CORSOrigins are the SPA origins allowed to call the API from a browser.
	CORSOrigins []string
	// RateLimit is requests per second per caller; RateBurst the burst. 0 disables.
	RateLimit float64
	RateBurst int
	// Introspection, Playground and FieldSuggestions default to !Production.
	Introspection, Playground, FieldSuggestions bool
	// Metrics serves /metrics on Addr to ADMIN tokens; MetricsAddr, when set, serves it
	// there without a token (bind it to an internal interface).
	Metrics     bool
	MetricsAddr string
	// PprofAddr, when set, serves the Go profiler there (off by default).
	PprofAddr string
	// StatementCache is how many statements (parameterised ones, reads) a PostgreSQL pool keeps prepared;
	// 0 none.
	StatementCache int
	// ViewerCacheTTL is how long who a token belongs to is remembered.
	ViewerCacheTTL time.Duration
	// RunningRequests is how many queries and mutations run at once; the others queue in
	// arrival order. 0 runs every one as it arrives.
	RunningRequests int
	// Live configures subscriptions.
	Live Live
}

// Setting documents one configuration knob; the README's table is written from these.
type Setting struct {
	Flag, Env, Default, Help string
}

// Settings lists every knob in the order the README documents them.
var Settings = append([]Setting{
	{"database-url", "DATABASE_URL", "", "PostgreSQL URL (postgres://user@host:5432/db?sslmode=disable), or sqlite:PATH / file:PATH; empty = embedded SQLite file flowline.db"},
	{"addr", "ADDR", ":8080", "HTTP listen address"},
	{"statement-cache", "STATEMENT_CACHE", "256", "parameterised statements and reads without parameters each PostgreSQL connection keeps prepared (one round trip and, after a few runs, no planning per statement); 0 = none, for a connection pooler that cannot keep prepared statements"},
	{"max-page-size", "MAX_PAGE_SIZE", "100", "largest first/last a connection accepts; larger values are refused"},
	{"max-response-bytes", "MAX_RESPONSE_BYTES", "4194304", "largest GraphQL answer in bytes; a larger one is replaced by a RESPONSE_TOO_LARGE error"},
	{"running-requests", "RUNNING_REQUESTS", "auto", "queries and mutations that run at once in this process; more wait their turn in arrival order (up to 1,000, then SERVER_BUSY), so under a burst the slowest answers come about as soon as the typical one; auto = 4 per CPU (GOMAXPROCS); 0 = no limit (raise it when the database is far away). Subscriptions are not counted"},
	{"log-level", "LOG_LEVEL", "info", "debug, info, warn or error"},
	{"log-format", "LOG_FORMAT", "", "text or json; default text in development, json in production"},
	{"shutdown-timeout", "SHUTDOWN_TIMEOUT", "15s", "how long a graceful stop waits for requests in flight"},
	{"env", "FLOWLINE_ENV", "development", "development or production (production: no introspection, playground or suggestions unless enabled, JWT_SECRET required, no development admin)"},
	{"jwt-secret", "JWT_SECRET", "", "secret (at least 32 bytes) that signs session tokens; required in production, random per process in development"},
	{"jwt-ttl", "JWT_TTL", "15m", "lifetime of a session token from login"},
	{"cors-origins", "CORS_ORIGINS", "", "comma-separated SPA origins allowed to call the API from a browser (none by default)"},
	{"rate-limit", "RATE_LIMIT", "20", "requests per second per caller (API token, user, or address when anonymous); 0 disables"},
	{"rate-burst", "RATE_BURST", "40", "requests a caller may send at once before the rate limit applies"},
	{"introspection", "INTROSPECTION", "", "true/false; default true in development, false in production"},
	{"playground", "PLAYGROUND", "", "true/false: GraphiQL at /; default true in development, false in production"},
	{"field-suggestions", "FIELD_SUGGESTIONS", "", "true/false: \"Did you mean\" hints in errors; default true in development, false in production"},
	{"viewer-cache-ttl", "VIEWER_CACHE_TTL", "1s", "how long who a token belongs to is remembered (0s to 1s): a revoked token or changed role applies within it, on every replica"},
	{"metrics", "METRICS", "true", "true/false: Prometheus metrics at /metrics on the API address, for ADMIN tokens"},
	{"metrics-addr", "METRICS_ADDR", "", "a separate address (e.g. 127.0.0.1:9090) serving /metrics without a token, in every role; empty = none"},
	{"pprof-addr", "PPROF_ADDR", "", "a separate address (e.g. 127.0.0.1:6060) serving Go's profiler at /debug/pprof/ without a token, in every role; empty = off. Bind it to loopback"},
	{"allow-sqlite-in-production", "ALLOW_SQLITE_IN_PRODUCTION", "false", "true lets a production process run on the embedded SQLite database (one process only)"},
}, slices.Concat(engineSettings, retentionSettings, liveSettings)...)

// FlagError is a command line the flags do not accept: an unknown flag, a flag without its
// value, or a stray argument.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// Load parses args (without the program name) with getenv supplying defaults.
func Load(args []string, getenv func(string) string) (Config, error) {
	return Parse("flowline", args, getenv, os.Stderr)
}

// Parse is Load for the command called name, writing flag help and errors to out. -h and
// --help return flag.ErrHelp after printing the flags; an unknown flag or a stray argument is
// a *FlagError.
func Parse(name string, args []string, getenv func(string) string, out io.Writer) (Config, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	vals := make(map[string]*string, len(Settings))
	for _, s := range Settings {
		def := s.Default
		if v := getenv(s.Env); v != "" {
			def = v
		}
		vals[s.Flag] = fs.String(s.Flag, def, s.Help+" (env "+s.Env+")")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return Config{}, err
		}
		return Config{}, &FlagError{Err: err}
	}
	if fs.NArg() > 0 {
		return Config{}, &FlagError{Err: fmt.Errorf("unexpected argument %q (flags start with -)", fs.Arg(0))}
	}
	var cfg Config
	cfg.DatabaseURL = *vals["database-url"]
	if err := database.CheckURL(cfg.DatabaseURL); err != nil {
		return Config{}, err
	}
	cfg.Addr = *vals["addr"]
	n, err := strconv.Atoi(*vals["max-page-size"])
	if err != nil || n < 1 || n > 10000 {
		return Config{}, fmt.Errorf("max-page-size must be a whole number from 1 to 10000, got %q", *vals["max-page-size"])
	}
	cfg.MaxPageSize = n
	if cfg.StatementCache, err = strconv.Atoi(*vals["statement-cache"]); err != nil || cfg.StatementCache < 0 || cfg.StatementCache > 10000 {
		return Config{}, fmt.Errorf("statement-cache must be a whole number from 0 to 10000, got %q", *vals["statement-cache"])
	}
	n, err = strconv.Atoi(*vals["max-response-bytes"])
	if err != nil || n < 64<<10 || n > 1<<30 {
		return Config{}, fmt.Errorf("max-response-bytes must be a whole number from 65536 to 1073741824, got %q", *vals["max-response-bytes"])
	}
	cfg.MaxResponseBytes = n
	if cfg.RunningRequests, err = runningRequests(*vals["running-requests"]); err != nil {
		return Config{}, err
	}
	if err := cfg.LogLevel.UnmarshalText([]byte(strings.ToUpper(*vals["log-level"]))); err != nil {
		return Config{}, fmt.Errorf("log-level must be debug, info, warn or error, got %q", *vals["log-level"])
	}
	d, err := time.ParseDuration(*vals["shutdown-timeout"])
	if err != nil || d <= 0 {
		return Config{}, fmt.Errorf("shutdown-timeout must be a positive duration like 15s, got %q", *vals["shutdown-timeout"])
	}
	cfg.ShutdownTimeout = d
	if cfg.Engine, err = loadEngine(vals); err != nil {
		return Config{}, err
	}
	if cfg.Retention, err = loadRetention(vals); err != nil {
		return Config{}, err
	}
	if cfg.Live, err = loadLive(vals); err != nil {
		return Config{}, err
	}

	switch env := *vals["env"]; env {
	case "development", "":
	case "production":
		cfg.Production = true
	default:
		return Config{}, fmt.Errorf("env must be development or production, got %q", env)
	}
	switch f := *vals["log-format"]; f {
	case "":
		cfg.LogJSON = cfg.Production
	case "json", "text":
		cfg.LogJSON = f == "json"
	default:
		return Config{}, fmt.Errorf("log-format must be text or json, got %q", f)
	}
	if cfg.Metrics, err = strconv.ParseBool(*vals["metrics"]); err != nil {
		return Config{}, fmt.Errorf("metrics must be true or false, got %q", *vals["metrics"])
	}
	cfg.MetricsAddr = *vals["metrics-addr"]
	cfg.PprofAddr = *vals["pprof-addr"]
	if cfg.ViewerCacheTTL, err = time.ParseDuration(*vals["viewer-cache-ttl"]); err != nil || cfg.ViewerCacheTTL < 0 || cfg.ViewerCacheTTL > time.Second {
		return Config{}, fmt.Errorf("viewer-cache-ttl must be a duration from 0s to 1s, got %q", *vals["viewer-cache-ttl"])
	}
	cfg.JWTSecret = *vals["jwt-secret"]
	if cfg.JWTSecret != "" && len(cfg.JWTSecret) < 32 {
		return Config{}, fmt.Errorf("jwt-secret must be at least 32 bytes, got %d", len(cfg.JWTSecret))
	}
	allowSQLite, err := strconv.ParseBool(*vals["allow-sqlite-in-production"])
	if err != nil {
		return Config{}, fmt.Errorf("allow-sqlite-in-production must be true or false, got %q", *vals["allow-sqlite-in-production"])
	}
	if cfg.Production && !database.IsPostgresURL(cfg.DatabaseURL) && !allowSQLite {
		return Config{}, errors.New("production needs PostgreSQL (DATABASE_URL=postgres://...); the embedded SQLite database serves one process only (allow it with -allow-sqlite-in-production)")
	}
	if cfg.Production && cfg.JWTSecret == "" {
		return Config{}, fmt.Errorf("JWT_SECRET is required in production (at least 32 random bytes)")
	}
	if cfg.JWTTTL, err = time.ParseDuration(*vals["jwt-ttl"]); err != nil || cfg.JWTTTL < time.Minute || cfg.JWTTTL > 24*time.Hour {
		return Config{}, fmt.Errorf("jwt-ttl must be a duration from 1m to 24h, got %q", *vals["jwt-ttl"])
	}
	for _, o := range strings.Split(*vals["cors-origins"], ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.CORSOrigins = append(cfg.CORSOrigins, o)
		}
	}
	if cfg.RateLimit, err = strconv.ParseFloat(*vals["rate-limit"], 64); err != nil || cfg.RateLimit < 0 {
		return Config{}, fmt.Errorf("rate-limit must be a number of requests per second (0 disables), got %q", *vals["rate-limit"])
	}
	if cfg.RateBurst, err = strconv.Atoi(*vals["rate-burst"]); err != nil || cfg.RateBurst < 1 {
		return Config{}, fmt.Errorf("rate-burst must be a positive whole number, got %q", *vals["rate-burst"])
	}
	for _, b := range []struct {
		name string
		dst  *bool
	}{{"introspection", &cfg.Introspection}, {"playground", &cfg.Playground}, {"field-suggestions", &cfg.FieldSuggestions}} {
		v := *vals[b.name]
		if v == "" {
			*b.dst = !cfg.Production
			continue
		}
		on, err := strconv.ParseBool(v)
		if err != nil {
			return Config{}, fmt.Errorf("%s must be true or false, got %q", b.name, v)
		}
		*b.dst = on
	}
	return cfg, nil
}

// runningRequests reads RUNNING_REQUESTS: auto is four queries or mutations per CPU, enough
// to keep the CPUs busy while others wait on the database.
func runningRequests(v string) (int, error) {
	if v == "auto" {
		return 4 * runtime.GOMAXPROCS(0), nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 100000 {
		return 0, fmt.Errorf("running-requests must be auto or a whole number from 0 to 100000, got %q", v)
	}
	return n, nil
}
