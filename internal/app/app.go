// Package app assembles a Flowline process from its configuration: the roles it runs (the
// HTTP API, the worker: execution engine, scheduler and e-mail sender), their shared database
// and a graceful stop. server.go only hands it the command line.
package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/accounts"
	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/config"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/metrics"
	"github.com/flowline/flowline/internal/workflowstore"
)

// usage lists the subcommands; `flowline help` and `--help` print it.
const usage = `Flowline: workflow automation for a CRM, served as a GraphQL API.

Usage:
  flowline [serve] [flags]   run the server (the default; flowline serve --help lists the flags)
  flowline migrate [flags]   create or upgrade the database schema, then exit
  flowline user create ...   create a user (and an API token); flowline user create --help
  flowline bench [flags]     load a running server with a GraphQL request and report req/s
                             and latency percentiles; flowline bench --help
  flowline bench suite ...   seed PostgreSQL, run this server and pgbench, write a report
                             (see BENCHMARKS.md); flowline bench suite --help
  flowline version           print the version
  flowline help              print this help

Every flag is also an environment variable (--database-url is DATABASE_URL); the flag wins.
`

// Exit codes of Main.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2 // an unknown subcommand, flag or argument
)

// Main runs the flowline command with its arguments (without the program name) and returns
// the process's exit code: a server with the roles the configuration names until SIGINT or
// SIGTERM, or one of the subcommands in usage.
func Main(args []string, stdout, stderr io.Writer) int {
	cmd, rest := "serve", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, rest = args[0], args[1:]
	}
	if len(args) == 1 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		cmd = "help"
	}
	var err error
	switch cmd {
	case "serve":
		err = serve(rest, stderr)
	case "migrate":
		err = migrate(rest, stderr)
	case "user":
		err = accounts.RunCLI(context.Background(), rest, os.Getenv, os.Stdin, stdout, stderr)
	case "bench":
		err = bench(rest, stdout, stderr)
	case "version":
		if len(rest) > 0 {
			err = usageErrorf("version takes no arguments, got %q", rest[0])
			break
		}
		_, _ = fmt.Fprintln(stdout, "flowline", Version())
	case "help":
		_, _ = fmt.Fprint(stdout, usage)
	default:
		err = usageErrorf("unknown command %q", cmd)
	}
	var ue *usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		return ExitOK // the flag package printed the flags
	case errors.As(err, &ue):
		_, _ = fmt.Fprintf(stderr, "flowline: %v\n\n%s", err, usage)
		return ExitUsage
	default:
		_, _ = fmt.Fprintln(stderr, "flowline:", err)
		return ExitError
	}
}

// usageError is a command line that names no known command, flag or argument.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// Version is the module version of the binary, or its VCS revision for a development build.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	version := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && (version == "" || version == "(devel)") {
			version = "(devel) " + s.Value
		}
	}
	return version
}

// loadConfig reads the flags and environment of serve and migrate.
func loadConfig(name string, args []string, stderr io.Writer) (config.Config, error) {
	cfg, err := config.Parse(name, args, os.Getenv, stderr)
	var bad *config.FlagError
	if errors.As(err, &bad) {
		return cfg, usageErrorf("%v", bad.Err)
	}
	return cfg, err
}

// migrate creates or upgrades the schema and exits.
func migrate(args []string, stderr io.Writer) error {
	cfg, err := loadConfig("flowline migrate", args, stderr)
	if err != nil {
		return err
	}
	ctx := context.Background()
	db, err := database.Open(ctx, cfg.DatabaseURL, dbOptions(cfg))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	st, err := db.MigrationStatus(ctx)
	if err != nil {
		return err
	}
	_, _ = fmt.Fprintf(stderr, "flowline: schema up to date (migration %s) on %s\n", st.Applied, database.Redact(db.URL))
	return nil
}

// serve runs a server process.
func serve(args []string, stderr io.Writer) error {
	cfg, err := loadConfig("flowline serve", args, stderr)
	if err != nil {
		return err
	}
	tuneGC()
	logOpts := &slog.HandlerOptions{Level: cfg.LogLevel}
	var handler slog.Handler = slog.NewTextHandler(os.Stderr, logOpts)
	if cfg.LogJSON {
		handler = slog.NewJSONHandler(os.Stderr, logOpts)
	}
	logger := slog.New(handler)
	slog.SetDefault(logger)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := database.Open(ctx, cfg.DatabaseURL, dbOptions(cfg))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	logger.Info("database ready", "dialect", db.Dialect, "url", database.Redact(db.URL))
	n, err := workflowstore.InstallTemplates(authz.System(ctx, authz.ReasonTemplateLibrary), db.Client)
	if err != nil {
		return err
	}
	logger.Info("template library ready", "installed", n)
	tokens, err := sessionTokens(cfg, logger)
	if err != nil {
		return err
	}
	if cfg.Engine.API && !cfg.Production && db.Dialect == database.SQLite {
		if err := printDevAdmin(ctx, db); err != nil {
			return err
		}
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	hub, closeBus, err := startLive(ctx, cfg, db, logger)
	if err != nil {
		return err
	}
	defer closeBus()
	errc := make(chan error, 3)
	metrics.QueueDepth(func() (float64, error) { return queueDepth(ctx, db) })
	if cfg.MetricsAddr != "" {
		msrv := &http.Server{Addr: cfg.MetricsAddr, Handler: metricsMux(), ReadHeaderTimeout: 10 * time.Second}
		go func() {
			logger.Info("metrics listening", "addr", cfg.MetricsAddr)
			errc <- msrv.ListenAndServe()
		}()
		defer msrv.Close()
	}
	if cfg.PprofAddr != "" {
		psrv := &http.Server{Addr: cfg.PprofAddr, Handler: pprofMux(), ReadHeaderTimeout: 10 * time.Second}
		go func() {
			logger.Info("profiler listening", "addr", cfg.PprofAddr, "path", "/debug/pprof/")
			errc <- psrv.ListenAndServe()
		}()
		defer psrv.Close()
	}
	var srv *http.Server
	// The worker starts first, so the API's readiness can watch its loop.
	var (
		workerDone <-chan struct{}
		eng        *engine.Engine
	)
	if cfg.Engine.Worker {
		if workerDone, eng, err = startWorker(ctx, db, cfg, logger); err != nil {
			return err
		}
	}
	if cfg.Engine.API {
		srv = newHTTPServer(cfg, db, tokens, logger, workerReady(eng), hub)
		go func() {
			if cfg.Playground {
				logger.Info("listening", "addr", cfg.Addr, "playground", playgroundURL(cfg.Addr))
			} else {
				logger.Info("listening", "addr", cfg.Addr, "graphql", playgroundURL(cfg.Addr)+"query")
			}
			errc <- srv.ListenAndServe()
		}()
	}

	var serveErr error
	select {
	case err := <-errc:
		serveErr = fmt.Errorf("serve http: %w", err)
	case <-ctx.Done():
	}
	cancel()
	logger.Info("shutting down", "timeout", cfg.ShutdownTimeout)
	if srv != nil {
		shutdownCtx, cancelShutdown := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancelShutdown()
		if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("shut down http: %w", err)
		}
	}
	if workerDone != nil {
		<-workerDone
	}
	return serveErr
}

// metricsMux serves /metrics alone, for METRICS_ADDR.
func metricsMux() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics.Handler())
	return mux
}

// queueDepth counts the executions due now and not yet claimed.
func queueDepth(ctx context.Context, db *database.DB) (float64, error) {
	ctx, cancel := context.WithTimeout(authz.System(ctx, authz.ReasonEngineBookkeeping), 2*time.Second)
	defer cancel()
	// Counted per partial index (ordinary and gated executions), each read through its own.
	now := database.Now()
	var total int
	for _, gated := range []bool{false, true} {
		n, err := db.Client.WorkflowExecution.Query().
			Where(workflowexecution.StatusEQ(workflowexecution.StatusPENDING), workflowexecution.RunAtLTE(now),
				workflowexecution.FlowGated(gated)).
			Count(ctx)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return float64(total), nil
}

// dbOptions opens the database as cfg says: STATEMENT_CACHE=0 turns the cache off, which
// database.Options spells as a negative size.
func dbOptions(cfg config.Config) database.Options {
	if cfg.StatementCache == 0 {
		return database.Options{StatementCache: -1}
	}
	return database.Options{StatementCache: cfg.StatementCache}
}
