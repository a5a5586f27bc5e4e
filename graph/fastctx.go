package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
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
	// children is set on a context that the elements of a list share (marshalSlice), and on
	// the contexts of struct fields under it: the contexts of its struct fields, made for the
	// first element and reused by the next ones (childField).
	children *[]sharedChild
}

// sharedChild is the context of a struct field of an object type under a shared context.
type sharedChild struct {
	field  *ast.Field
	object string
	ctx    *fieldCtx
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

// childField is the field context of a struct field (an edge's node, a connection's edges)
// and the context carrying it. Under a context the elements of a list share, both are made
// for the first element and reused by the next ones, whose field is the same field of the
// same type at the same place in the answer: only the field context's Result differs, which
// the caller sets. (Struct fields are read in their object's loop, on the goroutine that
// marshals the element, so a shared context's children are never touched concurrently.)
func childField(ctx context.Context, field graphql.CollectedField, object string,
	fieldContext func(context.Context, graphql.CollectedField) (*graphql.FieldContext, error),
) (*graphql.FieldContext, context.Context, error) {
	parent, _ := ctx.(*fieldCtx)
	shared := parent != nil && parent.children != nil
	if shared {
		for _, c := range *parent.children {
			if c.field == field.Field && c.object == object {
				return c.ctx.fc, c.ctx, nil
			}
		}
	}
	fc, err := fieldContext(ctx, field)
	if err != nil {
		return nil, ctx, err
	}
	c := new(fieldCtx)
	child := withFieldContext(ctx, c, fc)
	if shared && child == context.Context(c) {
		c.children = new([]sharedChild)
		*parent.children = append(*parent.children, sharedChild{field: field.Field, object: object, ctx: c})
	}
	return fc, child, nil
}
