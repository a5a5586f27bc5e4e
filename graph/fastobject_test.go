package graph

import (
	"bytes"
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestObjectConcurrentFields: an object's concurrently resolved fields (one kept as it is,
// two in a field set) are resolved by Dispatch into the object's values, a panic is reported
// and written as null, and the values that make the object invalid are counted as gqlgen's
// FieldSet counts them.
func TestObjectConcurrentFields(t *testing.T) {
	ctx := listOperation("{ items { a b c } }")
	oc := graphql.GetOperationContext(ctx)
	oc.RecoverFunc = graphql.DefaultRecover
	fields := []graphql.CollectedField{
		{Field: &ast.Field{Alias: "a", Name: "a"}},
		{Field: &ast.Field{Alias: "b", Name: "b"}},
		{Field: &ast.Field{Alias: "c", Name: "c"}},
	}
	value := func(m graphql.Marshaler) func(context.Context) graphql.Marshaler {
		return func(context.Context) graphql.Marshaler { return m }
	}
	panics := func(context.Context) graphql.Marshaler { panic("resolver bug") }
	type field struct {
		i       int
		nonNull bool
		resolve func(context.Context) graphql.Marshaler
	}
	for _, c := range []struct {
		name     string
		fields   []field
		want     string
		invalids uint32
	}{
		{"one", []field{{1, true, value(graphql.MarshalInt(7))}}, `{"a":1,"b":7,"c":3}`, 0},
		{"one non-null null", []field{{1, true, value(graphql.Null)}}, `{"a":1,"b":null,"c":3}`, 1},
		{"one nullable null", []field{{1, false, value(graphql.Null)}}, `{"a":1,"b":null,"c":3}`, 0},
		{"one nullable invalid child", []field{{1, false, value(graphql.RequiredNull)}}, `{"a":1,"b":null,"c":3}`, 1},
		{"one panics", []field{{2, true, panics}}, `{"a":1,"b":2,"c":null}`, 1},
		{"two", []field{{0, true, value(graphql.MarshalInt(8))}, {2, true, value(graphql.Null)}}, `{"a":8,"b":2,"c":null}`, 1},
	} {
		o := newObject(fields)
		for i := range fields {
			o.Values[i] = graphql.MarshalInt(i + 1)
		}
		for _, f := range c.fields {
			o.ResolveConcurrently(oc, nil, f.i, true, f.nonNull, f.resolve)
		}
		o.Dispatch(ctx)
		var b bytes.Buffer
		o.MarshalGQL(&b)
		if b.String() != c.want || o.Invalids != c.invalids {
			t.Errorf("%s: wrote %s with %d invalid; want %s with %d", c.name, b.String(), o.Invalids, c.want, c.invalids)
		}
	}
	if errs := graphql.GetErrors(ctx); len(errs) != 1 {
		t.Errorf("errors %v, want the one panic", errs)
	}
}
