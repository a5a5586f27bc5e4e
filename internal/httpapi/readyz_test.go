package httpapi_test

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/flowline/flowline/internal/httpapi"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestReadyz checks /readyz: 200 when the database answers and the worker's loop (when the
// process runs one) goes round, 503 naming the worker when it has stalled; no token needed.
func TestReadyz(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	for _, tt := range []struct {
		name   string
		worker func() error
		status int
		want   map[string]string
	}{
		{"API only", nil, http.StatusOK, map[string]string{"status": "ready", "database": "ok"}},
		{"worker running", func() error { return nil }, http.StatusOK, map[string]string{"status": "ready", "worker": "running"}},
		{"worker stalled", func() error { return errors.New("the worker loop has stalled") }, http.StatusServiceUnavailable,
			map[string]string{"status": "not ready", "worker": "the worker loop has stalled"}},
	} {
		h := httpapi.New(httpapi.Options{DB: db.DB, Logger: slog.New(slog.DiscardHandler), Tokens: testsupport.TestTokens, Ready: tt.worker})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		var body map[string]string
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d (%v)", tt.name, rec.Code, tt.status, body)
		}
		for k, v := range tt.want {
			if body[k] != v {
				t.Errorf("%s: %s = %q, want %q", tt.name, k, body[k], v)
			}
		}
	}
}
