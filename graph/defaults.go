package graph

import (
	"context"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// DefaultingCache is the gqlgen query cache with one extra duty: before a freshly parsed
// and validated document is cached (and so before anything reads it), it writes the
// arguments a query left out into the document:
//
//   - SDL argument defaults (WorkflowExecution.logs orders by stepIndex by default). entgql's
//     nested collector ignores SDL defaults when a field has no arguments at all, so the
//     default must be in the document for the preloaded page and the resolver to agree.
//   - first: PageSize on a connection given neither first nor last, so that no list is
//     unbounded. Relay lets a server cap a page; pageInfo.hasNextPage tells the client.
//
// Documents are only rewritten before they are shared, so concurrent requests never see a
// document change.
type DefaultingCache struct {
	graphql.Cache[*ast.QueryDocument]
	PageSize int
}

// Add fills in defaults, then caches doc.
func (c DefaultingCache) Add(ctx context.Context, key string, doc *ast.QueryDocument) {
	for _, op := range doc.Operations {
		c.fill(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		c.fill(f.SelectionSet)
	}
	c.Cache.Add(ctx, key, doc)
}

func (c DefaultingCache) fill(set ast.SelectionSet) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			c.fillField(s)
			c.fill(s.SelectionSet)
		case *ast.InlineFragment:
			c.fill(s.SelectionSet)
		}
	}
}

func (c DefaultingCache) fillField(f *ast.Field) {
	if f.Definition == nil {
		return
	}
	for _, def := range f.Definition.Arguments {
		if def.DefaultValue != nil && f.Arguments.ForName(def.Name) == nil {
			f.Arguments = append(f.Arguments, &ast.Argument{Name: def.Name, Value: def.DefaultValue, Position: f.Position})
		}
	}
	if c.PageSize > 0 && isConnection(f.Definition) &&
		f.Arguments.ForName("first") == nil && f.Arguments.ForName("last") == nil {
		f.Arguments = append(f.Arguments, &ast.Argument{
			Name:     "first",
			Value:    &ast.Value{Kind: ast.IntValue, Raw: strconv.Itoa(c.PageSize), Position: f.Position},
			Position: f.Position,
		})
	}
}

// isConnection reports whether a field returns a Relay connection with a first argument.
func isConnection(def *ast.FieldDefinition) bool {
	return def.Type != nil && strings.HasSuffix(def.Type.Name(), "Connection") &&
		def.Arguments.ForName("first") != nil
}
