package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/flowline/flowline/internal/nestedpage"
)

// renderedPage answers a node's connection field with the page PostgreSQL wrote for it, if
// it did (internal/nestedpage: a leaf page; gqlgenfast's rewrite 11 calls this).
func renderedPage(ctx context.Context, field graphql.CollectedField, parent any) (graphql.Marshaler, bool) {
	return nestedpage.Rendered(ctx, field.Field, parent)
}

// RenderPages lets PostgreSQL write the leaf pages of a query or a mutation
// (srv.AroundOperations). A subscription answers many times and keeps reading rows.
func RenderPages(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if op := graphql.GetOperationContext(ctx).Operation; op != nil && op.Operation != ast.Subscription {
		ctx = nestedpage.WithPages(ctx)
	}
	return next(ctx)
}
