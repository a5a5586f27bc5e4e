package testsupport

// The API client drives the real HTTP handler (httpapi.New) in tests: requests go through the
// same transports, limits, transactions and error presenter that users reach.

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/httpapi"
	"github.com/flowline/flowline/internal/reqid"
)

// APIClient posts GraphQL requests to an in-process server, signed in as User.
type APIClient struct {
	t       testing.TB
	Server  *httptest.Server
	Handler http.Handler
	DB      *DB
	Tokens  auth.Tokens
	// User is who the client is signed in as (nil for an anonymous client).
	User *ent.User
	// Header is sent with every request (Authorization, for instance).
	Header http.Header
	// Live is the server's subscription hub (APIOptions.Live), else nil.
	Live *changes.Hub
}

// TestTokens signs the session tokens of test clients.
var TestTokens = auth.Tokens{
	Secret:   []byte("flowline-test-secret-0123456789abcdef"),
	Audience: "flowline",
	Issuer:   "flowline",
	TTL:      time.Hour,
}

// APIOptions tune NewAPIWith.
type APIOptions struct {
	// RateLimit per caller; 0 (the default in tests) disables it.
	RateLimit float64
	RateBurst int
	// CORSOrigins allowed.
	CORSOrigins []string
	// Production turns off introspection, the playground and suggestions.
	Production bool
	// MaxResponseBytes bounds an answer (0: the default).
	MaxResponseBytes int
	// ViewerCacheTTL remembers token lookups (0, the default in tests: every request looks up).
	ViewerCacheTTL time.Duration
	// Live serves subscriptions: changes are captured on db and delivered through Live.Bus
	// (nil: this process only). Off by default, so the statement counts of other tests
	// stay those of a process without subscribers.
	Live *LiveOptions
}

// LiveOptions configure subscriptions in a test server.
type LiveOptions struct {
	Bus                  changes.Bus
	Hub                  changes.HubConfig
	ConnectionsPerCaller int
}

// NewAPI starts the real handler over db, signed in as a fresh ADMIN.
func NewAPI(t testing.TB, db *DB) *APIClient {
	return NewAPIWith(t, db, APIOptions{})
}

// NewAPIWith is NewAPI with options.
func NewAPIWith(t testing.TB, db *DB, opts APIOptions) *APIClient {
	t.Helper()
	var hub *changes.Hub
	if opts.Live != nil {
		hub = StartLive(t, db, *opts.Live)
	}
	h := httpapi.New(httpapi.Options{
		DB:               db.DB,
		Logger:           slog.New(slog.DiscardHandler),
		Playground:       !opts.Production,
		Introspection:    !opts.Production,
		FieldSuggestions: !opts.Production,
		Tokens:           TestTokens,
		RateLimit:        opts.RateLimit,
		RateBurst:        opts.RateBurst,
		CORSOrigins:      opts.CORSOrigins,
		MaxResponseBytes: opts.MaxResponseBytes,
		Metrics:          true,
		ViewerCacheTTL:   opts.ViewerCacheTTL,
		Hub:              hub,

		ConnectionsPerCaller: func() int {
			if opts.Live != nil {
				return opts.Live.ConnectionsPerCaller
			}
			return 0
		}(),
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c := &APIClient{t: t, Server: srv, Handler: h, DB: db, Tokens: TestTokens, Header: http.Header{}, Live: hub}
	return c.As(c.NewUser(auth.RoleAdmin))
}

// NewUser creates a user with role, straight in the database.
func (c *APIClient) NewUser(role auth.Role) *ent.User {
	c.t.Helper()
	id := reqid.New()
	u, err := c.DB.Client.User.Create().
		SetEmail(strings.ToLower(string(role)) + "-" + id + "@example.com").
		SetName(string(role) + " " + id).SetRole(role).
		Save(Ctx())
	if err != nil {
		c.t.Fatalf("testsupport: create user: %v", err)
	}
	return u
}

// As returns a client on the same server signed in as u with a session token.
func (c *APIClient) As(u *ent.User) *APIClient {
	c.t.Helper()
	token, _, err := c.Tokens.Issue(u.ID.String(), string(u.Role))
	if err != nil {
		c.t.Fatalf("testsupport: issue token: %v", err)
	}
	out := *c
	out.User = u
	out.Header = http.Header{"Authorization": {"Bearer " + token}}
	return &out
}

// Anonymous returns a client on the same server that sends no credentials.
func (c *APIClient) Anonymous() *APIClient {
	out := *c
	out.User = nil
	out.Header = http.Header{}
	return &out
}

// APIError is one GraphQL error as the wire shows it.
type APIError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns extensions.code.
func (e APIError) Code() string {
	s, _ := e.Extensions["code"].(string)
	return s
}

// APIResponse is a GraphQL response with its HTTP status.
type APIResponse struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []APIError      `json:"errors"`
}

// Do posts query with variables and decodes the response.
func (c *APIClient) Do(query string, vars map[string]any) APIResponse {
	c.t.Helper()
	return c.Raw(http.MethodPost, "/query", "application/json", c.request(query, vars))
}

// request encodes a GraphQL request's body.
func (c *APIClient) request(query string, vars map[string]any) []byte {
	c.t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		c.t.Fatalf("testsupport: encode request: %v", err)
	}
	return body
}

// PostInto posts query with variables and reads the answer into buf (reset first). A
// benchmark's client reuses one buffer so that the allocations it reports are the server's,
// not also a fresh copy of every answer on the client's side.
func (c *APIClient) PostInto(buf *bytes.Buffer, query string, vars map[string]any) (status int) {
	c.t.Helper()
	res := c.send(http.MethodPost, "/query", "application/json", c.request(query, vars))
	defer res.Body.Close()
	buf.Reset()
	if _, err := buf.ReadFrom(res.Body); err != nil {
		c.t.Fatalf("testsupport: read response: %v", err)
	}
	return res.StatusCode
}

// send sends a request to the server; the caller closes the response's body.
func (c *APIClient) send(method, path, contentType string, body []byte) *http.Response {
	c.t.Helper()
	req, err := http.NewRequest(method, c.Server.URL+path, bytes.NewReader(body))
	if err != nil {
		c.t.Fatalf("testsupport: build request: %v", err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range c.Header {
		req.Header[k] = v
	}
	res, err := c.Server.Client().Do(req)
	if err != nil {
		c.t.Fatalf("testsupport: %s %s: %v", method, path, err)
	}
	return res
}

// Raw sends any request and decodes a GraphQL-shaped response body (when there is one).
func (c *APIClient) Raw(method, path, contentType string, body []byte) APIResponse {
	c.t.Helper()
	res := c.send(method, path, contentType, body)
	defer res.Body.Close()
	raw, err := readBody(res)
	if err != nil {
		c.t.Fatalf("testsupport: read response: %v", err)
	}
	out := APIResponse{Status: res.StatusCode}
	if len(raw) > 0 && raw[0] == '{' {
		var wire struct {
			Data   rawRef     `json:"data"`
			Errors []APIError `json:"errors"`
		}
		if err := json.Unmarshal(raw, &wire); err != nil {
			c.t.Fatalf("testsupport: decode response %q: %v", raw, err)
		}
		out.Data, out.Errors = json.RawMessage(wire.Data), wire.Errors
	}
	return out
}

// readBody reads a response into a buffer of its declared length (the server sends answers
// with their Content-Length), so that a benchmark's figures are not those of io.ReadAll
// growing its buffer from 512 bytes by doubling.
func readBody(res *http.Response) ([]byte, error) {
	if res.ContentLength < 0 || res.ContentLength > 64<<20 {
		return io.ReadAll(res.Body)
	}
	raw := make([]byte, res.ContentLength)
	if _, err := io.ReadFull(res.Body, raw); err != nil {
		return nil, err
	}
	return raw, nil
}

// rawRef is json.RawMessage without the copy: it keeps the slice of the response body that
// encoding/json hands to UnmarshalJSON. That slice stays valid because the body read by Raw is
// never reused or changed; the data of a 250 KB answer is then not copied once more.
type rawRef []byte

// UnmarshalJSON keeps data as json.RawMessage would copy it ("null" included).
func (r *rawRef) UnmarshalJSON(data []byte) error {
	*r = data
	return nil
}

// MustData fails the test on any error and decodes data into v.
func (c *APIClient) MustData(query string, vars map[string]any, v any) {
	c.t.Helper()
	res := c.Do(query, vars)
	if len(res.Errors) > 0 {
		c.t.Fatalf("testsupport: unexpected errors: %+v", res.Errors)
	}
	if v != nil {
		if err := json.Unmarshal(res.Data, v); err != nil {
			c.t.Fatalf("testsupport: decode data %s: %v", res.Data, err)
		}
	}
}

// MustFail fails the test unless the response carries an error with code, and returns it.
func (c *APIClient) MustFail(query string, vars map[string]any, code string) APIError {
	c.t.Helper()
	res := c.Do(query, vars)
	for _, e := range res.Errors {
		if e.Code() == code {
			return e
		}
	}
	c.t.Fatalf("testsupport: want an error with code %s, got status %d errors %+v data %s", code, res.Status, res.Errors, res.Data)
	return APIError{}
}
