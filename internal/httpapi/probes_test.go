package httpapi_test

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestHardeningProbes sends the OWASP GraphQL cheat sheet's probes through the real
// handler, authenticated as an admin (the most powerful caller): each is refused and
// nothing is written.
func TestHardeningProbes(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		// Each step is four levels deep: executions → edges → node → workflow.
		nested := func(depth int) string {
			n := depth / 4
			return "{ workflows(first: 1) { edges { node { " + strings.Repeat("executions(first: 1) { edges { node { workflow { ", n) +
				"id" + strings.Repeat(" } } } }", n) + " } } } }"
		}
		aliases := func(n int) string {
			var b strings.Builder
			b.WriteString("{")
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, " a%d: me { id }", i)
			}
			return b.String() + " }"
		}
		longQuery := "{ " + strings.Repeat("__typename ", 10000) + "}"
		for _, p := range []struct {
			name, query string
			codes       []string
		}{
			{"depth 20", nested(20), []string{"QUERY_TOO_DEEP"}},
			{"500 aliases", aliases(500), []string{"TOO_MANY_ALIASES"}},
			{"first: 1000000", `{ workflows(first: 1000000) { totalCount } }`, []string{"BAD_USER_INPUT"}},
			{"10,000-token query", longQuery, []string{"QUERY_TOO_COMPLEX", "GRAPHQL_PARSE_FAILED"}},
			{"where list with 5,000 values", `{ clients(where: {nameIn: [` + strings.Repeat(`"a" `, 5000) + `]}) { totalCount } }`, []string{"BAD_USER_INPUT"}},
			{"where with 1,000 conditions", `{ workflows(where: {or: [` + strings.Repeat(`{name: "a"} `, 1000) + `]}) { totalCount } }`, []string{"BAD_USER_INPUT"}},
			{"cost bomb", `{ workflows(first: 100) { edges { node { executions(first: 100) { edges { node { logs(first: 100) { totalCount } } } } } } } }`, []string{"QUERY_TOO_COMPLEX"}},
		} {
			t.Run(p.name, func(t *testing.T) {
				res := api.Do(p.query, nil)
				if len(res.Errors) == 0 || !contains(p.codes, res.Errors[0].Code()) {
					t.Fatalf("want %v, got status %d %+v", p.codes, res.Status, res.Errors)
				}
			})
		}
		mutation := `mutation { createUser(input: {email: "probe@example.com", name: "P"}) { id } }`
		t.Run("JSON batch", func(t *testing.T) {
			body := `[{"query":` + fmt.Sprintf("%q", mutation) + `},{"query":"{ me { id } }"}]`
			if res := api.Raw(http.MethodPost, "/query", "application/json", []byte(body)); res.Status != http.StatusBadRequest {
				t.Fatalf("batch: %+v", res)
			}
		})
		t.Run("GET mutation", func(t *testing.T) {
			if res := api.Raw(http.MethodGet, "/query?query="+url.QueryEscape(mutation), "", nil); res.Status == http.StatusOK {
				t.Fatalf("GET mutation: %+v", res)
			}
		})
		for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"} {
			t.Run("POST as "+ct, func(t *testing.T) {
				body := `{"query":` + fmt.Sprintf("%q", mutation) + `}`
				if res := api.Raw(http.MethodPost, "/query", ct, []byte(body)); res.Status != http.StatusUnsupportedMediaType {
					t.Fatalf("%s: %+v", ct, res)
				}
			})
		}
		t.Run("other methods", func(t *testing.T) {
			for _, m := range []string{http.MethodPut, http.MethodDelete, http.MethodPatch} {
				res := api.Raw(m, "/query", "application/json", []byte(`{"query":"{ me { id } }"}`))
				if res.Status != http.StatusMethodNotAllowed || len(res.Errors) != 1 || res.Errors[0].Code() != "METHOD_NOT_ALLOWED" {
					t.Errorf("%s: %d %+v", m, res.Status, res.Errors)
				}
			}
		})
		t.Run("WebSocket from a foreign origin", func(t *testing.T) {
			conn, err := net.Dial("tcp", strings.TrimPrefix(api.Server.URL, "http://"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "GET /query HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
				"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n%s\r\n",
				"Authorization: "+api.Header.Get("Authorization")+"\r\n")
			status, err := bufio.NewReader(conn).ReadString('\n')
			if err != nil || strings.Contains(status, "101") {
				t.Fatalf("websocket upgrade accepted: %q %v", status, err)
			}
		})
		t.Run("SQL-looking strings in every filter", func(t *testing.T) {
			evil := `'; DROP TABLE workflows; --`
			for _, q := range []string{
				`query($s: String!) { workflows(where: {nameContains: $s, or: [{descriptionContains: $s}, {name: $s}]}) { totalCount } }`,
				`query($s: String!) { clients(where: {nameContains: $s, or: [{emailContains: $s}, {phoneContains: $s}]}) { totalCount } }`,
				`query($s: String!) { users(where: {emailContains: $s, or: [{nameContains: $s}]}) { totalCount } }`,
				`query($s: String!) { tasks(where: {titleContains: $s}) { totalCount } }`,
				`query($s: String!) { workflowExecutions(where: {errorMessageContains: $s}) { totalCount } }`,
				`query($s: String!) { emails(where: {subjectContains: $s, or: [{toContains: $s}]}) { totalCount } }`,
			} {
				res := api.Do(q, map[string]any{"s": evil})
				if len(res.Errors) > 0 {
					t.Errorf("%s: %+v", q, res.Errors)
				}
			}
			api.MustData(`{ workflows { totalCount } }`, nil, nil) // the table is still there
		})
		t.Run("where list of 70,000 values in a variable", func(t *testing.T) {
			names := make([]string, 70000)
			for i := range names {
				names[i] = "n"
			}
			res := api.Do(`query($n: [String!]) { clients(where: {nameIn: $n}) { totalCount } }`, map[string]any{"n": names})
			if len(res.Errors) != 1 || res.Errors[0].Code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != "where" {
				t.Fatalf("%d %+v", res.Status, res.Errors)
			}
		})
		t.Run("undecodable bodies", func(t *testing.T) {
			for _, body := range []string{``, `{"query":"{ me { id } }","variables":"x"}`,
				`{"query":"{ me { id } }","variables":[1]}`, `{"query":"{ me { id } }" garbage`} {
				res := api.Raw(http.MethodPost, "/query", "application/json", []byte(body))
				if res.Status != http.StatusBadRequest || len(res.Errors) != 1 || res.Errors[0].Code() != "BAD_REQUEST" ||
					strings.Contains(res.Errors[0].Message, "body:") {
					t.Errorf("%q: %d %+v", body, res.Status, res.Errors)
				}
			}
		})
		t.Run("NUL characters", func(t *testing.T) {
			create := `mutation($in: CreateClientInput!) { createClient(input: $in) { id } }`
			for name, res := range map[string]testsupport.APIResponse{
				"in a variable":   api.Do(create, map[string]any{"in": map[string]any{"name": "a\x00b", "email": "nul@example.com"}}),
				"in a JSON value": api.Do(`mutation($d: Map) { createWorkflow(input: {name: "n", triggerType: MANUAL, actions: [{type: LOG_ACTIVITY, config: $d}]}) { id } }`, map[string]any{"d": map[string]any{"message": "a\x00b"}}),
				"in the query":    api.Do(`mutation { createClient(input: {name: "a\u0000b", email: "nul@example.com"}) { id } }`, nil),
				"braced escape":   api.Do(`mutation { createClient(input: {name: "a\u{0}b", email: "nul@example.com"}) { id } }`, nil),
				"text after the body": api.Raw(http.MethodPost, "/query", "application/json",
					[]byte(`{"query":"mutation($in: CreateClientInput!) { createClient(input: $in) { id } }","variables":{"in":{"name":"a\u0000b","email":"nul@example.com"}}} trailing`)),
			} {
				if res.Status != http.StatusBadRequest || len(res.Errors) != 1 || res.Errors[0].Code() != "BAD_USER_INPUT" {
					t.Errorf("%s: %d %+v", name, res.Status, res.Errors)
				}
			}
			if n := db.Client.Contact.Query().CountX(testsupport.Ctx()); n != 0 {
				t.Fatalf("%d clients written", n)
			}
		})
		if db.Client.User.Query().Where(user.Email("probe@example.com")).ExistX(testsupport.Ctx()) {
			t.Fatal("a probe created a user")
		}
	})
}

// TestProductionModeCORSAndRateLimit's subtests share one server and its rate-limit buckets
// (the first ones spend part of the burst that "rate limit per token" exhausts), so they run in
// order; the test itself is not parallel either, as tparallel wants a parallel test's subtests
// to be parallel too.
func TestProductionModeCORSAndRateLimit(t *testing.T) {
	db := testsupport.Open(t, "sqlite3")
	api := testsupport.NewAPIWith(t, db, testsupport.APIOptions{
		Production: true, CORSOrigins: []string{"https://app.example"}, RateLimit: 1, RateBurst: 3,
	})
	t.Run("introspection off", func(t *testing.T) {
		res := api.Do(`{ __schema { types { name } } }`, nil)
		if len(res.Errors) == 0 || res.Errors[0].Code() != "FORBIDDEN" {
			t.Fatalf("introspection answered in production: %s", res.Data)
		}
	})
	t.Run("no field suggestions", func(t *testing.T) {
		res := api.Do(`{ workflowz { totalCount } }`, nil)
		if len(res.Errors) == 0 || strings.Contains(res.Errors[0].Message, "Did you mean") {
			t.Fatalf("suggestion leaked: %+v", res.Errors)
		}
	})
	t.Run("no playground", func(t *testing.T) {
		res, err := http.Get(api.Server.URL + "/")
		if err != nil {
			t.Fatalf("GET /: %v", err)
		}
		defer res.Body.Close()
		if res.StatusCode == http.StatusOK {
			t.Fatalf("playground served in production: %v", res.StatusCode)
		}
	})
	t.Run("CORS allow-list", func(t *testing.T) {
		for origin, allowed := range map[string]bool{"https://app.example": true, "https://evil.example": false} {
			req, _ := http.NewRequest(http.MethodOptions, api.Server.URL+"/query", nil)
			req.Header.Set("Origin", origin)
			req.Header.Set("Access-Control-Request-Method", "POST")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if got := res.Header.Get("Access-Control-Allow-Origin") == origin; got != allowed {
				t.Errorf("origin %s: allowed=%v, want %v", origin, got, allowed)
			}
		}
	})
	t.Run("rate limit per token", func(t *testing.T) {
		var last testsupport.APIResponse
		for i := 0; i < 10; i++ {
			if last = api.Do(`{ me { id } }`, nil); last.Status == http.StatusTooManyRequests {
				break
			}
		}
		if last.Status != http.StatusTooManyRequests || last.Errors[0].Code() != "RATE_LIMITED" {
			t.Fatalf("no rate limit: %+v", last)
		}
		// Another caller has its own bucket.
		other := api.As(api.NewUser("VIEWER"))
		if res := other.Do(`{ me { id } }`, nil); res.Status != http.StatusOK {
			t.Fatalf("another caller was limited: %+v", res)
		}
		// Made-up tokens count against their address too, so a flood is cut off.
		bogus := api.Anonymous()
		bogus.Header.Set("Authorization", "Bearer flw_"+strings.Repeat("B", 43))
		limited := false
		for i := 0; i < 40 && !limited; i++ {
			limited = bogus.Do(`{ me { id } }`, nil).Status == http.StatusTooManyRequests
		}
		if !limited {
			t.Fatal("bad-token requests were never rate-limited")
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
