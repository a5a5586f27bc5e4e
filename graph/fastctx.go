package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// fieldContextKey is the key under which gqlgen keeps a *graphql.FieldContext in a context
// (unexported by gqlgen), learnt once by watching graphql.GetFieldContext look it up. It is
// nil if gqlgen ever stops looking it up through Value, and then withFieldContext falls back
// to graphql.WithFieldContext.
var fieldContextKey = func() any {
	var p probe
	graphql.GetFieldContext(&p)
	return p.key
}()

// probe is a context that records the key its first Value call asks for.
type probe struct {
	context.Context
	key any
}

func (p *probe) Value(key any) any {
	if p.key == nil {
		p.key = key
	}
	return nil
}

// fieldCtx is a context carrying a field context, as graphql.WithFieldContext's: a list of n
// elements allocates its n contexts as one slice of fieldCtx instead of n context.WithValue.
type fieldCtx struct {
	context.Context
	fc *graphql.FieldContext
}

// Value answers the field context for gqlgen's key and asks the parent otherwise.
func (c *fieldCtx) Value(key any) any {
	if key == fieldContextKey {
		return c.fc
	}
	return c.Context.Value(key)
}

// withFieldContext is graphql.WithFieldContext into c, which the caller allocated (so that a
// list's contexts come from one allocation).
func withFieldContext(ctx context.Context, c *fieldCtx, fc *graphql.FieldContext) context.Context {
	if fieldContextKey == nil {
		return graphql.WithFieldContext(ctx, fc)
	}
	fc.Parent = graphql.GetFieldContext(ctx)
	c.Context, c.fc = ctx, fc
	return c
}
