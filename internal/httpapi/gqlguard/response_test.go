package gqlguard_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/httpapi/gqlguard"
)

// TestResponseLimitSendsWithContentLength: an answer within the limit is sent with its
// Content-Length, whether written piece by piece or handed whole; one past the limit is
// replaced by RESPONSE_TOO_LARGE either way.
func TestResponseLimitSendsWithContentLength(t *testing.T) {
	pieces := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Answer", "pieces")
		_, _ = w.Write([]byte(`{"data":`))
		_, _ = w.Write([]byte(`{"a":1}}`))
	})
	whole := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Answer", "whole")
		w.WriteHeader(http.StatusAccepted)
		w.(gqlguard.WholeWriter).WriteWhole([]byte(`{"data":`), []byte(`{"a":1}}`))
	})
	for _, tc := range []struct {
		name    string
		handler http.Handler
		status  int
	}{{"pieces", pieces, http.StatusOK}, {"whole", whole, http.StatusAccepted}} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			gqlguard.ResponseLimit(64)(tc.handler).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
			if rec.Code != tc.status || rec.Body.String() != `{"data":{"a":1}}` ||
				rec.Header().Get("Content-Length") != "16" || rec.Header().Get("X-Answer") != tc.name {
				t.Fatalf("got %d %q with headers %v", rec.Code, rec.Body.String(), rec.Header())
			}

			rec = httptest.NewRecorder()
			gqlguard.ResponseLimit(10)(tc.handler).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
			if !strings.Contains(rec.Body.String(), "RESPONSE_TOO_LARGE") || strings.Contains(rec.Body.String(), `"a"`) {
				t.Fatalf("over the limit: got %d %q", rec.Code, rec.Body.String())
			}
		})
	}
}
