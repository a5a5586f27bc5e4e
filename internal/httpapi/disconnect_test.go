package httpapi_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/httpapi"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestClientGoneIsNotAnError checks that a request whose client went away before its token
// was checked (a load tool stopping mid-request) logs no ERROR line.
func TestClientGoneIsNotAnError(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	api := testsupport.NewAPI(t, db)
	var logs lockedBuffer
	h := httpapi.New(httpapi.Options{DB: db.DB, Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})), Tokens: testsupport.TestTokens})

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query": "{ me { id } }"}`)).WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", api.Header.Get("Authorization"))
	h.ServeHTTP(httptest.NewRecorder(), req)

	logs.mu.Lock()
	out := logs.b.String()
	logs.mu.Unlock()
	if strings.Contains(out, `"level":"ERROR"`) {
		t.Fatalf("a client that went away was logged as an error:\n%s", out)
	}
	if !strings.Contains(out, "client went away") {
		t.Fatalf("the departure was not logged at debug level:\n%s", out)
	}
}
