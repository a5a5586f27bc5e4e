package graph_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestSchemaIsDocumented: every type, field, argument, enum value and scalar of the
// published schema (schema.graphql) has a description, and Time names its specification.
func TestSchemaIsDocumented(t *testing.T) {
	s := publishedSchema(t)
	var missing []string
	for name, def := range s.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		if strings.TrimSpace(def.Description) == "" {
			missing = append(missing, name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue // introspection, documented by the GraphQL specification
			}
			if strings.TrimSpace(f.Description) == "" {
				missing = append(missing, name+"."+f.Name)
			}
			for _, a := range f.Arguments {
				if strings.TrimSpace(a.Description) == "" {
					missing = append(missing, name+"."+f.Name+"("+a.Name+")")
				}
			}
		}
		for _, v := range def.EnumValues {
			if strings.TrimSpace(v.Description) == "" {
				missing = append(missing, name+"."+v.Name)
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d undocumented: %s", len(missing), strings.Join(missing, ", "))
	}
	if d := s.Types["Time"].Directives.ForName("specifiedBy"); d == nil {
		t.Error("Time has no @specifiedBy")
	}
}

// TestOneIDSpelling: no field or argument spells an id "...ID" unless it is the deprecated
// alias of its "...Id" twin.
func TestOneIDSpelling(t *testing.T) {
	s := publishedSchema(t)
	spelled := regexp.MustCompile(`[a-z]ID($|[A-Z])`)
	for name, def := range s.Types {
		if def.BuiltIn {
			continue
		}
		for _, f := range def.Fields {
			if spelled.MatchString(f.Name) && f.Directives.ForName("deprecated") == nil {
				t.Errorf("%s.%s spells an id ...ID and is not deprecated", name, f.Name)
			}
			for _, a := range f.Arguments {
				if spelled.MatchString(a.Name) && a.Directives.ForName("deprecated") == nil {
					t.Errorf("%s.%s(%s) spells an id ...ID", name, f.Name, a.Name)
				}
			}
		}
	}
}

// TestBothIDSpellingsWork: filters and objects answer to clientId and, deprecated, clientID.
func TestBothIDSpellingsWork(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPI(t, testsupport.Open(t, "sqlite3"))
	var c struct{ CreateClient struct{ ID string } }
	api.MustData(`mutation { createClient(input: {name: "Ada", email: "ada@example.com"}) { id } }`, nil, &c)
	api.MustData(`mutation($c: ID!) { registerDocument(input: {clientId: $c, name: "a.pdf", contentType: "application/pdf", sizeBytes: 1}) { id } }`, map[string]any{"c": c.CreateClient.ID}, nil)
	var out struct {
		Node struct {
			New, Old struct {
				Edges []struct {
					Node struct {
						Current    string `json:"clientId"`
						Deprecated string `json:"clientID"`
					}
				}
			}
		}
	}
	api.MustData(`query($c: ID!) { node(id: $c) { ... on Client {
		new: documents(first: 5, where: {clientIdIn: [$c]}) { edges { node { clientId clientID } } }
		old: documents(first: 5, where: {clientID: $c}) { edges { node { clientId clientID } } } } } }`, map[string]any{"c": c.CreateClient.ID}, &out)
	n := out.Node
	if len(n.New.Edges) != 1 || len(n.Old.Edges) != 1 || n.New.Edges[0].Node.Current != c.CreateClient.ID || n.Old.Edges[0].Node.Deprecated != c.CreateClient.ID {
		t.Fatalf("got %+v", out)
	}
}

// publishedSchema loads schema.graphql, the schema as go generate publishes it.
func publishedSchema(t *testing.T) *ast.Schema {
	t.Helper()
	b, err := os.ReadFile("../schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	s, gerr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(b)})
	if gerr != nil {
		t.Fatal(gerr)
	}
	return s
}
