package graph

import (
	"io"

	"github.com/99designs/gqlgen/graphql"
)

// fastObject replaces gqlgen's *graphql.FieldSet in the marshallers of objects whose fields
// are all resolved in turn (no concurrent resolvers, no deferred views): the values of up to
// inlineFields fields live in the object itself, so an object costs one allocation instead of
// three (the field set, its values and the object written).
type fastObject struct {
	fields []graphql.CollectedField
	// Values and Invalids are the generated code's, as FieldSet's.
	Values   []graphql.Marshaler
	Invalids uint32
	inline   [inlineFields]graphql.Marshaler
}

// inlineFields covers the objects of a connection's page (an edge's node and cursor, a
// node's handful of selected fields); wider selections allocate their values apart.
const inlineFields = 6

// newObject is graphql.NewFieldSet for fastObject.
func newObject(fields []graphql.CollectedField) *fastObject {
	o := &fastObject{fields: fields}
	if len(fields) <= inlineFields {
		o.Values = o.inline[:len(fields):len(fields)]
	} else {
		o.Values = make([]graphql.Marshaler, len(fields))
	}
	return o
}

// MarshalGQL writes the object as object does.
func (o *fastObject) MarshalGQL(w io.Writer) {
	object{fields: o.fields, values: o.Values}.MarshalGQL(w)
}
