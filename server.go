// Command flowline serves the Flowline GraphQL API: workflow automation for a CRM.
//
//	go run .                                   # embedded SQLite (flowline.db), playground at http://localhost:8080/
//	DATABASE_URL=postgres://... go run .       # PostgreSQL
//
//	flowline -roles worker                      # a worker-only process (execution engine, e-mail sender)
//
// server.go only wires the parts together: configuration, database, migration, the roles
// (HTTP API, workers) and a graceful stop.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/internal/accounts"
	"github.com/flowline/flowline/internal/app"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/config"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/httpapi"
	"github.com/flowline/flowline/internal/workflowstore"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "flowline:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) > 0 && args[0] == "user" {
		return accounts.RunCLI(context.Background(), args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	}
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
	if cfg.Engine.API && !cfg.Production && db.Dialect == dialect.SQLite {
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
		if workerDone, err = app.Start(ctx, db, cfg, logger); err != nil {
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

// newHTTPServer builds the API role's HTTP server.
func newHTTPServer(cfg config.Config, db *database.DB, tokens auth.Tokens, logger *slog.Logger) *http.Server {
	return &http.Server{
		Addr: cfg.Addr,
		Handler: httpapi.New(httpapi.Options{
			DB:               db,
			Logger:           logger,
			MaxPageSize:      cfg.MaxPageSize,
			Playground:       cfg.Playground,
			Introspection:    cfg.Introspection,
			FieldSuggestions: cfg.FieldSuggestions,
			Tokens:           tokens,
			CORSOrigins:      cfg.CORSOrigins,
			RateLimit:        cfg.RateLimit,
			RateBurst:        cfg.RateBurst,
		}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// sessionTokens configures login's JWTs. Without JWT_SECRET (development only: config
// refuses it in production) a random secret is used, so sessions end when the process does.
func sessionTokens(cfg config.Config, logger *slog.Logger) (auth.Tokens, error) {
	secret := []byte(cfg.JWTSecret)
	if len(secret) == 0 {
		secret = make([]byte, 32)
		if _, err := rand.Read(secret); err != nil {
			return auth.Tokens{}, fmt.Errorf("generate session secret: %w", err)
		}
		if cfg.Engine.API { // only the API issues and checks sessions
			logger.Warn("JWT_SECRET is not set: using a random secret; sessions end when the server stops")
		}
	}
	return auth.Tokens{Secret: secret, Audience: "flowline", Issuer: "flowline", TTL: cfg.JWTTTL}, nil
}

// printDevAdmin creates the development admin on a database without users and prints a
// header ready to paste into the playground. It never runs in production.
func printDevAdmin(ctx context.Context, db *database.DB) error {
	token, err := accounts.EnsureDevAdmin(ctx, db.Client)
	if err != nil || token == "" {
		return err
	}
	fmt.Printf("\nDevelopment admin %s created. Paste this into the playground's Headers tab:\n\n"+
		"  {\"Authorization\": \"Bearer %s\"}\n\n"+
		"or use it from a shell:  curl -H 'Authorization: Bearer %s' ...\n"+
		"(Shown once. Create more with: go run . user create --email you@example.com --role ADMIN --token)\n\n",
		accounts.DevAdminEmail, token, token)
	return nil
}

// playgroundURL is where a browser on this machine reaches the playground: addr ":8080"
// means localhost, "127.0.0.1:18080" that host.
func playgroundURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + "/"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
