package httpapi

import (
	"context"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
)

// transactioner is entgql's Transactioner made safe for responses that have no operation:
// gqlgen answers an undecodable request body through the response interceptors without an
// operation context, and entgql's interceptor would panic on it.
type transactioner struct{ entgql.Transactioner }

// InterceptResponse opens the mutation's transaction only when there is an operation.
func (t transactioner) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	return t.Transactioner.InterceptResponse(ctx, next)
}
