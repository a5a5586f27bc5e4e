package httpapi_test

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/httpapi"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestReadyz checks /readyz: 200 when the database answers and the worker's loop (when the
// process runs one) goes round, 503 naming the worker when it has stalled or the migrations
// when the database lacks one; no token needed.
func TestReadyz(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	for _, tt := range []struct {
		name   string
		worker func() error
		status int
		want   map[string]string
	}{
		{"API only", nil, http.StatusOK, map[string]string{"status": "ready", "database": "ok", "migrations": "applied"}},
		{"worker running", func() error { return nil }, http.StatusOK, map[string]string{"status": "ready", "worker": "running"}},
		{"worker stalled", func() error { return errors.New("the worker loop has stalled") }, http.StatusServiceUnavailable,
			map[string]string{"status": "not ready", "worker": "the worker loop has stalled"}},
	} {
		rec, body := getReadyz(t, db, tt.worker)
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

// TestReadyzMigrationPending: a database without the binary's last migration is not ready.
func TestReadyzMigrationPending(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	if _, err := db.SQL.Exec(`DELETE FROM ` + database.RevisionsTable); err != nil {
		t.Fatal(err)
	}
	rec, body := getReadyz(t, db, nil)
	if rec.Code != http.StatusServiceUnavailable || !strings.HasPrefix(body["migrations"], "pending:") {
		t.Errorf("status %d, body %v: want 503 with the migrations pending", rec.Code, body)
	}
}

func getReadyz(t *testing.T, db *testsupport.DB, worker func() error) (*httptest.ResponseRecorder, map[string]string) {
	t.Helper()
	h := httpapi.New(httpapi.Options{DB: db.DB, Logger: slog.New(slog.DiscardHandler), Tokens: testsupport.TestTokens, Ready: worker})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	var body map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("readyz: %v", err)
	}
	return rec, body
}
