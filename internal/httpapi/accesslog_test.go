package httpapi_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/flowline/flowline/internal/httpapi"
	"github.com/flowline/flowline/internal/testsupport"
)

// lockedBuffer is a log destination that handler goroutines may share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) lines() []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(l.b.String()), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == "request" {
			out = append(out, m)
		}
	}
	return out
}

// TestAccessLog checks the one line per request: method, path, operation name, status,
// duration, request id (the one the response carries) and caller.
func TestAccessLog(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	api := testsupport.NewAPI(t, db) // for a signed-in user and a token
	var logs lockedBuffer
	h := httpapi.New(httpapi.Options{DB: db.DB, Logger: slog.New(slog.NewJSONHandler(&logs, nil)), Tokens: testsupport.TestTokens})

	do := func(auth, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	ok := do(api.Header.Get("Authorization"), `{"query": "query Me { me { id } }", "operationName": "Me"}`)
	refused := do("", `{"query": "{ me { id } }"}`)

	lines := logs.lines()
	if len(lines) != 2 {
		t.Fatalf("%d access-log lines, want 2: %v", len(lines), lines)
	}
	want := []map[string]any{
		{"method": "POST", "path": "/query", "operation": "Me", "status": 200.0, "caller": api.User.ID.String(), "request_id": ok.Header().Get("X-Request-Id")},
		{"method": "POST", "path": "/query", "operation": "", "status": 401.0, "caller": "", "request_id": refused.Header().Get("X-Request-Id")},
	}
	for i, w := range want {
		for k, v := range w {
			if lines[i][k] != v {
				t.Errorf("line %d: %s = %v, want %v", i, k, lines[i][k], v)
			}
		}
		if _, has := lines[i]["duration_ms"]; !has {
			t.Errorf("line %d has no duration_ms", i)
		}
	}
}
