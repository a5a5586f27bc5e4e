package graph

import (
	"bytes"
	"context"
	"io"

	"github.com/99designs/gqlgen/graphql"
)

// The generated executor calls these instead of gqlgen's own (internal/tools/gqlgenfast
// rewrites graph/generated.go after gqlgen): a 20×10×10 nested answer marshals thousands
// of objects, and gqlgen's per-object costs below were a third of its allocations.

// marshalSlice is graphql.MarshalSliceConcurrently without a goroutine per element: the
// elements are marshalled one after the other on the caller's goroutine. The objects of a
// list are loaded before they are marshalled (nested connections are preloaded in a constant
// number of statements), so the goroutines only added their start and stack growth, which
// were a quarter of a nested answer's CPU. Each element still gets its own field context (its
// index in error paths) and, unless panics are left to the caller, its own recovery; the
// elements' indexes, field contexts and contexts are one allocation per list.
//
//nolint:unparam // the signature is gqlgen's, whose omit_panic_handler may turn it to true
func marshalSlice(ctx context.Context, length int, _ int64, omitPanicHandler bool,
	marshalElement func(ctx context.Context, i int) graphql.Marshaler,
) graphql.Array {
	ret := make(graphql.Array, length)
	elements := make([]listElement, length)
	for i := range length {
		e := &elements[i]
		e.index = i
		e.fc.Index = &e.index
		childCtx := withFieldContext(ctx, &e.ctx, &e.fc)
		if omitPanicHandler {
			ret[i] = marshalElement(childCtx, i)
			continue
		}
		ret[i] = marshalRecovering(childCtx, i, marshalElement)
	}
	return ret
}

// listElement is what marshalSlice allocates for each element, in one slice per list: its
// index, field context and the context carrying it.
type listElement struct {
	index int
	fc    graphql.FieldContext
	ctx   fieldCtx
}

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
