//go:build ignore

// The entc program generates the ent client and, through entgql, the GraphQL schema for
// the ent types (graph/ent.graphqls). It runs first in the go:generate chain (generate.go).
package main

import (
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	"github.com/vektah/gqlparser/v2/ast"
)

func main() {
	ex, err := entgql.NewExtension(
		// First: the options below (where inputs) add their templates to these.
		entgql.WithTemplates(templates()...),
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("graph/ent.graphqls"),
		entgql.WithConfigPath("gqlgen.yml"),
		entgql.WithWhereInputs(true),
		entgql.WithRelaySpec(true),
		entgql.WithSchemaHook(renameContactToClient, defaultOrders, describeTypes, describeFields, camelIDs),
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

// templates are entgql's templates with the field collection reading nested pages through
// internal/nestedpage on PostgreSQL (see lateralCollection).
func templates() []*gen.Template {
	out := []*gen.Template{lateralCollection(), edgesInOneSlice(), reusedScanTargets(), edgesWithoutCursors(), namedEdgePages()}
	for _, t := range entgql.AllTemplates {
		if t != entgql.CollectionTemplate && t != entgql.PaginationTemplate && t != entgql.EdgeTemplate {
			out = append(out, t)
		}
	}
	return out
}

// edgesInOneSlice is entgql's pagination template with a connection's edges allocated as one
// slice of edges that the page's pointers point into, instead of one allocation per edge (a
// 20×10×10 read builds 2,200 edges), and, for types ordered by several fields, the edges'
// cursor values as parts of one slice instead of one slice per cursor.
func edgesInOneSlice() *gen.Template {
	path, text := entgqlTemplate("pagination.tmpl")
	for _, r := range []struct{ old, new string }{
		{"\tc.Edges = make([]*{{ $edge }}, len(nodes))\n\tfor i := range nodes {\n\t\tnode := nodeAt(i)\n\t\tc.Edges[i] = &{{ $edge }}{\n\t\t\tNode: node,\n\t\t\tCursor: pager.toCursor(node),\n\t\t}\n\t}\n", edgesBuild},
		{"\t\tcs_ := make([]any, 0, len(p.order))\n\t\tfor _, o_ := range p.order {\n\t\t\tcs_ = append(cs_, o_.Field.toCursor({{ $r }}).Value)\n\t\t}\n", cursorValues},
		{"\treturn Cursor{ID: {{ $r }}.{{ if $marshalID }}marshalID(){{ else }}ID{{ end }}, Value: cs_}\n\t{{- else }}\n\t\treturn p.order.Field.toCursor({{ $r }})\n\t{{- end }}\n}\n", cursorIn},
		{"\tif limit != 0 {\n\t\t{{ $r }}.Limit(limit)\n\t}\n", pageWithoutProbe},
		{"\treverse bool\n", "\treverse bool\n\t// skipCursors leaves out the cursors of the edges between the first and the last\n\t// (whose cursors pageInfo has) when the edges' cursors are not selected, noCursors\n\t// those two as well when pageInfo is not selected either.\n\tskipCursors, noCursors bool\n"},
		{"\tconn.build(nodes, pager, after, first, before, last)\n\treturn conn, nil\n{{ end }}", "\tedgeCursors, pageInfo := selectedCursors(ctx)\n\tpager.skipCursors, pager.noCursors = !edgeCursors, !edgeCursors && !pageInfo\n\tconn.build(nodes, pager, after, first, before, last)\n\treturn conn, nil\n{{ end }}"},
		{`{{- range $field := list "edges" "node" "pageInfo" "totalCount" }}`, `{{- range $field := list "cursor" "edges" "node" "pageInfo" "totalCount" }}`},
		{"func hasCollectedField(", selectedCursors + "func hasCollectedField("},
		{collectedFieldByAlias, collectedFieldByName},
	} {
		if strings.Count(text, r.old) != 1 {
			log.Fatalf("%s: expected one %q; update edgesInOneSlice in ent/entc.go", path, r.old)
		}
		text = strings.Replace(text, r.old, r.new, 1)
	}
	return gen.MustParse(gen.NewTemplate("template/pagination.tmpl").Funcs(entgql.TemplateFuncs).Parse(text))
}

// pageWithoutProbe tells the query which of its nodes the page shows: it reads one more than
// it shows to tell whether there is a next (or previous) page, and nested pages are read for
// the shown nodes only (the lateralPage hooks).
const pageWithoutProbe = `	if limit != 0 {
		{{ $r }}.Limit(limit)
		{{ $r }}.pageShown = func(nodes []*{{ $name }}) []*{{ $name }} {
			if len(nodes) == limit {
				return nodes[:limit-1]
			}
			return nodes
		}
	}
`

// selectedCursors is the generated helper that tells whether a connection's edges' cursors,
// and its pageInfo (whose start and end cursors are the first and last edges'), are asked
// for. It compares field names, not aliases ("edges { c: cursor }" asks for the cursors too).
const selectedCursors = `// selectedCursors reports whether the connection in ctx selects its edges' cursors and its
// pageInfo, under any alias (both, outside a GraphQL field).
func selectedCursors(ctx context.Context) (edgeCursors, pageInfo bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return true, true
	}
	oc := graphql.GetOperationContext(ctx)
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, nil) {
		switch f.Name {
		case pageInfoField:
			pageInfo = true
		case edgesField:
			for _, c := range graphql.CollectFields(oc, f.Selections, nil) {
				edgeCursors = edgeCursors || c.Name == cursorField
			}
		}
	}
	return edgeCursors, pageInfo
}

`

// collectedFieldByAlias is entgql's collectedField, which finds each field of the path by its
// alias only: a connection's "e: edges" was taken for no edges (an empty page) and its
// "n: totalCount" for no count (the page's size answered as the total).
const collectedFieldByAlias = `walk:
	for _, name := range path {
		for _, f := range graphql.CollectFields(oc, field.Selections, nil) {
			if f.Alias == name {
				field = f
				continue walk
			}
		}
		return nil
	}
	return &field
}
`

// collectedFieldByName finds the fields of the path by alias, and a connection's edges,
// node, pageInfo and totalCount also by name: under any aliases, their selections merged.
const collectedFieldByName = `	for _, name := range path {
		var found *graphql.CollectedField
		for _, f := range graphql.CollectFields(oc, field.Selections, nil) {
			if f.Alias != name && (f.Name != name || !isConnectionField(name)) {
				continue
			}
			if found == nil {
				found = &f
				continue
			}
			// The full slice expression makes append copy, leaving the query's own selections be.
			found.Selections = append(found.Selections[:len(found.Selections):len(found.Selections)], f.Selections...)
		}
		if found == nil {
			return nil
		}
		field = *found
	}
	return &field
}

// isConnectionField reports whether name is a field of a connection or of its edges, which
// the collection finds by name as well as by alias.
func isConnectionField(name string) bool {
	switch name {
	case edgesField, nodeField, pageInfoField, totalCountField:
		return true
	}
	return false
}
`

// edgesWithoutCursors is entgql's edge template (the resolvers of nested connections) telling
// the connection whether its edges' cursors and its pageInfo are selected (see edgesBuild):
// the dashboard's 2,000 log edges and 200 pages ask for neither.
func edgesWithoutCursors() *gen.Template {
	path, text := entgqlTemplate("edge.tmpl")
	old := "\t\t\tconn.build(nodes, pager, after, first, before, last)\n"
	if strings.Count(text, old) != 1 {
		log.Fatalf("%s: expected one %q; update edgesWithoutCursors in ent/entc.go", path, old)
	}
	text = strings.Replace(text, old, "\t\t\tedgeCursors, pageInfo := selectedCursors(ctx)\n\t\t\tpager.skipCursors, pager.noCursors = !edgeCursors, !edgeCursors && !pageInfo\n"+old, 1)
	return gen.MustParse(gen.NewTemplate("template/edge.tmpl").Funcs(entgql.TemplateFuncs).Parse(text))
}

// edgesBuild builds a connection's edges in one slice; with several order fields, their
// cursors' values are appended to one slice sized for them all. When the edges' cursors are
// not selected (pager.skipCursors), only the first and last edges get one, for pageInfo,
// and the slice is sized for those two; none does when pageInfo is not selected either
// (pager.noCursors).
const edgesBuild = `	c.Edges = make([]*{{ $edge }}, len(nodes))
	edges := make([]{{ $edge }}, len(nodes))
	{{- if $multiOrder }}
	cursors := len(nodes)
	switch {
	case pager.noCursors:
		cursors = 0
	case pager.skipCursors:
		cursors = min(cursors, 2)
	}
	values := make([]any, 0, cursors*len(pager.order))
	{{- end }}
	for i := range nodes {
		node := nodeAt(i)
		edges[i].Node = node
		if !pager.skipCursors || !pager.noCursors && (i == 0 || i == len(nodes)-1) {
			edges[i].Cursor = {{ if $multiOrder }}pager.toCursorIn(node, &values){{ else }}pager.toCursor(node){{ end }}
		}
		c.Edges[i] = &edges[i]
	}
`

// cursorValues and cursorIn turn toCursor, for several order fields, into toCursorIn, which
// appends the cursor's values to *values, and a toCursor that calls it with a slice of its own.
const cursorValues = `		cs_ := make([]any, 0, len(p.order))
		return p.toCursorIn({{ $r }}, &cs_)
	{{- else }}
		return p.order.Field.toCursor({{ $r }})
	{{- end }}
}

{{- if $multiOrder }}

// toCursorIn is toCursor with the cursor's values appended to *values (build sizes one slice
// for all its edges' cursors); the cursor's part of it has no room to grow into the next.
func (p *{{ $pager }}) toCursorIn({{ $r }} *{{ $name }}, values *[]any) Cursor {
		start := len(*values)
		for _, o_ := range p.order {
			*values = append(*values, o_.Field.toCursor({{ $r }}).Value)
		}
		cs_ := (*values)[start:len(*values):len(*values)]
`

const cursorIn = `	return Cursor{ID: {{ $r }}.{{ if $marshalID }}marshalID(){{ else }}ID{{ end }}, Value: cs_}
}
	{{- end }}
`

// reusedScanTargets is ent's query template with each query scanning all its rows into the
// targets of its first row (internal/rowscan) instead of a fresh set per row, and its nodes
// allocated in blocks (rowscan.Block) instead of one by one; the import is added to every SQL
// file and removed by ent's goimports pass where it is unused.
func reusedScanTargets() *gen.Template {
	path, text := moduleTemplate("entgo.io/ent", "entc/gen/template/dialect/sql/query.tmpl")
	for _, r := range []struct{ old, new string }{
		{"\t_spec.ScanValues = func(columns []string) ([]any, error) {\n\t\treturn (*{{ $.Name }}).scanValues(nil, columns)\n\t}\n",
			"\t_targets := rowscan.Reuse(func(columns []string) ([]any, error) {\n\t\treturn (*{{ $.Name }}).scanValues(nil, columns)\n\t})\n\t_spec.ScanValues = _targets.Next\n"},
		{"\t\treturn node.assignValues(columns, values)\n\t}\n", "\t\treturn node.assignValues(columns, _targets.Values(values))\n\t}\n"},
		{"\t\tnode := &{{ $.Name }}{config: {{ $receiver }}.config}\n", "\t\tnode := _nodes.Next()\n\t\tnode.config = {{ $receiver }}.config\n"},
		{"\t_spec.Assign = func(columns []string, values []any) error {\n", "\tvar _nodes rowscan.Block[{{ $.Name }}]\n\t_spec.Assign = func(columns []string, values []any) error {\n"},
		{"\t\tnodes = []*{{ $.Name }}{}\n", "\t\tnodes = make([]*{{ $.Name }}, 0, {{ $receiver }}.sizeHint)\n"},
	} {
		if strings.Count(text, r.old) != 1 {
			log.Fatalf("%s: expected one %q; update reusedScanTargets in ent/entc.go", path, r.old)
		}
		text = strings.Replace(text, r.old, r.new, 1)
	}
	text += "\n{{ define \"dialect/sql/import/additional/rowscan\" }}\n\t\"github.com/flowline/flowline/internal/rowscan\"{{ end }}\n"
	return gen.MustParse(gen.NewTemplate("template/dialect/sql/query.tmpl").Funcs(entgql.TemplateFuncs).Parse(text))
}

// entgqlTemplate reads one of entgql's templates from the module cache.
func entgqlTemplate(name string) (path, text string) {
	return moduleTemplate("entgo.io/contrib", filepath.Join("entgql", "template", name))
}

// moduleTemplate reads the template at path inside module from the module cache.
func moduleTemplate(module, name string) (path, text string) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", module).Output()
	if err != nil {
		log.Fatalf("find %s: %v", module, err)
	}
	path = filepath.Join(strings.TrimSpace(string(out)), filepath.FromSlash(name))
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("read %s's template %s: %v", module, name, err)
	}
	return path, string(b)
}

// lateralPage replaces entgql's per-parent limit (a ROW_NUMBER() window over every child of
// every parent) on PostgreSQL for one-to-many edges with a non-null foreign key: the page of
// each parent is read through a LATERAL join once the parents are loaded (loadTotal runs
// with them), costing about N index rows per parent however many children it has; a leaf
// page (plain columns only) is read the same way but written by PostgreSQL as the answer's
// JSON, every parent's page in one text (nestedpage.Plan.Modifier).
const lateralPage = `{{- if and $e.O2M $e.Ref $e.Ref.Field (not $e.Ref.Field.Nillable) }}
if {{ $receiver }}.driver.Dialect() == dialect.Postgres {
	// Only pageInfo tells whether a parent has a next page: without it, no probe child.
	probe := 1
	if !hasCollectedField(ctx, append(path[:len(path)-2:len(path)-2], pageInfoField)...) {
		limit, probe = limit-1, 0
	}
	// A page of plain columns is written by PostgreSQL as the answer's JSON (nestedpage.PlanPage)
	// instead of read as rows.
	render := nestedpage.PlanPage(ctx, field, "{{ $e.Type.Name }}")
	var parents []driver.Value
	order := pager.orderExpr(query)
	if render == nil {
		query.modifiers = append(query.modifiers, nestedpage.Lateral({{ $node.Package }}.Table, {{ $node.Package }}.{{ $node.ID.Constant }}, {{ $fk }}, limit, &parents, order))
		if len(query.ctx.Fields) > 0 {
			query.ctx.AppendFieldOnce({{ $e.Type.Package }}.{{ $e.Ref.Field.Constant }})
		}
		// Each parent's page may read one child more than it shows (the probe for its next page):
		// the children's own nested pages are read for the shown ones only. A parent's children
		// come in its page's order (nestedpage.Lateral), so its probe is its limit-th.
		query.pageShown = func(children []*{{ $e.Type.Name }}) []*{{ $e.Type.Name }} {
			seen := make(map[{{ $node.ID.Type }}]int, len(parents))
			shown := make([]*{{ $e.Type.Name }}, 0, len(children))
			for _, c := range children {
				if seen[c.{{ $e.Ref.Field.StructField }}]++; seen[c.{{ $e.Ref.Field.StructField }}] <= limit-probe {
					shown = append(shown, c)
				}
			}
			return shown
		}
	}
	{{ $receiver }}.loadTotal = append({{ $receiver }}.loadTotal, func(ctx context.Context, nodes []*{{ $node.Name }}) error {
		for _, n := range nodes {
			n.appendNamed{{ $e.StructField }}(alias)
		}
		if {{ $receiver }}.pageShown != nil {
			nodes = {{ $receiver }}.pageShown(nodes)
		}
		if len(nodes) == 0 {
			return nil
		}
		parents = make([]driver.Value, len(nodes))
		for i, n := range nodes {
			parents[i] = n.ID
		}
		if render != nil {
			var pages []struct{ Page sql.NullString }
			// Select's query applies its modifiers before its predicates and order (QueryNodes, after
			// them). They are applied to the children's query before the modifier nests it, and taken
			// off the query: those the privacy policy adds when the query runs too (an EDITOR's filter).
			query.modifiers = append(query.modifiers, func(s *sql.Selector) {
				for _, p := range query.predicates {
					p(s)
				}
				for _, o := range query.order {
					o(s)
				}
				query.predicates, query.order = nil, nil
			}, render.Modifier({{ $node.Package }}.Table, {{ $node.Package }}.{{ $node.ID.Constant }}, {{ $fk }}, limit, parents, order))
			if err := query.Select().Scan(ctx, &pages); err != nil {
				return err
			}
			if len(pages) == 0 {
				return nil
			}
			return render.Store(ctx, field.Field, pages[0].Page.String)
		}
		byID := make(map[{{ $node.ID.Type }}]int, len(nodes))
		for i, n := range nodes {
			byID[n.ID] = i
		}
		// At most a page's worth of pointers ahead: parents with few children do not fill it.
		query.sizeHint = min(limit*len(nodes), 4096)
		children, err := query.All(ctx)
		if err != nil {
			return err
		}
		// Each parent's page is a part of one array, sized by counting its children first,
		// instead of a slice grown child by child.
		counts := make([]int, len(nodes))
		for _, c := range children {
			i, ok := byID[c.{{ $e.Ref.Field.StructField }}]
			if !ok {
				return fmt.Errorf("{{ $e.Name }} page: %v belongs to no requested parent", c.ID)
			}
			counts[i]++
		}
		pages := make([]*{{ $e.Type.Name }}, len(children))
		for i, n := range nodes {
			n.Edges.named{{ $e.StructField }}.Set(alias, pages[:0:counts[i]])
			pages = pages[counts[i]:]
		}
		for _, c := range children {
			nodes[byID[c.{{ $e.Ref.Field.StructField }}]].appendNamed{{ $e.StructField }}(alias, c)
		}
		return nil
	})
	continue
}
{{- end }}
modify := entgql.LimitPerRow({{ $fk }}, limit, pager.orderExpr(query))`

// namedEdgePages replaces the model templates of ent's namedges feature: a node keeps its
// edges loaded by name (GraphQL alias) in a namededges.Pages, a short slice, instead of a map
// per node and edge (about 400 bytes each, for the one or two names a query uses).
func namedEdgePages() *gen.Template {
	return gen.MustParse(gen.NewTemplate("template/namededges.tmpl").Funcs(entgql.TemplateFuncs).Parse(namedEdgePagesText))
}

const namedEdgePagesText = `
{{ define "dialect/sql/model/edges/fields/additional/namedges" }}
	{{- if $.FeatureEnabled "namedges" }}
		{{- range $e := $.Edges }}
			{{- if not $e.Unique }}
				named{{ $e.StructField }} namededges.Pages[{{ $e.Type.Name }}]
			{{- end }}
		{{- end }}
	{{- end }}
{{ end }}

{{ define "dialect/sql/model/additional/namedges" }}
	{{- if $.FeatureEnabled "namedges" }}
		{{ $receiver := $.Receiver }}
		{{- range $e := $.Edges }}
			{{- if not $e.Unique }}
				// Named{{ $e.StructField }} returns the {{ $e.StructField }} named value or an error if the edge was not
				// loaded in eager-loading with this name.
				func ({{ $receiver }} *{{ $.Name }}) Named{{ $e.StructField }}(name string) ([]*{{ $e.Type.Name }}, error) {
					nodes, ok := {{ $receiver }}.Edges.named{{ $e.StructField }}.Get(name)
					if !ok {
						return nil, &NotLoadedError{edge: name}
					}
					return nodes, nil
				}

				func ({{ $receiver }} *{{ $.Name }}) appendNamed{{ $e.StructField }}(name string, edges ...*{{ $e.Type.Name }}) {
					{{ $receiver }}.Edges.named{{ $e.StructField }}.Append(name, edges...)
				}
			{{- end }}
		{{- end }}
	{{- end }}
{{ end }}

{{ define "dialect/sql/import/additional/namededges" }}
	"github.com/flowline/flowline/internal/namededges"{{ end }}
`

// countShown counts a nested connection's totalCount for the parents the page shows, not for
// the one more it read to tell whether there is a next page (its nested pages are read for
// the shown ones only too).
const countShown = `		if {{ $receiver }}.pageShown != nil {
			nodes = {{ $receiver }}.pageShown(nodes)
		}
		ids := make([]driver.Value, len(nodes))
`

// pageShownField is the query's pageShown: which of the nodes it reads its connection shows
// (set by Paginate and by a nested page; nil: all); and its sizeHint: how many nodes it
// expects to read (a nested page: its limit per parent times the parents), the capacity its
// result starts with instead of growing from one node.
const pageShownField = `
{{ define "dialect/sql/query/fields/additional/page_shown" }}
	pageShown func([]*{{ $.Name }}) []*{{ $.Name }}
	sizeHint  int
{{- end }}
`

// lateralCollection is entgql's collection template (read from the module's source, so an
// upgrade keeps its other changes) with lateralPage in place of its per-parent limit. It
// fails the generation when entgql's template no longer has the expected lines.
func lateralCollection() *gen.Template {
	path, text := entgqlTemplate("collection.tmpl")
	for _, r := range []struct{ old, new string }{
		{"modify := entgql.LimitPerRow({{ $fk }}, limit, pager.orderExpr(query))", lateralPage},
		{"\t\tids := make([]driver.Value, len(nodes))\n", countShown},
		{"\t\"entgo.io/contrib/entgql\"\n", "\t\"entgo.io/contrib/entgql\"\n\t\"entgo.io/ent/dialect\"\n\t\"github.com/flowline/flowline/internal/nestedpage\"\n"},
	} {
		if strings.Count(text, r.old) != 1 {
			log.Fatalf("%s: expected one %q; update lateralCollection in ent/entc.go", path, r.old)
		}
		text = strings.Replace(text, r.old, r.new, 1)
	}
	text += pageShownField
	return gen.MustParse(gen.NewTemplate("template/collection.tmpl").Funcs(entgql.TemplateFuncs).Parse(text))
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

// enumDocs describes the enums that ent generates (whose own text is "X is enum for the field
// y") and their values.
var enumDocs = map[string]struct {
	doc    string
	values map[string]string
}{
	"ActionType": {"What one step of a workflow does. IF, SWITCH, FOR_EACH, STOP and COMPUTE are run by the engine itself; the others are actions.", map[string]string{
		"SEND_EMAIL": "Queue an e-mail in the outbox (sent over SMTP, retried).", "CREATE_TASK": "Create a task for a client.",
		"UPDATE_CLIENT": "Change a client's fields.", "ADD_TAG": "Add a tag to a client.", "REMOVE_TAG": "Remove a tag from a client.",
		"SEND_WEBHOOK": "Send a signed JSON request to another system.", "DELAY": "Wait, durably, before the next step.",
		"LOG_ACTIVITY": "Write an entry on a client's timeline.", "FIND_CLIENTS": "Find the clients that match a condition.",
		"FIND_TASKS": "Find the tasks that match a condition.", "HTTP_REQUEST": "Call another system and keep its answer for later steps.",
		"COMPUTE": "Compute values with CEL expressions.", "IF": "Run the then or the else block.",
		"SWITCH": "Run the first case whose conditions hold, or the default block.", "FOR_EACH": "Run the body once per item of a list.",
		"STOP": "End the run as COMPLETED.",
	}},
	"ClientStatus": {"Where a client stands in the relationship.", map[string]string{
		"LEAD": "A prospect.", "ACTIVE": "A current client.", "INACTIVE": "A client with no current business.", "CHURNED": "A client that left.",
	}},
	"EmailStatus": {"Where an e-mail of the outbox is.", map[string]string{
		"QUEUED": "Waiting to be sent (or for its next attempt).", "SENDING": "Claimed by a sender.", "SENT": "Accepted by the SMTP server.",
		"FAILED": "Given up on after its attempts or a permanent refusal.",
	}},
	"Role": {"What a user may do.", map[string]string{
		"ADMIN": "Everything, users included.", "EDITOR": "Workflows of their own and the CRM.", "VIEWER": "Read only.",
	}},
	"TaskPriority": {"How urgent a task is.", map[string]string{"LOW": "Low.", "MEDIUM": "Medium (the default).", "HIGH": "High.", "URGENT": "Urgent."}},
	"TriggerType": {"The CRM event that starts a workflow.", map[string]string{
		"CLIENT_CREATED": "A client is created.", "CLIENT_UPDATED": "One of a client's fields changes.",
		"CLIENT_STATUS_CHANGED": "A client's status changes.", "DOCUMENT_UPLOADED": "A document is registered for a client.",
		"TASK_COMPLETED": "A task is completed.", "SCHEDULED": "A cron schedule ticks.", "MANUAL": "triggerWorkflow is called.",
		"WEBHOOK":     "POST /hooks/{id} is called with the workflow's secret.",
		"CLIENT_DATE": "A client's date (createdAt or a DATE/DATETIME custom field) plus an offset is reached.",
	}},
	"WorkflowExecutionExitReason": {"Why a COMPLETED execution ended before its last step.", map[string]string{"STOPPED": "A STOP step ran (exitMessage holds its reason).", "GOAL_MET": "The workflow's goal held: when the client changed or before a step."}},
	"WorkflowExecutionLogStatus": {"How one attempt of a step ended.", map[string]string{
		"SUCCESS": "It ran.", "FAILED": "It failed (errorMessage says why); it may be retried.", "SKIPPED": "It did not run: the conditions did not pass.",
	}},
	"WorkflowExecutionStatus": {"Where an execution is.", map[string]string{
		"PENDING": "Waiting for a worker (new, delayed, or backing off before a retry).", "RUNNING": "Held by a worker.",
		"COMPLETED": "Ended after its last step, a STOP, or conditions that did not pass.", "FAILED": "Ended by a failing step, a timeout or the loop guard.",
		"CANCELLED": "Cancelled by cancelExecution.",
	}},
}

// describeTypes replaces ent's generated enum descriptions and documents the scalars; Time
// points at its specification with @specifiedBy.
func describeTypes(_ *gen.Graph, s *ast.Schema) error {
	for name, d := range enumDocs {
		t := s.Types[name]
		if t == nil {
			return fmt.Errorf("describe: no enum %s", name)
		}
		t.Description = d.doc
		for _, v := range t.EnumValues {
			if doc, ok := d.values[v.Name]; ok {
				v.Description = doc
			} else {
				return fmt.Errorf("describe: enum value %s.%s has no description", name, v.Name)
			}
		}
	}
	scalars := map[string]string{
		"Time":   "A point in time, in RFC 3339 format with a time zone offset (2024-01-31T09:00:00Z).",
		"Map":    "A JSON object.",
		"Cursor": "An opaque position in a connection (Relay cursor): pass it back as after or before.",
	}
	for name, doc := range scalars {
		t := s.Types[name]
		if t == nil {
			return fmt.Errorf("describe: no scalar %s", name)
		}
		t.Description = doc
	}
	s.Types["Time"].Directives = append(s.Types["Time"].Directives, &ast.Directive{
		Name:      "specifiedBy",
		Arguments: ast.ArgumentList{{Name: "url", Value: &ast.Value{Kind: ast.StringValue, Raw: "https://datatracker.ietf.org/doc/html/rfc3339"}}},
	})
	return nil
}

// typeDocs describe the ent types as the API shows them.
var typeDocs = map[string]string{
	"Workflow":              "An automation: when its trigger fires and its conditions hold, its steps run as an execution.",
	"WorkflowExecution":     "One run of a workflow for one event, advanced by the engine step by step.",
	"WorkflowExecutionLog":  "One attempt of one step of an execution.",
	"WorkflowVersion":       "An immutable snapshot of a workflow's definition, made by every change of it.",
	"Client":                "A client of the CRM (a person or company), the subject of most workflows.",
	"Task":                  "A to-do for a user, usually about a client.",
	"Document":              "A file registered for a client.",
	"Activity":              "An entry on a client's timeline.",
	"Email":                 "An e-mail of the outbox: queued by a SEND_EMAIL step, delivered over SMTP.",
	"User":                  "A person who signs in, with a role.",
	"ApiToken":              "A long-lived token for scripts and SDKs; the secret is shown once, when created.",
	"CreateClientInput":     "A new client.",
	"UpdateClientInput":     "Changes to a client; fields left out are unchanged.",
	"CreateUserInput":       "A new user.",
	"RegisterDocumentInput": "A document to register for a client.",
	"Query":                 "Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page.",
}

// fieldDocs describe fields by name, for every type that has them ("*") or for one type;
// create and update inputs take the description of the object's field.
var fieldDocs = map[string]string{
	"*.id":           "The object's ID, a UUID; node(id:) finds it.",
	"*.createdAt":    "When it was created.",
	"*.updatedAt":    "When it last changed.",
	"*.name":         "Its name.",
	"*.email":        "E-mail address.",
	"*.clientID":     "The client's ID.",
	"*.client":       "The client.",
	"*.status":       "Where it stands.",
	"*.errorMessage": "Why it failed, when it did.",
	"*.attempt":      "The try number, from 1.",
	"*.workflowID":   "The workflow's ID.",
	"*.workflow":     "The workflow.",
	"*.createdByID":  "The ID of the user who created it.",
	"*.createdBy":    "The user who created it.",
	"*.executionID":  "The execution's ID.",
	"*.execution":    "The execution.",
	"*.stepIndex":    "The step's position in the execution's compiled step list (its index among the actions for a straight list).",

	"Workflow.description":   "What the workflow is for.",
	"Workflow.isActive":      "Whether its trigger starts executions.",
	"Workflow.isTemplate":    "Templates never run; createWorkflowFromTemplate copies them.",
	"Workflow.triggerType":   "The CRM event that starts it.",
	"Workflow.triggerConfig": "Filters on the trigger (see the README: status, fields, cron, ...).",
	"Workflow.conditions":    "Conditions on the event and the client; the steps run only when they hold ({} always holds).",
	"Workflow.actions":       "The step tree, run in order.",
	"Workflow.enrollment":    "Who may start a run: {mode: EVERY_TIME|ONCE|ONE_ACTIVE, reenrollOn: [client fields]}; null is EVERY_TIME.",
	"Workflow.goal":          "A condition that ends a run as COMPLETED with exitReason GOAL_MET when it holds; null: no goal.",
	"Workflow.version":       "The definition's version, one more at every change of trigger, conditions or actions.",
	"Workflow.templateKey":   "The built-in template it is (library templates only).",
	"Workflow.retentionDays": "Days its executions are kept after they end, overriding the server's RETENTION_DAYS (1 to 3650); null follows the server.",
	"Workflow.debounce":      "Triggers of one key within the period make one execution, started the period after the last (null: no debounce).",
	"Workflow.concurrency":   "At most limit RUNNING executions per key; the others wait as PENDING (null: no limit).",
	"Workflow.throttle":      "At most limit starts per period and key; the others start in a later window (null: no throttle).",
	"Workflow.executions":    "Its executions.",
	"Workflow.versions":      "Its versions, newest first.",

	"WorkflowExecution.clientID":        "The ID of the client the run is about, if any.",
	"WorkflowExecution.triggerData":     "The event's data as the run sees it (trigger.* in placeholders).",
	"WorkflowExecution.currentStep":     "The next step to run, in the compiled step list.",
	"WorkflowExecution.startedAt":       "When a worker first took the current run.",
	"WorkflowExecution.completedAt":     "When it ended.",
	"WorkflowExecution.exitReason":      "Why a COMPLETED run ended early: STOPPED by a STOP step, GOAL_MET when the workflow's goal held.",
	"WorkflowExecution.exitMessage":     "The STOP step's reason.",
	"WorkflowExecution.workflowVersion": "The workflow version the execution runs (pinned when it was created).",
	"WorkflowExecution.runAt":           "When it may next be claimed (later than now while delayed or backing off).",
	"WorkflowExecution.attempt":         "How many times a worker claimed it.",
	"WorkflowExecution.run":             "The run: 1, then one more per retry from the start.",
	"WorkflowExecution.depth":           "Causation depth: 0 for a user's change, one more for a change made by an execution (the loop guard's measure).",
	"WorkflowExecution.client":          "The client the run is about, if any.",
	"WorkflowExecution.logs":            "One row per step attempt, by stepIndex unless ordered otherwise.",

	"WorkflowExecutionLog.path":       "The step's JSON pointer in the definition, e.g. /actions/1/then/0.",
	"WorkflowExecutionLog.stepKey":    "The step's key, if it has one.",
	"WorkflowExecutionLog.iteration":  "The loop item the step ran for (null outside loops).",
	"WorkflowExecutionLog.branch":     "The IF or SWITCH branch the step is in (then, else, a case's name, default).",
	"WorkflowExecutionLog.run":        "The execution's run the attempt belongs to.",
	"WorkflowExecutionLog.actionType": "The step's type.",
	"WorkflowExecutionLog.inputData":  "The step's rendered config (secrets shown as ***), capped at 16 KiB.",
	"WorkflowExecutionLog.outputData": "What the step produced or why it did not run, capped at 16 KiB.",
	"WorkflowExecutionLog.durationMs": "How long the attempt took.",
	"WorkflowExecutionLog.executedAt": "When the attempt started.",

	"WorkflowVersion.version":    "The version number.",
	"WorkflowVersion.definition": "The definition as it was: triggerType, triggerConfig, conditions, actions.",

	"Client.phone":        "Phone number.",
	"Client.tags":         "Free-form labels (vip, ...).",
	"Client.ownerID":      "The ID of the user who owns the relationship.",
	"Client.owner":        "The user who owns the relationship.",
	"Client.executions":   "Executions about this client.",
	"Client.tasks":        "The client's tasks.",
	"Client.documents":    "The client's documents.",
	"Client.activities":   "The client's timeline.",
	"Client.clearPhone":   "Remove the phone number.",
	"Client.appendTags":   "Tags to add to the current ones.",
	"Client.clearOwner":   "Remove the owner.",
	"Client.customFields": "Values of the custom client fields (clientFields), by key. In updates, the given keys are merged into the current values and null removes one.",

	"Task.title":       "What to do.",
	"Task.priority":    "How urgent it is.",
	"Task.dueAt":       "When it is due.",
	"Task.completedAt": "When it was completed (completeTask).",
	"Task.assigneeID":  "The ID of the user who should do it.",
	"Task.assignee":    "The user who should do it.",

	"Document.contentType":  "Media type, e.g. application/pdf.",
	"Document.sizeBytes":    "Size in bytes.",
	"Document.uploadedByID": "The ID of the user who registered it.",

	"Activity.kind":    "What kind of entry (workflow, note, ...).",
	"Activity.message": "The entry's text.",
	"Activity.actor":   "Who wrote it (workflow:<id> for a workflow).",

	"Email.executionID":   "The ID of the execution that queued it.",
	"Email.stepIndex":     "The step that queued it.",
	"Email.clientID":      "The ID of the client it is about.",
	"Email.to":            "Recipient address.",
	"Email.cc":            "Copy addresses.",
	"Email.subject":       "Subject line.",
	"Email.body":          "Plain-text body.",
	"Email.messageID":     "Its Message-ID header, stable across retries.",
	"Email.attempts":      "Delivery attempts so far.",
	"Email.nextAttemptAt": "When the sender tries next.",
	"Email.lastError":     "The last delivery error.",
	"Email.sentAt":        "When the SMTP server accepted it.",

	"User.role":      "What the user may do.",
	"User.clients":   "Clients the user owns.",
	"User.apiTokens": "The user's API tokens.",

	"ApiToken.expiresAt":  "When it stops working (never when null).",
	"ApiToken.lastUsedAt": "When it was last used.",
	"ApiToken.revokedAt":  "When it was revoked (revokeApiToken).",

	"Query.clients":            "Clients, as a Relay connection.",
	"Query.emails":             "The e-mail outbox.",
	"Query.tasks":              "Tasks.",
	"Query.users":              "Users.",
	"Query.workflows":          "Workflows (templates included unless filtered).",
	"Query.workflowExecutions": "Executions of every workflow the caller may read.",
}

// predicateDocs describe the suffixes of where-input fields.
var predicateDocs = []struct{ suffix, doc string }{
	{"NotIn", "is none of the values"}, {"NotNil", "is set"}, {"IsNil", "is not set"},
	{"ContainsFold", "contains the text, ignoring case"}, {"EqualFold", "equals the text, ignoring case"},
	{"HasPrefix", "starts with the text"}, {"HasSuffix", "ends with the text"}, {"Contains", "contains the text"},
	{"NEQ", "is not the value"}, {"GTE", "is at least the value"}, {"LTE", "is at most the value"},
	{"GT", "is greater than the value"}, {"LT", "is less than the value"}, {"In", "is one of the values"},
}

// describeFields fills in the descriptions ent leaves empty: types, fields (objects and their
// create/update inputs), where-input predicates and order fields.
func describeFields(_ *gen.Graph, s *ast.Schema) error {
	for name, doc := range typeDocs {
		if t := s.Types[name]; t != nil && t.Description == "" {
			t.Description = doc
		}
	}
	for name, t := range s.Types {
		object := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(name, "Create"), "Update"), "Input")
		switch {
		case strings.HasSuffix(name, "WhereInput"):
			describeWhere(t, strings.TrimSuffix(name, "WhereInput"))
			continue
		case strings.HasSuffix(name, "OrderField"):
			for _, v := range t.EnumValues {
				if v.Description == "" {
					v.Description = "Order by " + strings.ToLower(strings.ReplaceAll(v.Name, "_", " ")) + "."
				}
			}
			continue
		}
		for _, f := range t.Fields {
			if f.Description != "" || strings.HasPrefix(f.Name, "__") {
				continue
			}
			if doc, ok := fieldDocs[object+"."+f.Name]; ok {
				f.Description = doc
			} else if doc, ok := fieldDocs["*."+f.Name]; ok {
				f.Description = doc
			}
		}
	}
	return nil
}

func describeWhere(t *ast.Definition, object string) {
	if t.Description == "" || strings.Contains(t.Description, "generated by ent") {
		t.Description = "Filters " + object + " objects: every field given must hold."
	}
	for _, f := range t.Fields {
		if f.Description != "" && !strings.HasSuffix(f.Description, "predicates") {
			continue
		}
		switch {
		case f.Name == "not":
			f.Description = "Holds when the inner filter does not."
		case f.Name == "and":
			f.Description = "Holds when every filter does."
		case f.Name == "or":
			f.Description = "Holds when any filter does."
		case strings.HasPrefix(f.Name, "has") && strings.HasSuffix(f.Name, "With"):
			f.Description = "Has a " + strings.TrimSuffix(strings.TrimPrefix(f.Name, "has"), "With") + " edge that matches one of the filters."
		case strings.HasPrefix(f.Name, "has"):
			f.Description = "Has at least one " + strings.TrimPrefix(f.Name, "has") + " edge."
		default:
			f.Description = predicateDoc(f.Name)
		}
	}
}

func predicateDoc(name string) string {
	for _, p := range predicateDocs {
		if base, ok := strings.CutSuffix(name, p.suffix); ok && base != "" {
			return base + " " + p.doc + "."
		}
	}
	return name + " equals the value."
}

// idWord finds "ID" as the last word of a name or before a predicate suffix (clientID,
// clientIDNEQ, ownerIDIsNil), not inside a word (IDentity) nor as the whole name.
var idWord = regexp.MustCompile(`^([a-z][a-zA-Z]*?)ID((?:[A-Z][a-zA-Z]*)?)$`)

// camelIDs spells ids the way the hand-written API does (clientId, as in triggerWorkflow's
// argument), in ent's objects, inputs and filters. ent's own spelling (clientID) stays, with
// @deprecated, for one release; both read and write the same Go field.
func camelIDs(_ *gen.Graph, s *ast.Schema) error {
	for _, t := range s.Types {
		if t.BuiltIn || (t.Kind != ast.Object && t.Kind != ast.InputObject) {
			continue
		}
		var out ast.FieldList
		for _, f := range t.Fields {
			m := idWord.FindStringSubmatch(f.Name)
			if m == nil || (m[2] != "" && !isPredicateSuffix(m[2])) {
				out = append(out, f)
				continue
			}
			old := *f
			f.Name = m[1] + "Id" + m[2]
			f.Description = strings.ReplaceAll(f.Description, m[1]+"ID", m[1]+"Id")
			reason := "Use " + f.Name + ": the API spells ids ...Id everywhere."
			old.Directives = append(append(ast.DirectiveList(nil), old.Directives...), &ast.Directive{
				Name:      "deprecated",
				Arguments: ast.ArgumentList{{Name: "reason", Value: &ast.Value{Kind: ast.StringValue, Raw: reason}}},
			})
			out = append(out, f, &old)
		}
		t.Fields = out
	}
	return nil
}

func isPredicateSuffix(s string) bool {
	for _, p := range predicateDocs {
		if s == p.suffix {
			return true
		}
	}
	return false
}
