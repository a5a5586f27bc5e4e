package gqlguard

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/introspection"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/flowline/flowline/internal/apierr"
)

const issueSDL = `
type Query { workflows(first: Int, last: Int): WorkflowConnection! }
type PageInfo { hasNextPage: Boolean! }
type WorkflowConnection { edges: [WorkflowEdge!]! pageInfo: PageInfo! totalCount: Int! }
type WorkflowEdge { node: Workflow! }
type Workflow { id: ID! name: String! executions(first: Int, last: Int): WorkflowExecutionConnection! }
type WorkflowExecutionConnection { edges: [WorkflowExecutionEdge!]! totalCount: Int! }
type WorkflowExecutionEdge { node: WorkflowExecution! }
type WorkflowExecution { id: ID! status: String! logs(first: Int, last: Int): WorkflowExecutionLogConnection! }
type WorkflowExecutionLogConnection { edges: [WorkflowExecutionLogEdge!]! totalCount: Int! }
type WorkflowExecutionLogEdge { node: WorkflowExecutionLog! }
type WorkflowExecutionLog { id: ID! status: String! stepIndex: Int! }
`

func mustCheck(t *testing.T, sdl, query string, vars map[string]any, l Limits) *Stats {
	t.Helper()
	s := gqlparser.MustLoadSchema(&ast.Source{Input: sdl})
	doc, errs := gqlparser.LoadQueryWithRules(s, query, nil)
	if errs != nil {
		t.Fatal(errs)
	}
	st, _ := New(l).check(doc, doc.Operations[0], vars)
	return st
}

// The foundation issue's N+1 query: its cost under the documented model.
func TestIssueQueryCost(t *testing.T) {
	q := func(n, m, k int) string {
		return fmt.Sprintf(`{ workflows(first: %d) { edges { node { id name executions(first: %d) { totalCount
			edges { node { id status logs(first: %d) { edges { node { id status stepIndex } } } } } } } } } }`, n, m, k)
	}
	for _, c := range []struct{ n, m, k, want int }{{2, 2, 2, 75}, {10, 10, 10, 5651}, {20, 10, 10, 11301}} {
		st := mustCheck(t, issueSDL, q(c.n, c.m, c.k), nil, Limits{})
		if want := 1 + c.n*(5+c.m*(6+5*c.k)); st.Cost != want || want != c.want {
			t.Errorf("%d×%d×%d: cost %d, formula %d, want %d", c.n, c.m, c.k, st.Cost, want, c.want)
		}
		if st.Depth != 10 {
			t.Errorf("depth = %d, want 10", st.Depth)
		}
	}
}

// Validation forbids fragment cycles; the walker must still terminate on one.
func TestFragmentCycleTerminates(t *testing.T) {
	s := gqlparser.MustLoadSchema(&ast.Source{Input: issueSDL})
	doc, errs := gqlparser.LoadQueryWithRules(s, `{ workflows(first: 2) { ...A } }
		fragment A on WorkflowConnection { totalCount ...B }
		fragment B on WorkflowConnection { totalCount }`, nil)
	if errs != nil {
		t.Fatal(errs)
	}
	a, b := doc.Fragments.ForName("A"), doc.Fragments.ForName("B")
	// B spreads A and itself: A → B → A, B → B.
	b.SelectionSet = append(b.SelectionSet,
		&ast.FragmentSpread{Name: "A", Definition: a},
		&ast.FragmentSpread{Name: "B", Definition: b})
	done := make(chan *Stats, 1)
	go func() {
		st, _ := New(Limits{}).check(doc, doc.Operations[0], nil)
		done <- st
	}()
	select {
	case st := <-done:
		if st.Cost != 1+2*2 { // workflows + 2·(totalCount from A + totalCount from B)
			t.Errorf("cost = %d", st.Cost)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("walk did not terminate on a fragment cycle")
	}
	// The pre-validation walk too.
	pdoc, err := parser.ParseQuery(&ast.Source{Input: `{ a { ...A } } fragment A on T { x ...B } fragment B on T { y ...A ...B }`})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := overlapWork(pdoc, 1000); !ok {
		t.Fatal("overlapWork gave up on a small cyclic document")
	}
}

// Fragments spreading each other twice per level expand to 2^n selections: the
// operation walk memoizes fragments, so it stays linear and the cost saturates.
func TestFragmentBombIsLinear(t *testing.T) {
	const n = 60
	var b strings.Builder
	b.WriteString(`{ workflows(first: 1) { ...F0 } }`)
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on WorkflowConnection { totalCount ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on WorkflowConnection { totalCount }", n)
	s := gqlparser.MustLoadSchema(&ast.Source{Input: issueSDL})
	doc, errs := gqlparser.LoadQueryWithRules(s, b.String(), nil)
	if errs != nil {
		t.Fatal(errs)
	}
	start := time.Now()
	st, err := New(Limits{}).check(doc, doc.Operations[0], nil)
	if err == nil || err.Extensions["code"] != apierr.QueryTooComplex {
		t.Fatalf("err = %v", err)
	}
	if st.Cost < 1<<n {
		t.Fatalf("cost = %d", st.Cost)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("check took %v", d)
	}
	// The pre-validation walk gives up at its budget.
	pdoc, _ := parser.ParseQuery(&ast.Source{Input: b.String()})
	if _, ok := overlapWork(pdoc, 100_000); ok {
		t.Fatal("overlapWork did not stop at its budget")
	}
}

func tree(k, d int) string {
	if d == 0 {
		return "id"
	}
	return strings.TrimSpace(strings.Repeat("parent { "+tree(k, d-1)+" } ", k))
}

// Documents that are cheap to send but quadratic to validate (numbers in the
// comments: gqlparser validation time measured on the development machine).
func TestOverlapWork(t *testing.T) {
	frags := func(n int, body string) string {
		var b strings.Builder
		b.WriteString("{ item { ")
		for i := range n {
			fmt.Fprintf(&b, " ...F%d", i)
		}
		b.WriteString("} }")
		for i := range n {
			fmt.Fprintf(&b, " fragment F%d on Item { %s }", i, strings.ReplaceAll(body, "%d", fmt.Sprint(i)))
		}
		return b.String()
	}
	cases := []struct {
		name, query string
		refused     bool
	}{
		{"10k __typename (4 s)", "{" + strings.Repeat(" __typename", 9998) + " }", true},
		{"3000 __typename (0.5 s)", "{" + strings.Repeat(" __typename", 3000) + " }", true},
		{"447 __typename (10 ms)", "{" + strings.Repeat(" __typename", 447) + " }", false},
		{"binary tree depth 11 (0.5 s)", "{ item { " + tree(2, 11) + " } }", true},
		{"ternary tree depth 6 (90 ms)", "{ item { " + tree(3, 6) + " } }", true},
		{"binary tree depth 8 (10 ms)", "{ item { " + tree(2, 8) + " } }", false},
		{"1400 distinct fragments (0.5 s)", frags(1400, "f%d"), true},
		{"440 fragments selecting id (80 ms)", frags(440, "id"), true},
		{"100 fragments selecting id", frags(100, "id name"), false},
		{"introspection", introspection.Query, false},
	}
	for _, c := range cases {
		doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: c.query}, DefaultParserTokenLimit)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		pairs, ok := overlapWork(doc, minExpansionBudget)
		if c.name == "introspection" && pairs != 0 {
			t.Errorf("introspection scores %d", pairs)
		}
		if !ok || (pairs > maxOverlapPairs) != c.refused {
			t.Errorf("%s: pairs = %d (ok %v), refused should be %v", c.name, pairs, ok, c.refused)
		}
	}
}

func TestLimiterSetBounded(t *testing.T) {
	now := time.Unix(0, 0)
	s := newLimiterSet(1, 2, 3, func() time.Time { return now })
	for i := range 10 {
		if _, ok := s.allow(fmt.Sprint("k", i)); !ok {
			t.Fatalf("fresh key %d refused", i)
		}
		if s.len() > 3 {
			t.Fatalf("%d keys kept, cap 3", s.len())
		}
	}
	// Exhaust one key, then let it idle until its bucket is full again: it is
	// dropped, and the new bucket behaves like the old one would.
	s.allow("a")
	s.allow("a")
	if wait, ok := s.allow("a"); ok || wait <= 0 || wait > time.Second {
		t.Fatalf("third request: ok=%v wait=%v", ok, wait)
	}
	now = now.Add(2 * time.Second) // burst 2 at 1/s: full after 2 s
	if _, ok := s.allow("b"); !ok {
		t.Fatal("b refused")
	}
	if s.len() != 1 {
		t.Fatalf("idle keys not dropped: %d left", s.len())
	}
	if _, ok := s.allow("a"); !ok {
		t.Fatal("a refused after refilling")
	}
}
