package app

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestProfilerServesOnItsOwnMux(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(pprofMux())
	defer srv.Close()
	res, err := http.Get(srv.URL + "/debug/pprof/goroutine?debug=1")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "goroutine profile") {
		t.Fatalf("status %d: %.200s", res.StatusCode, body)
	}
	// METRICS_ADDR's mux has no profiler. (Importing net/http/pprof also registers it on
	// http.DefaultServeMux, which Flowline never serves.)
	if _, pattern := metricsMux().(*http.ServeMux).Handler(httptest.NewRequest(http.MethodGet, "/debug/pprof/", nil)); pattern != "" {
		t.Fatalf("the metrics mux serves %s", pattern)
	}
}
