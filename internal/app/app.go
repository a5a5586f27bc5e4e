// Package app assembles a Flowline process from its configuration: the roles it runs (the
// HTTP API, the worker: execution engine, scheduler and e-mail sender), their shared database
// and a graceful stop. server.go only hands it the command line.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/flowline/flowline/internal/accounts"
	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/config"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/workflowstore"
)

// Main runs the flowline command with its arguments (without the program name): the user
// subcommand, or a server with the roles the configuration names, until SIGINT or SIGTERM.
func Main(args []string) error {
	if len(args) > 0 && args[0] == "user" {
		return accounts.RunCLI(context.Background(), args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	}
	return serve(args)
}

// serve runs a server process.
func serve(args []string) error {
	cfg, err := config.Load(args, os.Getenv)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	slog.SetDefault(logger)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := database.Open(ctx, cfg.DatabaseURL, database.Options{})
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
	errc := make(chan error, 1)
	var srv *http.Server
	if cfg.Engine.API {
		srv = newHTTPServer(cfg, db, tokens, logger)
		go func() {
			logger.Info("listening", "addr", cfg.Addr, "playground", playgroundURL(cfg.Addr))
			errc <- srv.ListenAndServe()
		}()
	}
	var workerDone <-chan struct{}
	if cfg.Engine.Worker {
		if workerDone, err = startWorker(ctx, db, cfg, logger); err != nil {
			return err
		}
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
