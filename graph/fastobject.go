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
		return fitted(&withValues[[1]graphql.Marshaler]{}, fields)
	case 2:
		return fitted(&withValues[[2]graphql.Marshaler]{}, fields)
	case 3:
		return fitted(&withValues[[3]graphql.Marshaler]{}, fields)
	case 4:
		return fitted(&withValues[[4]graphql.Marshaler]{}, fields)
	case 5:
		return fitted(&withValues[[5]graphql.Marshaler]{}, fields)
	case 6:
		return fitted(&withValues[[6]graphql.Marshaler]{}, fields)
	case 7:
		return fitted(&withValues[[7]graphql.Marshaler]{}, fields)
	case 8:
		return fitted(&withValues[[8]graphql.Marshaler]{}, fields)
	}
	return &fastObject{fields: fields, Values: make([]graphql.Marshaler, len(fields))}
}

// fitted points o's values at its array.
func fitted[A any](o *withValues[A], fields []graphql.CollectedField) *fastObject {
	o.fields = fields
	o.Values = arrayValues(&o.values)
	return &o.fastObject
}

// arrayValues is the slice of an array of n graphql.Marshaler.
func arrayValues[A any](a *A) []graphql.Marshaler {
	switch a := any(a).(type) {
	case *[1]graphql.Marshaler:
		return a[:]
	case *[2]graphql.Marshaler:
		return a[:]
	case *[3]graphql.Marshaler:
		return a[:]
	case *[4]graphql.Marshaler:
		return a[:]
	case *[5]graphql.Marshaler:
		return a[:]
	case *[6]graphql.Marshaler:
		return a[:]
	case *[7]graphql.Marshaler:
		return a[:]
	case *[8]graphql.Marshaler:
		return a[:]
	}
	panic("graph: arrayValues of an unexpected array type")
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
