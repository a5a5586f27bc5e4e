package gqlguard_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/introspection"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/flowline/flowline/internal/httpapi/gqlguard"
)

const testSDL = `
type Query {
  items(first: Int, last: Int, after: String, before: String): ItemConnection!
  item: Item
  pagedDefault(first: Int = 500): ItemConnection!
}
type Mutation { touch: Item }
type Subscription { ticks: Int! }
type ItemConnection {
  edges: [ItemEdge!]!
  pageInfo: PageInfo!
  totalCount: Int!
}
type ItemEdge { node: Item! cursor: String! }
type PageInfo { hasNextPage: Boolean! endCursor: String }
type Item {
  id: ID!
  name: String!
  parent: Item
  children(first: Int, last: Int): ItemConnection!
}
`

// fakeSchema is a hand-written graphql.ExecutableSchema: it records whether
// execution (the resolvers) started and answers {"data":{}}.
type fakeSchema struct {
	schema      *ast.Schema
	resolverRan atomic.Bool
}

func (f *fakeSchema) Schema() *ast.Schema { return f.schema }

func (f *fakeSchema) Complexity(context.Context, string, string, int, map[string]any) (int, bool) {
	return 0, false
}

func (f *fakeSchema) Exec(context.Context) graphql.ResponseHandler {
	f.resolverRan.Store(true)
	return graphql.OneShot(&graphql.Response{Data: json.RawMessage(`{}`)})
}

func newServer(t *testing.T, l gqlguard.Limits) (*fakeSchema, *handler.Server) {
	t.Helper()
	es := &fakeSchema{schema: gqlparser.MustLoadSchema(&ast.Source{Name: "test.graphqls", Input: testSDL})}
	srv := handler.New(es)
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetParserTokenLimit(gqlguard.DefaultParserTokenLimit)
	srv.Use(extension.Introspection{})
	srv.Use(gqlguard.New(l))
	return es, srv
}

type gqlResponse struct {
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func post(t *testing.T, h http.Handler, query string, vars map[string]any) (int, gqlResponse) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var resp gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("response is not JSON: %v: %s", err, rec.Body.String())
	}
	return rec.Code, resp
}

// refused asserts that the query is refused with code before any resolver
// ran, and returns the error message and path.
func refused(t *testing.T, query string, vars map[string]any, code string) (string, []any) {
	t.Helper()
	es, srv := newServer(t, gqlguard.Limits{})
	status, resp := post(t, srv, query, vars)
	if len(resp.Errors) != 1 {
		t.Fatalf("want one error, got status %d %+v", status, resp)
	}
	e := resp.Errors[0]
	if got := e.Extensions["code"]; got != code {
		t.Fatalf("code = %v, want %s (message %q)", got, code, e.Message)
	}
	if status != http.StatusUnprocessableEntity {
		t.Errorf("status = %d, want 422", status)
	}
	if es.resolverRan.Load() {
		t.Error("a resolver ran for a refused operation")
	}
	return e.Message, e.Path
}

func accepted(t *testing.T, l gqlguard.Limits, query string, vars map[string]any) {
	t.Helper()
	es, srv := newServer(t, l)
	status, resp := post(t, srv, query, vars)
	if status != http.StatusOK || len(resp.Errors) != 0 {
		t.Fatalf("want success, got %d %+v", status, resp)
	}
	if !es.resolverRan.Load() {
		t.Fatal("resolver did not run")
	}
}

func TestPageSizeRefusedWithPath(t *testing.T) {
	msg, path := refused(t,
		`{ items(first: 5) { edges { node { kids: children(first: 1000) { totalCount } } } } }`,
		nil, "BAD_USER_INPUT")
	if msg != "first must be at most 100, got 1000" {
		t.Errorf("message = %q", msg)
	}
	if want := []any{"items", "edges", "node", "kids"}; !reflect.DeepEqual(path, want) {
		t.Errorf("path = %v, want %v", path, want)
	}
}

func TestPageSizeVariants(t *testing.T) {
	cases := []struct {
		name, query string
		vars        map[string]any
		msg         string
		path        []any
	}{
		{"cheat sheet probe", `{ items(first: 1000000) { totalCount } }`, nil,
			"first must be at most 100, got 1000000", []any{"items"}},
		{"variable", `query Q($n: Int) { items(first: $n) { totalCount } }`, map[string]any{"n": 101},
			"first must be at most 100, got 101", []any{"items"}},
		{"last", `{ w: items(last: 500) { totalCount } }`, nil,
			"last must be at most 100, got 500", []any{"w"}},
		{"negative", `{ items(first: -1) { totalCount } }`, nil,
			"first must not be negative, got -1", []any{"items"}},
		{"negative variable", `query($n: Int) { items(last: $n) { totalCount } }`, map[string]any{"n": -5},
			"last must not be negative, got -5", []any{"items"}},
		{"variable default", `query($n: Int = 200) { items(first: $n) { totalCount } }`, nil,
			"first must be at most 100, got 200", []any{"items"}},
		{"schema default", `{ pagedDefault { totalCount } }`, nil,
			"first must be at most 100, got 500", []any{"pagedDefault"}},
		{"in fragment", `{ items(first: 1) { ...E } } fragment E on ItemConnection { edges { node { ... on Item { c: children(first: 300) { totalCount } } } } }`, nil,
			"first must be at most 100, got 300", []any{"items", "edges", "node", "c"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg, path := refused(t, c.query, c.vars, "BAD_USER_INPUT")
			if msg != c.msg {
				t.Errorf("message = %q, want %q", msg, c.msg)
			}
			if !reflect.DeepEqual(path, c.path) {
				t.Errorf("path = %v, want %v", path, c.path)
			}
		})
	}
	// At the cap and null are fine.
	accepted(t, gqlguard.Limits{}, `{ items(first: 100) { totalCount } }`, nil)
	accepted(t, gqlguard.Limits{}, `query($n: Int) { items(first: $n) { totalCount } }`, map[string]any{"n": nil})
	accepted(t, gqlguard.Limits{}, `{ items(first: 0) { totalCount } }`, nil)
	// Configurable.
	accepted(t, gqlguard.Limits{MaxPageSize: 1000}, `{ items(first: 1000) { totalCount } }`, nil)
}

// nested returns a query depth fields deep: { item { parent { ... { id } } } }.
func nested(depth int) string {
	return "{ item" + strings.Repeat(" { parent", depth-2) + " { id }" + strings.Repeat(" }", depth-2) + " }"
}

func TestDepth(t *testing.T) {
	msg, _ := refused(t, nested(20), nil, "QUERY_TOO_DEEP")
	if msg != "query depth 20 exceeds the limit of 12" {
		t.Errorf("message = %q", msg)
	}
	accepted(t, gqlguard.Limits{}, nested(12), nil)
	refused(t, nested(13), nil, "QUERY_TOO_DEEP")
	// Fragments and inline fragments do not hide depth.
	refused(t, `{ item { ...A } } fragment A on Item { parent { ... on Item { parent { ...B } } } }
		fragment B on Item { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } }`,
		nil, "QUERY_TOO_DEEP")
	// __typename is an ordinary field.
	refused(t, strings.Replace(nested(12), "{ id }", "{ id parent { __typename } }", 1), nil, "QUERY_TOO_DEEP")
}

func TestIntrospectionQueryPasses(t *testing.T) {
	// The full introspection query (graphql-js getIntrospectionQuery shape,
	// TypeRef nine ofType levels deep) nests 15 levels: introspection
	// subtrees are exempt from the depth limit.
	accepted(t, gqlguard.Limits{}, introspection.Query, nil)
	accepted(t, gqlguard.Limits{}, introspection.NewQuery(introspection.QueryOptions{OneOf: true}), nil)
	// __type inside an otherwise ordinary query.
	accepted(t, gqlguard.Limits{}, `{ __type(name: "Item") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } }`, nil)
}

func aliases(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: item { id }", i)
	}
	b.WriteString(" }")
	return b.String()
}

func TestAliases(t *testing.T) {
	msg, _ := refused(t, aliases(500), nil, "TOO_MANY_ALIASES")
	if msg != "query uses 500 aliases, more than the limit of 30" {
		t.Errorf("message = %q", msg)
	}
	accepted(t, gqlguard.Limits{}, aliases(30), nil)
	refused(t, aliases(31), nil, "TOO_MANY_ALIASES")
	// Aliases in a fragment count once per spread.
	refused(t, `{ x: item { ...F } y: item { ...F } } fragment F on Item {`+
		strings.Repeat(" p: parent { id } q: parent { id } r: parent { id } s: parent { id } t: parent { id }", 3)+` }`,
		nil, "TOO_MANY_ALIASES")
}

const costly = `{ items(first: 100) { edges { node { children(first: 100) { edges { node { children(first: 100) { edges { node { id } } } } } } } } } }`

func TestCost(t *testing.T) {
	msg, _ := refused(t, costly, nil, "QUERY_TOO_COMPLEX")
	// 1 + 100·(1 + 1 + 1 + 100·(1 + 1 + 1 + 100·3)) = 3,030,301
	if msg != "query cost 3030301 exceeds the limit of 10000" {
		t.Errorf("message = %q", msg)
	}
	// A connection without first/last costs DefaultPageSize (= MaxPageSize) per child.
	msg, _ = refused(t, `{ items { edges { node { children { totalCount } } } } }`, nil, "QUERY_TOO_COMPLEX")
	if msg != "query cost 10301 exceeds the limit of 10000" { // 1 + 100·(1 + 1 + (1 + 100·1))
		t.Errorf("message = %q", msg)
	}
	// 10×10×10 under the defaults.
	accepted(t, gqlguard.Limits{}, `{
	  items(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name
	    children(first: 10) { totalCount edges { node { id name
	      children(first: 10) { totalCount edges { node { id name } } } } } } } } } }`, nil)
	// Configurable.
	accepted(t, gqlguard.Limits{MaxCost: 4_000_000}, costly, nil)
	accepted(t, gqlguard.Limits{DefaultPageSize: 10}, `{ items { edges { node { children { totalCount } } } } }`, nil)
}

func TestErrorPriority(t *testing.T) {
	// Page size first, then depth, aliases, cost.
	refused(t, `{ a: items(first: 1000) { edges { node { children(first: 100) { edges { node {
		children(first: 100) { totalCount } } } } } } } }`, nil, "BAD_USER_INPUT")
	refused(t, strings.Replace(aliases(40), "a0: item { id }", nested(14)[2:len(nested(14))-2], 1),
		nil, "QUERY_TOO_DEEP")
	refused(t, aliases(40)[:len(aliases(40))-1]+costly[1:], nil, "TOO_MANY_ALIASES")
}

func TestGraphQLResponseJSONStatus(t *testing.T) {
	_, srv := newServer(t, gqlguard.Limits{})
	body, _ := json.Marshal(map[string]any{"query": aliases(500)})
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status = %d, want 400: %s", rec.Code, rec.Body)
	}
}

func TestGETUsesLimits(t *testing.T) {
	es, srv := newServer(t, gqlguard.Limits{})
	req := httptest.NewRequest(http.MethodGet, "/query?query="+url.QueryEscape(`{ items(first: 1000) { totalCount } }`), nil)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "BAD_USER_INPUT") {
		t.Fatalf("got %d %s", rec.Code, rec.Body)
	}
	if es.resolverRan.Load() {
		t.Fatal("resolver ran")
	}
}

func TestParserTokenLimit(t *testing.T) {
	// gqlgen's own limit, set by newServer via srv.SetParserTokenLimit(15000).
	big := "{" + strings.Repeat(" __typename", 20000) + " }"
	es, srv := newServer(t, gqlguard.Limits{})
	status, resp := post(t, srv, big, nil)
	if status != http.StatusUnprocessableEntity || len(resp.Errors) != 1 {
		t.Fatalf("got %d %+v", status, resp)
	}
	if e := resp.Errors[0]; e.Message != "exceeded token limit of 15000" || e.Extensions["code"] != "GRAPHQL_PARSE_FAILED" {
		t.Fatalf("error = %+v", e)
	}
	if es.resolverRan.Load() {
		t.Fatal("resolver ran")
	}
	// The "10,000-token query" probe is below a 15000-token limit: it
	// parses, and a document of repeated fields is then refused by the
	// pre-validation check (gqlparser's validation would spend about 4 s of
	// CPU on it), still before any resolver.
	es, srv = newServer(t, gqlguard.Limits{})
	status, resp = post(t, srv, "{"+strings.Repeat(" __typename", 9998)+" }", nil)
	if status != http.StatusUnprocessableEntity || len(resp.Errors) != 1 ||
		resp.Errors[0].Extensions["code"] != "QUERY_TOO_COMPLEX" ||
		!strings.Contains(resp.Errors[0].Message, "repeats the same fields too often") {
		t.Fatalf("got %d %+v", status, resp)
	}
	if es.resolverRan.Load() {
		t.Fatal("resolver ran")
	}
}

func TestStatsAvailable(t *testing.T) {
	var got *gqlguard.Stats
	_, srv := newServer(t, gqlguard.Limits{})
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		got = gqlguard.GetStats(ctx)
		return next(ctx)
	})
	post(t, srv, `{ a: items(first: 3) { edges { node { id } } } }`, nil)
	if got == nil || *got != (gqlguard.Stats{Cost: 1 + 3*3, Depth: 4, Aliases: 1}) {
		t.Fatalf("stats = %+v", got)
	}
}

func TestDefaults(t *testing.T) {
	l := gqlguard.New(gqlguard.Limits{}).Limits()
	want := gqlguard.Limits{MaxPageSize: 100, MaxDepth: 12, MaxAliases: 30, MaxCost: 10000, MaxFilterNodes: 200, DefaultPageSize: 100, ParserTokenLimit: 15000}
	if l != want {
		t.Fatalf("defaults = %+v", l)
	}
	if l := gqlguard.New(gqlguard.Limits{MaxPageSize: 50}).Limits(); l.DefaultPageSize != 50 {
		t.Fatalf("DefaultPageSize = %d, want MaxPageSize", l.DefaultPageSize)
	}
}
