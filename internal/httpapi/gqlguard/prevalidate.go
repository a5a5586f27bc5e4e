package gqlguard

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/flowline/flowline/internal/apierr"
)

var _ graphql.OperationParameterMutator = (*Extension)(nil)

const (
	// maxOverlapPairs bounds the estimated work of gqlparser's
	// OverlappingFieldsCanBeMerged validation rule (see overlapWork).
	maxOverlapPairs = 100_000
	// minExpansionBudget is the least number of field selections the
	// pre-validation walk expands before giving up.
	minExpansionBudget = 100_000
)

// MutateOperationParameters implements graphql.OperationParameterMutator. It
// runs before gqlgen parses and validates the document, and refuses documents
// whose validation alone would be expensive.
//
// gqlparser's OverlappingFieldsCanBeMerged rule compares every pair of fields
// that share a response path, and every pair of fragment spreads in a
// selection set: its cost grows with the square of the document. Within a
// 15000-token limit, "{ __typename __typename … }" repeated 10,000 times costs
// about 4 s of CPU, and "parent { parent { … } } parent { … }" trees half a
// second, before any post-validation limit can look at them. This check
// parses the document (linear, within Limits.ParserTokenLimit) and estimates
// that work: the number of pairs of field selections with the same response
// path (fragments expanded where they are spread, every operation and fragment
// definition walked), plus four times the pairs of fragment spreads in each
// selection set (comparing two fragments costs about four field pairs). Above 100,000 the document is refused with QUERY_TOO_COMPLEX; ordinary
// queries are several orders of magnitude below (the full introspection query
// scores 0). A document that does not parse is left to gqlgen, which reports
// the parse error itself.
func (e *Extension) MutateOperationParameters(_ context.Context, params *graphql.RawParams) *gqlerror.Error {
	if params == nil || params.Query == "" {
		return nil
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: params.Query}, e.limits.ParserTokenLimit)
	if err != nil || doc == nil {
		return nil //nolint:nilerr // a document that does not parse is left to gqlgen, which reports the error itself
	}
	budget := max(minExpansionBudget, 2*e.limits.MaxCost)
	pairs, ok := overlapWork(doc, budget)
	switch {
	case !ok:
		return &gqlerror.Error{
			Message:    fmt.Sprintf("query is too complex: it expands to more than %d field selections", budget),
			Extensions: map[string]any{"code": apierr.QueryTooComplex},
		}
	case pairs > maxOverlapPairs:
		return &gqlerror.Error{
			Message: fmt.Sprintf("query is too complex: it repeats the same fields too often "+
				"(%d overlapping field pairs, the limit is %d)", pairs, maxOverlapPairs),
			Extensions: map[string]any{"code": apierr.QueryTooComplex},
		}
	}
	return nil
}

type groupKey struct {
	parent int
	key    string
}

type overlapCounter struct {
	doc        *ast.QueryDocument
	groups     map[groupKey]int // response path → group id
	sizes      []int            // group id → fields seen
	pairs      int
	budget     int
	inProgress map[string]bool
}

// overlapWork returns the estimated pair count of doc, or false when the
// expansion exceeded budget field selections.
func overlapWork(doc *ast.QueryDocument, budget int) (int, bool) {
	c := &overlapCounter{
		doc:        doc,
		groups:     map[groupKey]int{},
		budget:     budget,
		inProgress: map[string]bool{},
	}
	root := 0
	for _, op := range doc.Operations {
		root--
		if !c.set(op.SelectionSet, root) {
			return 0, false
		}
	}
	for _, f := range doc.Fragments {
		root--
		c.inProgress[f.Name] = true
		ok := c.set(f.SelectionSet, root)
		delete(c.inProgress, f.Name)
		if !ok {
			return 0, false
		}
	}
	return c.pairs, true
}

// set walks one selection set instance whose response path is group parent.
func (c *overlapCounter) set(set ast.SelectionSet, parent int) bool {
	spreads := 0
	if !c.selections(set, parent, &spreads) {
		return false
	}
	// A pair of spreads costs the rule about four times a pair of fields.
	c.pairs = satAdd(c.pairs, 4*(spreads*(spreads-1)/2))
	return true
}

// selections walks set's selections, flattening inline fragments and
// expanding fragment spreads into the same response path.
func (c *overlapCounter) selections(set ast.SelectionSet, parent int, spreads *int) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if c.budget--; c.budget < 0 {
				return false
			}
			k := groupKey{parent, s.Alias}
			if k.key == "" {
				k.key = s.Name
			}
			id, ok := c.groups[k]
			if !ok {
				id = len(c.sizes)
				c.groups[k] = id
				c.sizes = append(c.sizes, 0)
			}
			c.pairs = satAdd(c.pairs, c.sizes[id]) // pairs with the fields already there
			c.sizes[id]++
			if len(s.SelectionSet) > 0 && !c.set(s.SelectionSet, id) {
				return false
			}
		case *ast.InlineFragment:
			if !c.selections(s.SelectionSet, parent, spreads) {
				return false
			}
		case *ast.FragmentSpread:
			*spreads++
			def := c.doc.Fragments.ForName(s.Name)
			if def == nil || c.inProgress[s.Name] {
				continue
			}
			if c.budget--; c.budget < 0 {
				return false
			}
			c.inProgress[s.Name] = true
			ok := c.selections(def.SelectionSet, parent, spreads)
			delete(c.inProgress, s.Name)
			if !ok {
				return false
			}
		}
	}
	return true
}
