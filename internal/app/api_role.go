package app

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/flowline/flowline/internal/accounts"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/config"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/httpapi"
)

// newHTTPServer builds the API role's HTTP server.
func newHTTPServer(cfg config.Config, db *database.DB, tokens auth.Tokens, logger *slog.Logger, ready func() error, hub *changes.Hub) *http.Server {
	return &http.Server{
		Addr: cfg.Addr,
		Handler: httpapi.New(httpapi.Options{
			DB:               db,
			Logger:           logger,
			MaxPageSize:      cfg.MaxPageSize,
			MaxResponseBytes: cfg.MaxResponseBytes,
			Ready:            ready,
			Playground:       cfg.Playground,
			Introspection:    cfg.Introspection,
			FieldSuggestions: cfg.FieldSuggestions,
			Tokens:           tokens,
			CORSOrigins:      cfg.CORSOrigins,
			RateLimit:        cfg.RateLimit,
			RateBurst:        cfg.RateBurst,
			Metrics:          cfg.Metrics,
			ViewerCacheTTL:   cfg.ViewerCacheTTL,
			RunningRequests:  cfg.RunningRequests,
			Hub:              hub,

			ConnectionsPerCaller: cfg.Live.ConnectionsPerCaller,
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
	if err != nil {
		return err
	}
	if token == "" {
		fmt.Print("\nThe database already has users, so no development token was printed. Make one with:\n" +
			"  go run . user create --email you@example.com --role ADMIN --token\n\n")
		return nil
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
