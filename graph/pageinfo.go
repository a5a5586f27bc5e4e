package graph

import (
	"context"
	"slices"
	"strings"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"
	"github.com/vektah/gqlparser/v2/ast"
)

// withPageRows makes a root connection asked for pageInfo without edges load its page
// anyway. entgql's Paginate skips the rows when no edge is selected and then guesses
// hasNextPage (true whenever first is given) and leaves endCursor empty; with edges { cursor }
// added to the selection it reads the page (at most first/last rows) and answers exactly.
// The added selection is not rendered: the response only has the fields the client asked for.
func withPageRows(ctx context.Context) context.Context {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return ctx
	}
	var edges, pageInfo bool
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		switch f.Name {
		case "edges":
			edges = true
		case "pageInfo":
			pageInfo = true
		}
	}
	if edges || !pageInfo {
		return ctx
	}
	field := *fc.Field.Field
	field.SelectionSet = append(slices.Clone(field.SelectionSet), &ast.Field{
		Alias: "edges", Name: "edges",
		SelectionSet: ast.SelectionSet{&ast.Field{Alias: "cursor", Name: "cursor"}},
	})
	c := *fc
	c.Field = graphql.CollectedField{Field: &field, Selections: field.SelectionSet}
	ctx = graphql.WithFieldContext(ctx, &c)
	c.Parent = fc.Parent // a sibling of the original, not its child: paths stay the same
	return ctx
}

// page runs a root connection's Paginate with withPageRows, and reports a cursor that does
// not fit the requested ordering (one taken from another orderBy) as the caller's mistake.
func page[C any](ctx context.Context, after, before *entgql.Cursor[uuid.UUID], paginate func(context.Context) (C, error)) (C, error) {
	conn, err := paginate(withPageRows(ctx))
	if err != nil && strings.Contains(err.Error(), "cursor values") {
		field := "after"
		if after == nil && before != nil {
			field = "before"
		}
		var zero C
		return zero, badInput(ctx, field, "this cursor was made for another orderBy; use cursors only with the ordering that produced them")
	}
	return conn, err
}
