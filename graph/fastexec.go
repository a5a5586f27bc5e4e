package graph

import (
	"bytes"
	"context"
	"io"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The generated executor calls these instead of gqlgen's own (internal/tools/gqlgenfast
// rewrites graph/generated.go after gqlgen): a 20×10×10 nested answer marshals thousands
// of objects, and gqlgen's per-object costs below were a third of its allocations.

// marshalSlice is graphql.MarshalSliceConcurrently without a goroutine per element: the
// elements are marshalled one after the other on the caller's goroutine. The objects of a
// list are loaded before they are marshalled (nested connections are preloaded in a constant
// number of statements), so the goroutines only added their start and stack growth, which
// were a quarter of a nested answer's CPU. Unless panics are left to the caller, each element
// has its own recovery.
//
// The elements share one field context, whose index (for error paths) moves from one element
// to the next: everything that reads an element's field context does so while the element is
// marshalled (its fields resolved concurrently are dispatched and awaited within it, errors
// take their path when they are added, and the one value marshalled with its context later,
// wrapContextMarshaler's, takes its path early). Only deferred fragments (@defer) run after
// their element, so an operation that may defer gives every element its own field context.
//
//nolint:unparam // the signature is gqlgen's, whose omit_panic_handler may turn it to true
func marshalSlice(ctx context.Context, length int, _ int64, omitPanicHandler bool,
	marshalElement func(ctx context.Context, i int) graphql.Marshaler,
) graphql.Array {
	ret := make(graphql.Array, length)
	if length == 0 {
		return ret
	}
	if mayDefer(ctx) {
		elements := make([]listElement, length)
		for i := range length {
			ret[i] = marshalAt(elements[i].enter(ctx, i, false), i, omitPanicHandler, marshalElement)
		}
		return ret
	}
	shared := new(listElement)
	elementCtx := shared.enter(ctx, 0, true)
	for i := range length {
		shared.index = i
		ret[i] = marshalAt(elementCtx, i, omitPanicHandler, marshalElement)
	}
	return ret
}

// enter gives the element its index and returns the context carrying its field context;
// a shared element's struct fields share their contexts too.
func (e *listElement) enter(ctx context.Context, i int, shared bool) context.Context {
	e.index = i
	e.fc.Index = &e.index
	if shared {
		e.ctx.children = new([]sharedChild)
	}
	return withFieldContext(ctx, &e.ctx, &e.fc)
}

// marshalAt marshals element i, recovering from its panic unless panics are left to the caller.
func marshalAt(ctx context.Context, i int, omitPanicHandler bool, marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Marshaler {
	if omitPanicHandler {
		return marshalElement(ctx, i)
	}
	return marshalRecovering(ctx, i, marshalElement)
}

// mayDefer reports whether the operation may defer a fragment: whether its text says @defer
// anywhere (an operation without it never defers).
func mayDefer(ctx context.Context) bool {
	if !graphql.HasOperationContext(ctx) {
		return true
	}
	return strings.Contains(graphql.GetOperationContext(ctx).RawQuery, "@defer")
}

// listElement is an element's index, field context and the context carrying it: one for a
// whole list, or one per element of a list that may defer (allocated as one slice).
type listElement struct {
	index int
	fc    graphql.FieldContext
	ctx   fieldCtx
}

// wrapContextMarshaler is graphql.WrapContextMarshaler taking the field's path when the value
// is resolved rather than when it is written (and fails): by then the field context of a list
// element has moved on to the last element (see marshalSlice).
func wrapContextMarshaler(ctx context.Context, m graphql.ContextMarshaler) graphql.Marshaler {
	return pathedMarshaler{ctx: ctx, path: graphql.GetPath(ctx), m: m}
}

// pathedMarshaler is a context marshaler with its field's path.
type pathedMarshaler struct {
	ctx  context.Context
	path ast.Path
	m    graphql.ContextMarshaler
}

// MarshalGQL writes the value, or null and an error on the field's path.
func (p pathedMarshaler) MarshalGQL(w io.Writer) {
	if err := p.m.MarshalGQLContext(p.ctx, w); err != nil {
		graphql.AddError(p.ctx, gqlerror.WrapPath(p.path, err))
		_, _ = w.Write(nullValue)
	}
}

var nullValue = []byte("null")

// marshalRecovering marshals element i, turning a panic into a null element and an error, as
// gqlgen does.
func marshalRecovering(ctx context.Context, i int, marshalElement func(ctx context.Context, i int) graphql.Marshaler) (ret graphql.Marshaler) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			ret = graphql.Null
		}
	}()
	return marshalElement(ctx, i)
}

// lazyDeferredGroup is graphql.NewDeferredGroup built only when one of the object's fields is
// deferred (@defer): otherwise the group is never read (the executor processes it only when
// it holds deferred fields), and building it copies the object's path and allocates a field
// set and a map.
func lazyDeferredGroup(ctx context.Context, fields []graphql.CollectedField) graphql.DeferredGroup {
	for i := range fields {
		if fields[i].IsDeferred() {
			return graphql.NewDeferredGroup(ctx)
		}
	}
	return graphql.DeferredGroup{Context: ctx}
}

// object writes a resolved object as gqlgen's *FieldSet does ({"alias":value,...}, the first
// field of an alias winning), without the map of written aliases and the heap copy of each
// collected field that FieldSet.MarshalGQL makes.
type object struct {
	fields []graphql.CollectedField
	values []graphql.Marshaler
}

// MarshalGQL writes the object. Aliases are GraphQL names ([_A-Za-z][_0-9A-Za-z]*), so they
// need no escaping.
func (o object) MarshalGQL(w io.Writer) {
	if b, ok := w.(*bytes.Buffer); ok {
		o.marshalTo(b) // the executor's buffer (marshalData): no interface call per piece
		return
	}
	var b bytes.Buffer
	o.marshalTo(&b)
	_, _ = w.Write(b.Bytes())
}

// marshalTo is MarshalGQL writing to a buffer.
func (o object) marshalTo(b *bytes.Buffer) {
	b.WriteByte('{')
	first := true
	for i := range o.fields {
		alias := o.fields[i].Alias
		if seenAlias(o.fields[:i], alias) {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteByte('"')
		b.WriteString(alias)
		b.WriteString(`":`)
		o.values[i].MarshalGQL(b)
	}
	b.WriteByte('}')
}

// seenAlias reports whether an earlier field has the alias: objects have a handful of
// fields, so a scan is cheaper than a map.
func seenAlias(fields []graphql.CollectedField, alias string) bool {
	for i := range fields {
		if fields[i].Alias == alias {
			return true
		}
	}
	return false
}
