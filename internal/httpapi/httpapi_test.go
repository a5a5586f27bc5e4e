package httpapi_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/testsupport"
)

func TestRoutes(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)

		t.Run("healthz", func(t *testing.T) {
			res, err := http.Get(api.Server.URL + "/healthz")
			if err != nil {
				t.Fatalf("healthz: %v %v", res, err)
			}
			defer res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("healthz: %v %v", res, err)
			}
		})
		t.Run("playground at /", func(t *testing.T) {
			res, err := http.Get(api.Server.URL + "/")
			if err != nil {
				t.Fatalf("playground: %v %v", res, err)
			}
			defer res.Body.Close()
			if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Type"), "text/html") {
				t.Fatalf("playground: %v %v", res, err)
			}
		})
		t.Run("GET query works", func(t *testing.T) {
			res := api.Raw(http.MethodGet, "/query?query="+url.QueryEscape("{ workflows(first: 1) { totalCount } }"), "", nil)
			if res.Status != http.StatusOK || len(res.Errors) > 0 {
				t.Fatalf("GET query: %+v", res)
			}
		})
		t.Run("GET mutation refused", func(t *testing.T) {
			res := api.Raw(http.MethodGet, "/query?query="+url.QueryEscape(`mutation { createUser(input: {email: "x@example.com", name: "X"}) { id } }`), "", nil)
			if res.Status == http.StatusOK || len(res.Errors) == 0 {
				t.Fatalf("GET mutation was not refused: %+v", res)
			}
			if n := db.Client.User.Query().Where(user.Email("x@example.com")).CountX(testsupport.Ctx()); n != 0 {
				t.Fatalf("GET mutation wrote %d users", n)
			}
		})
		t.Run("text/plain POST refused", func(t *testing.T) {
			res := api.Raw(http.MethodPost, "/query", "text/plain", []byte(`{"query":"{ __typename }"}`))
			if res.Status != http.StatusUnsupportedMediaType {
				t.Fatalf("text/plain POST: status %d", res.Status)
			}
		})
		t.Run("batch refused", func(t *testing.T) {
			res := api.Raw(http.MethodPost, "/query", "application/json", []byte(`[{"query":"{ __typename }"}]`))
			if res.Status != http.StatusBadRequest {
				t.Fatalf("batch: status %d", res.Status)
			}
		})
		t.Run("request id on internal errors", func(t *testing.T) {
			res, err := http.Get(api.Server.URL + "/healthz")
			if err != nil {
				t.Fatalf("no X-Request-Id: %v", err)
			}
			defer res.Body.Close()
			if res.Header.Get("X-Request-Id") == "" {
				t.Fatalf("no X-Request-Id: %v", err)
			}
		})
	})
}
