package graph

import (
	"context"
	"io"
	"sync/atomic"
	"unsafe"

	"github.com/99designs/gqlgen/graphql"
)

// fastObject replaces gqlgen's *graphql.FieldSet in the marshallers of objects (all but the
// root types): the values of up to eight fields are allocated with the object, so an
// object costs one allocation instead of three (the field set, its values and the object
// written). A field set is made only when two selected fields, or a deferred one, are
// resolved concurrently (edges loaded by resolvers), and it fills the object's values.
type fastObject struct {
	// firstField is the first of the object's fields (fields): a field per value, so the
	// fields' slice is told by its first element and Values' length, 16 bytes fewer per object.
	firstField *graphql.CollectedField
	// Values and Invalids are the generated code's, as FieldSet's.
	Values     []graphql.Marshaler
	Invalids   uint32
	concurrent *concurrent // the concurrently resolved fields, nil without any
}

// fields returns the object's fields, one per value.
func (o *fastObject) fields() []graphql.CollectedField {
	return unsafe.Slice(o.firstField, len(o.Values))
}

// withValues is a fastObject allocated with the backing array of its values: the objects of
// a connection's page have a handful of selected fields (an edge's node and cursor, a node's
// id, status, ...), and an array of exactly their number keeps each object in the smallest
// size class.
type withValues[A any] struct {
	fastObject
	values A
}

// newObject is graphql.NewFieldSet for fastObject.
func newObject(fields []graphql.CollectedField) *fastObject {
	switch len(fields) {
	case 1:
		o := new(withValues[[1]graphql.Marshaler])
		return o.fit(fields, o.values[:])
	case 2:
		o := new(withValues[[2]graphql.Marshaler])
		return o.fit(fields, o.values[:])
	case 3:
		o := new(withValues[[3]graphql.Marshaler])
		return o.fit(fields, o.values[:])
	case 4:
		o := new(withValues[[4]graphql.Marshaler])
		return o.fit(fields, o.values[:])
	case 5:
		o := new(withValues[[5]graphql.Marshaler])
		return o.fit(fields, o.values[:])
	case 6:
		o := new(withValues[[6]graphql.Marshaler])
		return o.fit(fields, o.values[:])
	case 7:
		o := new(withValues[[7]graphql.Marshaler])
		return o.fit(fields, o.values[:])
	case 8:
		o := new(withValues[[8]graphql.Marshaler])
		return o.fit(fields, o.values[:])
	}
	return (&fastObject{}).fit(fields, make([]graphql.Marshaler, len(fields)))
}

// fit gives o its fields and the slice holding their values.
func (o *fastObject) fit(fields []graphql.CollectedField, values []graphql.Marshaler) *fastObject {
	if len(fields) > 0 {
		o.firstField = &fields[0]
	}
	o.Values = values
	return o
}

// ResolveConcurrently is graphql.FieldSet's. An object's one concurrently resolved field (an
// execution's logs, resolved by ent's edge method) is kept as it is and resolved inline by
// Dispatch, as FieldSet.Dispatch resolves a lone one; a second field, or a deferred one,
// goes to a field set sharing the object's values.
func (o *fastObject) ResolveConcurrently(oc *graphql.OperationContext, deferred *graphql.DeferredGroup, i int,
	recoverFromPanic, nonNull bool, resolve func(ctx context.Context) graphql.Marshaler,
) {
	if o.concurrent == nil && !o.fields()[i].IsDeferred() {
		o.concurrent = &concurrent{lone: loneField{i: i, oc: oc, recoverFromPanic: recoverFromPanic, nonNull: nonNull, resolve: resolve}}
		return
	}
	if o.concurrent == nil {
		o.concurrent = &concurrent{}
	}
	c := o.concurrent
	if c.fs == nil {
		c.fs = graphql.NewFieldSet(o.fields())
		c.fs.Values = o.Values
		if l := c.lone; l.resolve != nil {
			c.fs.ResolveConcurrently(l.oc, deferred, l.i, l.recoverFromPanic, l.nonNull, l.resolve)
			c.lone = loneField{}
		}
	}
	c.fs.ResolveConcurrently(oc, deferred, i, recoverFromPanic, nonNull, resolve)
}

// Dispatch runs the concurrently resolved fields, if any, and counts their invalid values
// with the others' (gqlgen reads Invalids right after Dispatch).
func (o *fastObject) Dispatch(ctx context.Context) {
	c := o.concurrent
	switch {
	case c == nil:
	case c.fs != nil:
		c.fs.Dispatch(ctx)
		atomic.AddUint32(&o.Invalids, atomic.LoadUint32(&c.fs.Invalids))
	default:
		if c.lone.run(ctx, o.Values) {
			atomic.AddUint32(&o.Invalids, 1)
		}
	}
}

// concurrent holds an object's concurrently resolved fields: the lone one, or a field set.
type concurrent struct {
	lone loneField
	fs   *graphql.FieldSet
}

// loneField is ResolveConcurrently's arguments for an object's one concurrent field.
type loneField struct {
	i                         int
	oc                        *graphql.OperationContext
	recoverFromPanic, nonNull bool
	resolve                   func(ctx context.Context) graphql.Marshaler
}

// MarshalGQL writes the object as object does.
func (o *fastObject) MarshalGQL(w io.Writer) {
	object{fields: o.fields(), values: o.Values}.MarshalGQL(w)
}

// run resolves the field into values and reports whether its value makes the object
// invalid, as FieldSet does: a panic (when recovered) is reported and resolves to Null, and
// the invalid value is Null for a non-null field, RequiredNull for a nullable one.
func (l *loneField) run(ctx context.Context, values []graphql.Marshaler) (invalid bool) {
	v := l.resolveRecovering(ctx)
	values[l.i] = v
	if l.nonNull {
		return v == graphql.Null
	}
	return v == graphql.RequiredNull
}

func (l *loneField) resolveRecovering(ctx context.Context) (v graphql.Marshaler) {
	if l.recoverFromPanic {
		defer func() {
			if r := recover(); r != nil {
				l.oc.Error(ctx, l.oc.Recover(ctx, r))
				v = graphql.Null
			}
		}()
	}
	return l.resolve(ctx)
}
