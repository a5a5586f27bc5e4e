package httpapi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestAutomaticPersistedQueries: a query sent once with its hash is then answered from the
// hash alone, over GET; an unknown hash asks for the query; a query longer than the cache
// keeps is answered but not remembered.
func TestAutomaticPersistedQueries(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPI(t, testsupport.Open(t, "sqlite3"))
	ext := func(query string) string {
		sum := sha256.Sum256([]byte(query))
		b, _ := json.Marshal(map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}})
		return string(b)
	}
	byHash := func(query string) testsupport.APIResponse {
		return api.Raw(http.MethodGet, "/query?extensions="+url.QueryEscape(ext(query)), "", nil)
	}
	query := `{ me { email } }`
	if res := byHash(query); len(res.Errors) != 1 || res.Errors[0].Code() != "PERSISTED_QUERY_NOT_FOUND" {
		t.Fatalf("unknown hash: %+v", res)
	}
	body, _ := json.Marshal(map[string]any{"query": query, "extensions": json.RawMessage(ext(query))})
	if res := api.Raw(http.MethodPost, "/query", "application/json", body); len(res.Errors) != 0 || !strings.Contains(string(res.Data), "email") {
		t.Fatalf("registering POST: %+v", res)
	}
	if res := byHash(query); len(res.Errors) != 0 || !strings.Contains(string(res.Data), "email") {
		t.Fatalf("GET by hash: %+v %s", res.Errors, res.Data)
	}

	long := `{ me { email } }` + strings.Repeat(" ", 40<<10)
	body, _ = json.Marshal(map[string]any{"query": long, "extensions": json.RawMessage(ext(long))})
	if res := api.Raw(http.MethodPost, "/query", "application/json", body); len(res.Errors) != 0 {
		t.Fatalf("long query: %+v", res.Errors)
	}
	if res := byHash(long); len(res.Errors) != 1 || res.Errors[0].Code() != "PERSISTED_QUERY_NOT_FOUND" {
		t.Fatalf("a long query was remembered: %+v", res)
	}
}
