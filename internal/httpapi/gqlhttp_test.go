package httpapi_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestRequestErrorsFollowGraphQLOverHTTP checks the answers to a document that does not
// validate or parse: under application/json HTTP 200 with the errors, under
// application/graphql-response+json a 4xx without any "data" entry; a valid query is
// untouched either way.
func TestRequestErrorsFollowGraphQLOverHTTP(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPI(t, testsupport.Open(t, "sqlite3"))
	for _, tt := range []struct {
		accept, query string
		status        int
		hasData       bool
	}{
		{"application/json", `{ nope }`, http.StatusOK, true},
		{"application/json", `{ me {`, http.StatusOK, true},
		{"application/graphql-response+json", `{ nope }`, http.StatusBadRequest, false},
		{"application/graphql-response+json", `{ me {`, http.StatusBadRequest, false},
		{"application/json", `{ me { id } }`, http.StatusOK, true},
		{"application/graphql-response+json", `{ me { id } }`, http.StatusOK, true},
	} {
		body, _ := json.Marshal(map[string]string{"query": tt.query})
		req, err := http.NewRequest(http.MethodPost, api.Server.URL+"/query", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", tt.accept)
		req.Header.Set("Authorization", api.Header.Get("Authorization"))
		res, err := api.Server.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(res.Body)
		_ = res.Body.Close()
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(raw, &fields); err != nil {
			t.Fatalf("%s %q: %v (%s)", tt.accept, tt.query, err, raw)
		}
		_, hasData := fields["data"]
		if res.StatusCode != tt.status || hasData != tt.hasData {
			t.Errorf("%s %q: status %d, data present %v; want %d, %v (%s)", tt.accept, tt.query, res.StatusCode, hasData, tt.status, tt.hasData, raw)
		}
	}
}
