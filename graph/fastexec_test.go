package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// listOperation is the context of a field "items" of an operation with the given text, as
// the executor gives it to a list's marshaller.
func listOperation(query string) context.Context {
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, graphql.DefaultRecover)
	ctx = graphql.WithOperationContext(ctx, &graphql.OperationContext{RawQuery: query})
	field := &ast.Field{Alias: "items", Name: "items"}
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Query", Field: graphql.CollectedField{Field: field}})
}

// failingFloat fails when it is written, after every element was marshalled.
type failingFloat struct{}

func (failingFloat) MarshalGQLContext(context.Context, io.Writer) error { return errors.New("NaN") }

// TestSharedListContextsKeepPaths: the elements of a list share one field context (and their
// struct fields theirs), yet an error raised while an element is marshalled, inside a struct
// field of it, or when a value of it is written later names that element.
func TestSharedListContextsKeepPaths(t *testing.T) {
	for _, query := range []string{"{ items { node { x } } }", "{ items { ... @defer { node { x } } } }"} {
		ctx := listOperation(query)
		node := &ast.Field{Alias: "node", Name: "node"}
		nodeContext := func(context.Context, graphql.CollectedField) (*graphql.FieldContext, error) {
			return &graphql.FieldContext{Object: "Item", Field: graphql.CollectedField{Field: node}}, nil
		}
		var contexts []context.Context
		list := marshalSlice(ctx, 4, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
			contexts = append(contexts, ctx)
			if i == 1 {
				graphql.AddError(ctx, errors.New("element"))
			}
			_, child, err := childField(ctx, graphql.CollectedField{Field: node}, "Item", nodeContext)
			if err != nil {
				t.Fatal(err)
			}
			if i == 2 {
				graphql.AddError(child, errors.New("struct field"))
			}
			if i == 0 {
				return wrapContextMarshaler(child, failingFloat{})
			}
			return graphql.MarshalInt(i)
		})
		var b bytes.Buffer
		list.MarshalGQL(&b)
		if b.String() != "[null,1,2,3]" {
			t.Errorf("%s: wrote %s", query, b.String())
		}
		var got []string
		for _, e := range graphql.GetErrors(ctx) {
			got = append(got, fmt.Sprintf("%s at %s", e.Message, e.Path))
		}
		want := []string{"element at items[1]", "struct field at items[2].node", "NaN at items[0].node"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: errors %q, want %q", query, got, want)
		}
		// Only an operation that may defer gives each element a context of its own.
		if shared := contexts[0] == contexts[3]; shared == (query != "{ items { node { x } } }") {
			t.Errorf("%s: elements share a context: %v", query, shared)
		}
	}
}
