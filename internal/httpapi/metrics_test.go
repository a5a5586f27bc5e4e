package httpapi_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestMetricsEndpoint: /metrics answers ADMIN tokens only, in Prometheus' text format, with
// the requests and GraphQL errors the handler just served (labelled by operation and code).
func TestMetricsEndpoint(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPI(t, testsupport.Open(t, "sqlite3"))
	api.MustData(`query MetricsProbe { me { id } }`, nil, nil)
	api.MustFail(`query Broken { nope }`, nil, "GRAPHQL_VALIDATION_FAILED")

	get := func(c *testsupport.APIClient) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, c.Server.URL+"/metrics", nil)
		for k, v := range c.Header {
			req.Header[k] = v
		}
		res, err := c.Server.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	status, body := get(api)
	if status != http.StatusOK {
		t.Fatalf("ADMIN: %d %s", status, body)
	}
	for _, want := range []string{
		`flowline_http_requests_total{operation="MetricsProbe",route="/query",status="200"}`,
		`flowline_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}`,
		`flowline_http_request_duration_seconds_bucket{operation="MetricsProbe",route="/query"`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s\n%s", want, grepLines(body, "flowline_http"))
		}
	}
	if status, _ := get(api.As(api.NewUser(auth.RoleViewer))); status != http.StatusForbidden {
		t.Errorf("VIEWER: %d, want 403", status)
	}
	if status, _ := get(api.Anonymous()); status != http.StatusUnauthorized {
		t.Errorf("anonymous: %d, want 401", status)
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
