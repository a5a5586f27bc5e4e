package gqlguard_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/httpapi/gqlguard"
)

// echo answers 200 with the request body it read.
var echo = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusTeapot)
		return
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
})

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// assertError checks status and the GraphQL-shaped body.
func assertError(t *testing.T, rec *httptest.ResponseRecorder, status int, code string) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status = %d, want %d (body %s)", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}
	var body struct {
		Errors []struct {
			Message    string            `json:"message"`
			Extensions map[string]string `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("body %q: %v", rec.Body, err)
	}
	if len(body.Errors) != 1 || body.Errors[0].Extensions["code"] != code || body.Errors[0].Message == "" {
		t.Fatalf("body = %s, want code %s", rec.Body, code)
	}
}

func jsonPost(body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return r
}

func TestWriteErrorShape(t *testing.T) {
	rec := httptest.NewRecorder()
	gqlguard.WriteError(rec, http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE", "request body too large (limit 1048576 bytes)")
	want := `{"errors":[{"message":"request body too large (limit 1048576 bytes)","extensions":{"code":"REQUEST_TOO_LARGE"}}]}` + "\n"
	if rec.Body.String() != want || rec.Code != 413 {
		t.Fatalf("got %d %q", rec.Code, rec.Body)
	}
}

func TestBodyLimit(t *testing.T) {
	h := gqlguard.BodyLimit(gqlguard.DefaultMaxBodyBytes)(echo)
	big := `{"query":"` + strings.Repeat(".", gqlguard.DefaultMaxBodyBytes) + `"}`

	// Declared length over the limit: refused before reading.
	rec := serve(h, jsonPost(big))
	assertError(t, rec, http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE")
	want := `{"errors":[{"message":"request body too large (limit 1048576 bytes)","extensions":{"code":"REQUEST_TOO_LARGE"}}]}` + "\n"
	if rec.Body.String() != want {
		t.Errorf("body = %s", rec.Body)
	}

	// Unknown length (chunked): same answer.
	r := jsonPost("")
	r.Body = io.NopCloser(strings.NewReader(big))
	r.ContentLength = -1
	assertError(t, serve(h, r), http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE")

	// Within the limit, declared or not: passed on intact.
	ok := `{"query":"{ item { id } }"}`
	if rec := serve(h, jsonPost(ok)); rec.Code != 200 || rec.Body.String() != ok {
		t.Fatalf("got %d %s", rec.Code, rec.Body)
	}
	r = jsonPost("")
	r.Body = io.NopCloser(strings.NewReader(ok))
	r.ContentLength = -1
	if rec := serve(h, r); rec.Code != 200 || rec.Body.String() != ok {
		t.Fatalf("got %d %s", rec.Code, rec.Body)
	}
	// A lying Content-Length cannot read past the limit either.
	small := gqlguard.BodyLimit(10)(echo)
	r = jsonPost(strings.Repeat("x", 100))
	r.ContentLength = 5
	if rec := serve(small, r); rec.Code == 200 && rec.Body.Len() > 10 {
		t.Fatalf("read %d bytes past a 10-byte limit", rec.Body.Len())
	}
}

func TestRejectBatch(t *testing.T) {
	h := gqlguard.RejectBatch(echo)
	for _, body := range []string{`[{"query":"{ item { id } }"}]`, " \r\n\t [ {}]", strings.Repeat(" ", 2000) + "[]"} {
		assertError(t, serve(h, jsonPost(body)), http.StatusBadRequest, "BATCHING_NOT_SUPPORTED")
	}
	// Not a batch: the handler reads the whole, unconsumed body.
	for _, body := range []string{`{"query":"{ item { id } }"}`, "  \n" + `{"query":"[x]"}`, strings.Repeat(" ", 3000) + "{}", ""} {
		if rec := serve(h, jsonPost(body)); rec.Code != 200 || rec.Body.String() != body {
			t.Fatalf("body %q: got %d %q", body, rec.Code, rec.Body)
		}
	}
	// GET is not inspected.
	if rec := serve(h, httptest.NewRequest(http.MethodGet, "/query?query=%7Bx%7D", nil)); rec.Code != 200 {
		t.Fatalf("GET: %d", rec.Code)
	}
}

func TestCSRF(t *testing.T) {
	h := gqlguard.CSRF(echo)
	for _, ct := range []string{"text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "", "application/jsonx", "application/graphql"} {
		r := jsonPost(`{"query":"{ item { id } }"}`)
		if ct == "" {
			r.Header.Del("Content-Type")
		} else {
			r.Header.Set("Content-Type", ct)
		}
		assertError(t, serve(h, r), http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE")
	}
	for _, ct := range []string{"application/json", "application/json; charset=utf-8", "Application/JSON", "application/graphql-response+json"} {
		r := jsonPost(`{}`)
		r.Header.Set("Content-Type", ct)
		if rec := serve(h, r); rec.Code != 200 {
			t.Fatalf("%s: %d %s", ct, rec.Code, rec.Body)
		}
	}

	get := func(query, opName string) *httptest.ResponseRecorder {
		v := url.Values{"query": {query}}
		if opName != "" {
			v.Set("operationName", opName)
		}
		return serve(h, httptest.NewRequest(http.MethodGet, "/query?"+v.Encode(), nil))
	}
	for _, c := range []struct{ query, op string }{
		{`mutation { touch { id } }`, ""},
		{`subscription { ticks }`, ""},
		{`query A { item { id } } mutation B { touch { id } }`, "B"},
	} {
		rec := get(c.query, c.op)
		assertError(t, rec, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED")
		if rec.Header().Get("Allow") != "POST" {
			t.Errorf("Allow = %q", rec.Header().Get("Allow"))
		}
	}
	for _, c := range []struct{ query, op string }{
		{`{ item { id } }`, ""},
		{`query A { item { id } } mutation B { touch { id } }`, "A"},
		{`not graphql {`, ""}, // left to gqlgen
		{"", ""},
	} {
		if rec := get(c.query, c.op); rec.Code != 200 {
			t.Fatalf("%q: %d %s", c.query, rec.Code, rec.Body)
		}
	}
}

func TestCORS(t *testing.T) {
	const spa = "https://app.example.com"
	h := gqlguard.CORS([]string{spa})(echo)

	// No Origin: untouched.
	rec := serve(h, jsonPost(`{}`))
	if rec.Code != 200 || rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("no origin: %d %v", rec.Code, rec.Header())
	}

	// Allowed origin.
	r := jsonPost(`{}`)
	r.Header.Set("Origin", spa)
	rec = serve(h, r)
	hd := rec.Header()
	if rec.Code != 200 || hd.Get("Access-Control-Allow-Origin") != spa || hd.Get("Vary") != "Origin" ||
		hd.Get("Access-Control-Allow-Headers") != "Authorization, Content-Type" ||
		hd.Get("Access-Control-Allow-Methods") != "GET, POST, OPTIONS" {
		t.Fatalf("allowed: %d %v", rec.Code, hd)
	}

	// Allowed preflight: 204, handler not reached.
	r = httptest.NewRequest(http.MethodOptions, "/query", nil)
	r.Header.Set("Origin", spa)
	r.Header.Set("Access-Control-Request-Method", "POST")
	r.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
	rec = serve(h, r)
	if rec.Code != http.StatusNoContent || rec.Header().Get("Access-Control-Allow-Origin") != spa {
		t.Fatalf("preflight: %d %v", rec.Code, rec.Header())
	}

	// Disallowed origin: no CORS headers; its preflight is 403.
	for _, origin := range []string{"https://evil.example", "https://app.example.com.evil.example", "null", "https://APP.example.com"} {
		r = jsonPost(`{}`)
		r.Header.Set("Origin", origin)
		rec = serve(h, r)
		if rec.Code != 200 || rec.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Fatalf("%s: %d %v", origin, rec.Code, rec.Header())
		}
		r = httptest.NewRequest(http.MethodOptions, "/query", nil)
		r.Header.Set("Origin", origin)
		r.Header.Set("Access-Control-Request-Method", "POST")
		rec = serve(h, r)
		assertError(t, rec, http.StatusForbidden, "FORBIDDEN")
		if rec.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Fatalf("%s preflight carries CORS headers", origin)
		}
	}

	// No origins configured (the default): every cross-origin preflight refused.
	r = httptest.NewRequest(http.MethodOptions, "/query", nil)
	r.Header.Set("Origin", spa)
	assertError(t, serve(gqlguard.CORS(nil)(echo), r), http.StatusForbidden, "FORBIDDEN")
}

func TestOriginAllowed(t *testing.T) {
	allowed := []string{"https://app.example.com", "http://localhost:5173"}
	for origin, want := range map[string]bool{
		"https://app.example.com":     true,
		"http://localhost:5173":       true,
		"":                            false,
		"https://app.example.com/":    false,
		"http://app.example.com":      false,
		"https://app.example.com:443": false,
		"http://localhost:5174":       false,
		"null":                        false,
	} {
		if got := gqlguard.OriginAllowed(origin, allowed); got != want {
			t.Errorf("OriginAllowed(%q) = %v", origin, got)
		}
	}
	if gqlguard.OriginAllowed("https://app.example.com", nil) {
		t.Error("empty allow-list allows")
	}
}

func TestRateLimit(t *testing.T) {
	key := func(r *http.Request) string { return r.Header.Get("Authorization") }
	h := gqlguard.RateLimit(1, 2, key)(echo)
	req := func(token string) *httptest.ResponseRecorder {
		r := jsonPost(`{}`)
		r.Header.Set("Authorization", token)
		return serve(h, r)
	}
	for i := range 2 {
		if rec := req("Bearer a"); rec.Code != 200 {
			t.Fatalf("request %d: %d", i, rec.Code)
		}
	}
	rec := req("Bearer a")
	assertError(t, rec, http.StatusTooManyRequests, "RATE_LIMITED")
	if ra := rec.Header().Get("Retry-After"); ra != "1" {
		t.Errorf("Retry-After = %q, want 1", ra)
	}
	want := `{"errors":[{"message":"rate limit exceeded","extensions":{"code":"RATE_LIMITED"}}]}` + "\n"
	if rec.Body.String() != want {
		t.Errorf("body = %s", rec.Body)
	}
	// Another key has its own bucket; a huge key is fine.
	if rec := req("Bearer b"); rec.Code != 200 {
		t.Fatalf("other key: %d", rec.Code)
	}
	if rec := req("Bearer " + strings.Repeat(".", 1<<20)); rec.Code != 200 {
		t.Fatalf("huge key: %d", rec.Code)
	}
	// Slow rate: Retry-After in whole seconds, rounded up.
	slow := gqlguard.RateLimit(0.1, 1, key)(echo)
	serve(slow, jsonPost(`{}`))
	rec = serve(slow, jsonPost(`{}`))
	if rec.Code != 429 || rec.Header().Get("Retry-After") != "10" {
		t.Fatalf("slow: %d Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	// rps <= 0 disables the limiter.
	off := gqlguard.RateLimit(0, 1, key)(echo)
	for range 5 {
		if rec := serve(off, jsonPost(`{}`)); rec.Code != 200 {
			t.Fatalf("disabled limiter refused: %d", rec.Code)
		}
	}
}

func TestClientIP(t *testing.T) {
	for addr, want := range map[string]string{"192.0.2.1:1234": "192.0.2.1", "[2001:db8::1]:443": "2001:db8::1", "pipe": "pipe"} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.RemoteAddr = addr
		if got := gqlguard.ClientIP(r); got != want {
			t.Errorf("ClientIP(%q) = %q", addr, got)
		}
	}
}

// The whole chain in the recommended order, in front of a real gqlgen handler:
// every probe is refused and no resolver runs.
func TestStack(t *testing.T) {
	es, srv := newServer(t, gqlguard.Limits{})
	h := gqlguard.CORS([]string{"https://app.example.com"})(
		gqlguard.BodyLimit(gqlguard.DefaultMaxBodyBytes)(
			gqlguard.RejectBatch(
				gqlguard.CSRF(
					gqlguard.RateLimit(100, 100, gqlguard.ClientIP)(srv)))))

	probes := []struct {
		name   string
		req    func() *http.Request
		status int
		code   string
	}{
		{"megabyte body", func() *http.Request {
			return jsonPost(`{"query":"{ item { id } }","x":"` + strings.Repeat("a", 1<<20) + `"}`)
		}, 413, "REQUEST_TOO_LARGE"},
		{"JSON batch", func() *http.Request {
			return jsonPost(`[{"query":"mutation { touch { id } }"},{"query":"mutation { touch { id } }"}]`)
		}, 400, "BATCHING_NOT_SUPPORTED"},
		{"text/plain POST", func() *http.Request {
			r := jsonPost(`{"query":"mutation { touch { id } }"}`)
			r.Header.Set("Content-Type", "text/plain")
			return r
		}, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"GET mutation", func() *http.Request {
			return httptest.NewRequest(http.MethodGet, "/query?query="+url.QueryEscape("mutation { touch { id } }"), nil)
		}, 405, "METHOD_NOT_ALLOWED"},
		{"first 1000000", func() *http.Request {
			return jsonPost(`{"query":"{ items(first: 1000000) { totalCount } }"}`)
		}, 422, "BAD_USER_INPUT"},
		{"depth 20", func() *http.Request {
			b, _ := json.Marshal(map[string]string{"query": nested(20)})
			return jsonPost(string(b))
		}, 422, "QUERY_TOO_DEEP"},
		{"500 aliases", func() *http.Request {
			b, _ := json.Marshal(map[string]string{"query": aliases(500)})
			return jsonPost(string(b))
		}, 422, "TOO_MANY_ALIASES"},
		{"20000 tokens", func() *http.Request {
			b, _ := json.Marshal(map[string]string{"query": "{" + strings.Repeat(" __typename", 20000) + " }"})
			return jsonPost(string(b))
		}, 422, "GRAPHQL_PARSE_FAILED"},
	}
	for _, p := range probes {
		t.Run(p.name, func(t *testing.T) {
			assertError(t, serve(h, p.req()), p.status, p.code)
		})
	}
	if es.resolverRan.Load() {
		t.Fatal("a resolver ran")
	}
	// And an ordinary query goes through.
	if rec := serve(h, jsonPost(`{"query":"{ items(first: 10) { totalCount } }"}`)); rec.Code != 200 || !es.resolverRan.Load() {
		t.Fatalf("ordinary query: %d %s", rec.Code, rec.Body)
	}
}
