package graph

import (
	"context"
	"io"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
)

// fastObject replaces gqlgen's *graphql.FieldSet in the marshallers of objects (all but the
// root types): the values of up to eight fields are allocated with the object, so an
// object costs one allocation instead of three (the field set, its values and the object
// written). A field set is made only when a selected field is resolved concurrently (an edge
// loaded by a resolver), and it fills the object's values.
type fastObject struct {
	fields []graphql.CollectedField
	// Values and Invalids are the generated code's, as FieldSet's.
	Values   []graphql.Marshaler
	Invalids uint32
	fs       *graphql.FieldSet // the concurrently resolved fields, nil without any
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
	o.fields, o.Values = fields, values
	return o
}

// ResolveConcurrently is graphql.FieldSet's, on a field set sharing the object's values.
func (o *fastObject) ResolveConcurrently(oc *graphql.OperationContext, deferred *graphql.DeferredGroup, i int,
	recoverFromPanic, nonNull bool, resolve func(ctx context.Context) graphql.Marshaler,
) {
	if o.fs == nil {
		o.fs = graphql.NewFieldSet(o.fields)
		o.fs.Values = o.Values
	}
	o.fs.ResolveConcurrently(oc, deferred, i, recoverFromPanic, nonNull, resolve)
}

// Dispatch runs the concurrently resolved fields, if any, and counts their invalid values
// with the others' (gqlgen reads Invalids right after Dispatch).
func (o *fastObject) Dispatch(ctx context.Context) {
	if o.fs == nil {
		return
	}
	o.fs.Dispatch(ctx)
	atomic.AddUint32(&o.Invalids, atomic.LoadUint32(&o.fs.Invalids))
}

// MarshalGQL writes the object as object does.
func (o *fastObject) MarshalGQL(w io.Writer) {
	object{fields: o.fields, values: o.Values}.MarshalGQL(w)
}
