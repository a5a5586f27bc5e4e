//go:build ignore

// The entc program generates the ent client and, through entgql, the GraphQL schema for
// the ent types (graph/ent.graphqls). It runs first in the go:generate chain (generate.go).
package main

import (
	"fmt"
	"log"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	"github.com/vektah/gqlparser/v2/ast"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("graph/ent.graphqls"),
		entgql.WithConfigPath("gqlgen.yml"),
		entgql.WithWhereInputs(true),
		entgql.WithRelaySpec(true),
		entgql.WithSchemaHook(renameContactToClient, defaultOrders),
	)
	if err != nil {
		log.Fatalf("create entgql extension: %v", err)
	}
	cfg := &gen.Config{
		Features: []gen.Feature{
			gen.FeatureNamedEdges,
			gen.FeatureLock,
			gen.FeatureModifier,
			gen.FeatureUpsert,
			gen.FeatureExecQuery,
			gen.FeatureIntercept,
			gen.FeaturePrivacy,
			gen.FeatureEntQL,
		},
	}
	if err := entc.Generate("./ent/schema", cfg, entc.Extensions(ex)); err != nil {
		log.Fatalf("run ent codegen: %v", err)
	}
}

// renameContactToClient publishes the ent type Contact as the GraphQL type Client. ent
// reserves the Go name Client for its database client, so the schema is named Contact, but
// the API (and every SDK generated from it) speaks of clients. gqlgen.yml binds the renamed
// GraphQL types back to the ent Go types.
func renameContactToClient(_ *gen.Graph, s *ast.Schema) error {
	rename := func(name string) string { return strings.ReplaceAll(name, "Contact", "Client") }
	types := make(map[string]*ast.Definition, len(s.Types))
	for name, def := range s.Types {
		def.Name = rename(name)
		types[def.Name] = def
	}
	s.Types = types
	for _, def := range s.Types {
		def.Description = rename(def.Description)
		for i, in := range def.Interfaces {
			def.Interfaces[i] = rename(in)
		}
		for _, f := range def.Fields {
			f.Description = rename(f.Description)
			renameTypeRef(f.Type, rename)
			for _, a := range f.Arguments {
				a.Description = rename(a.Description)
				renameTypeRef(a.Type, rename)
			}
		}
	}
	for name, impls := range s.PossibleTypes {
		for _, d := range impls {
			d.Name = rename(d.Name)
		}
		s.PossibleTypes[rename(name)] = impls
	}
	for name, ifaces := range s.Implements {
		delete(s.Implements, name)
		s.Implements[rename(name)] = ifaces
	}
	return nil
}

func renameTypeRef(t *ast.Type, rename func(string) string) {
	for ; t != nil; t = t.Elem {
		t.NamedType = rename(t.NamedType)
	}
}

// defaultOrders sets the order of nested lists that have a natural one: an execution's logs
// by step, a workflow's versions newest first. A default in the SDL (rather than in a
// resolver) is seen by the nested collector and the resolver alike, so preloaded pages and
// cursors agree; graph.DefaultingCache writes it into queries that leave orderBy out.
func defaultOrders(_ *gen.Graph, s *ast.Schema) error {
	for _, d := range []struct{ typ, field, order, direction string }{
		{"WorkflowExecution", "logs", "STEP_INDEX", "ASC"},
		{"Workflow", "versions", "VERSION", "DESC"},
	} {
		t := s.Types[d.typ]
		if t == nil {
			return fmt.Errorf("default order: no type %s", d.typ)
		}
		f := t.Fields.ForName(d.field)
		if f == nil {
			return fmt.Errorf("default order: no field %s.%s", d.typ, d.field)
		}
		a := f.Arguments.ForName("orderBy")
		if a == nil {
			return fmt.Errorf("default order: %s.%s has no orderBy", d.typ, d.field)
		}
		a.DefaultValue = &ast.Value{Kind: ast.ListValue, Children: ast.ChildValueList{{
			Value: &ast.Value{Kind: ast.ObjectValue, Children: ast.ChildValueList{
				{Name: "direction", Value: &ast.Value{Kind: ast.EnumValue, Raw: d.direction}},
				{Name: "field", Value: &ast.Value{Kind: ast.EnumValue, Raw: d.order}},
			}},
		}}}
	}
	return nil
}
