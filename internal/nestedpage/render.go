package nestedpage

import (
	"context"
	"database/sql/driver"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"entgo.io/ent/dialect/sql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"
	"github.com/vektah/gqlparser/v2/ast"
)

// A leaf page is a nested connection whose nodes are read for a few plain columns (the
// dashboard's execution logs: id, status, stepIndex): PostgreSQL writes each parent's edges
// as the API's JSON text, all the parents' pages in one text (one row), and the server
// copies each page into the answer. Loading 2,000 log rows as rows and marshalling them one
// field at a time cost the server about 4 of its 5 ms of CPU per dashboard read; PostgreSQL
// builds the text at about the cost of sending the rows (a little more in some
// measurements, BENCHMARKS.md). A selection that asks for anything else (a cursor,
// pageInfo, totalCount, a field that is not a plain column, @defer, last) is read as rows.

// column is a node field that PostgreSQL writes exactly as the API's marshaller does.
type column struct {
	name string
	kind kind
}

type kind int

const (
	uuidColumn kind = iota // a UUID: its text is the canonical form the API writes
	intColumn              // a non-null integer
	enumColumn             // a non-null enum, stored as its GraphQL name
)

// leaf is a node type whose pages PostgreSQL may write.
type leaf struct {
	connection, edge string            // the GraphQL types of its connection and edge
	implements       []string          // the node's type and interfaces, for fragments
	columns          map[string]column // by GraphQL field name
}

// leaves are the node types with leaf pages, by ent type name.
var leaves = map[string]leaf{
	"WorkflowExecutionLog": {
		connection: "WorkflowExecutionLogConnection",
		edge:       "WorkflowExecutionLogEdge",
		implements: []string{"WorkflowExecutionLog", "Node"},
		columns: map[string]column{
			"id":          {"id", uuidColumn},
			"executionId": {"execution_id", uuidColumn},
			"executionID": {"execution_id", uuidColumn},
			"stepIndex":   {"step_index", intColumn},
			"run":         {"run", intColumn},
			"attempt":     {"attempt", intColumn},
			"durationMs":  {"duration_ms", intColumn},
			"status":      {"status", enumColumn},
		},
	},
}

// leafArguments are the connection arguments a leaf page honours: they filter and order
// the children's query, which the page keeps. last, which reverses the page after it is
// read, is not one of them.
var leafArguments = map[string]bool{"first": true, "after": true, "before": true, "where": true, "orderBy": true}

// plainName is a GraphQL name: aliases and type names are written into the statement's
// string literals, which they cannot break out of.
var plainName = regexp.MustCompile(`^[_A-Za-z][_0-9A-Za-z]*$`)

// Plan is how PostgreSQL writes one connection field's pages.
type Plan struct {
	// connection is the connection object's fields: edges, or __typename (typename set).
	connection []connectionField
	// pieces make up one edge's JSON: string literals and columns, in order.
	pieces []piece
}

// connectionField is one field of the connection object, as it is written.
type connectionField struct {
	key      string // "alias":
	typename string // "TypeName" for __typename, "" for edges
}

type piece struct {
	literal string
	column  column // when literal is ""
}

// PlanPage returns how PostgreSQL writes the pages of the connection field (the children
// of type child, an ent type name), or nil when the selection needs the rows: a field that
// is not a plain column, a cursor, pageInfo, totalCount, last, @defer; or when ctx carries no
// Pages for the operation.
func PlanPage(ctx context.Context, field graphql.CollectedField, child string) *Plan {
	l, ok := leaves[child]
	if !ok || pagesFrom(ctx) == nil || !graphql.HasOperationContext(ctx) {
		return nil
	}
	opCtx := graphql.GetOperationContext(ctx)
	if strings.Contains(opCtx.RawQuery, "@defer") {
		return nil
	}
	for _, a := range field.Arguments {
		if !leafArguments[a.Name] {
			return nil
		}
	}
	p := &Plan{}
	var edges *graphql.CollectedField
	for _, f := range graphql.CollectFields(opCtx, field.Selections, []string{l.connection}) {
		switch {
		case !plainName.MatchString(f.Alias):
			return nil
		case f.Name == "__typename":
			p.connection = append(p.connection, connectionField{key: `"` + f.Alias + `":`, typename: `"` + l.connection + `"`})
		case f.Name == "edges" && edges == nil:
			edges = &f
			p.connection = append(p.connection, connectionField{key: `"` + f.Alias + `":`})
		default:
			return nil
		}
	}
	if edges == nil || !p.edge(opCtx, l, *edges) {
		return nil
	}
	return p
}

// edge plans an edge's JSON: {"node":{...},"__typename":"..."}.
func (p *Plan) edge(opCtx *graphql.OperationContext, l leaf, edges graphql.CollectedField) bool {
	var b strings.Builder
	b.WriteByte('{')
	node := false
	for i, f := range graphql.CollectFields(opCtx, edges.Selections, []string{l.edge}) {
		if !plainName.MatchString(f.Alias) {
			return false
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + f.Alias + `":`)
		switch {
		case f.Name == "__typename":
			b.WriteString(`"` + l.edge + `"`)
		case f.Name == "node" && !node:
			node = true
			if !p.node(opCtx, l, f, &b) {
				return false
			}
		default:
			return false
		}
	}
	b.WriteByte('}')
	p.literal(b.String())
	return node
}

// node plans a node's JSON, its plain columns read from the row.
func (p *Plan) node(opCtx *graphql.OperationContext, l leaf, node graphql.CollectedField, b *strings.Builder) bool {
	b.WriteByte('{')
	for i, f := range graphql.CollectFields(opCtx, node.Selections, l.implements) {
		if !plainName.MatchString(f.Alias) || len(f.Arguments) > 0 {
			return false
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + f.Alias + `":`)
		if f.Name == "__typename" {
			b.WriteString(`"` + l.implements[0] + `"`)
			continue
		}
		c, ok := l.columns[f.Name]
		if !ok {
			return false
		}
		if c.kind == uuidColumn {
			b.WriteByte('"')
		}
		p.literal(b.String())
		b.Reset()
		p.pieces = append(p.pieces, piece{column: c})
		if c.kind == uuidColumn {
			b.WriteByte('"')
		}
	}
	b.WriteByte('}')
	return true
}

// literal appends text to the edge's pieces, joined to a literal before it.
func (p *Plan) literal(s string) {
	if s == "" {
		return
	}
	if n := len(p.pieces); n > 0 && p.pieces[n-1].literal != "" {
		p.pieces[n-1].literal += s
		return
	}
	p.pieces = append(p.pieces, piece{literal: s})
}

// Modifier returns a query modifier (run after the children's predicates, as Lateral's)
// that turns
//
//	SELECT cols FROM child WHERE <filters>
//
// into one row holding every parent's page: per parent its id and its edges as JSON text
// ("" without children), the parents separated by pageSeparator (see Store):
//
//	SELECT string_agg(concat(p.id, array_to_string(ARRAY(
//	  SELECT concat('{"node":{"id":"', child.id, ...) FROM child
//	  WHERE <filters> AND child.fk = p.id ORDER BY <order> LIMIT n
//	), ',')), chr(30)) AS page FROM parent AS p WHERE p.id = ANY($1)
//
// Each page reads the same index rows as Lateral's. An array built from a subquery keeps
// the subquery's order; an aggregate over a sorted subquery is not promised to, and
// string_agg(... ORDER BY ...) sorts every parent's rows again (a sixth slower). One row
// rather than one per parent: reading and scanning 200 rows of text cost the server a
// quarter of its CPU per dashboard read, most of it per row.
func (p *Plan) Modifier(parentTable, parentID, fk string, limit int, parents []driver.Value, order sql.Querier) func(*sql.Selector) {
	return func(s *sql.Selector) {
		d := sql.Dialect(s.Dialect())
		parent := d.Table(parentTable).As(parentAlias)
		// As in Lateral: the inner query is s itself, never a clone.
		inner := new(sql.Selector)
		*inner = *s
		inner.SetDistinct(false)
		inner.Select().SelectExpr(sql.ExprFunc(func(b *sql.Builder) { p.writeEdge(b, inner) }))
		inner.Where(sql.ColumnsEQ(inner.C(fk), parent.C(parentID)))
		inner.OrderExpr(order)
		inner.Limit(limit)
		out := d.Select().SelectExpr(
			sql.ExprFunc(func(b *sql.Builder) {
				b.WriteString("string_agg(concat(").WriteString(parent.C(parentID)).WriteString(", array_to_string(ARRAY")
				b.Wrap(func(b *sql.Builder) { b.Join(inner) })
				b.WriteString(", ',')), chr(30)) AS ").Ident("page")
			}),
		).From(parent)
		out.Where(sql.P(func(b *sql.Builder) {
			b.WriteString(parent.C(parentID)).WriteString(" = ANY(").Arg(parentIDs(parents)).WriteString(")")
		}))
		*s = *out
	}
}

// writeEdge writes the expression of one edge's JSON: concat of the plan's literals and the
// row's columns (an enum through to_json, which escapes what a stored value might hold).
func (p *Plan) writeEdge(b *sql.Builder, child *sql.Selector) {
	b.WriteString("concat(")
	for i, pc := range p.pieces {
		if i > 0 {
			b.WriteString(", ")
		}
		switch {
		case pc.literal != "":
			b.WriteString("'" + pc.literal + "'")
		case pc.column.kind == enumColumn:
			b.WriteString("to_json(" + child.C(pc.column.name) + ")")
		default:
			b.WriteString(child.C(pc.column.name))
		}
	}
	b.WriteString(")")
}

// Pages are the pages PostgreSQL wrote during one operation, by connection field and parent.
type Pages struct {
	mu    sync.Mutex // root fields may resolve concurrently
	pages map[pageKey]rendered
}

type pageKey struct {
	field  *ast.Field
	parent any
}

type pagesKey struct{}

// WithPages returns ctx carrying the Pages of one operation: without them, pages are read
// as rows. An operation that answers more than once (a subscription) must not carry them,
// they would grow with every answer.
func WithPages(ctx context.Context) context.Context {
	return context.WithValue(ctx, pagesKey{}, &Pages{})
}

func pagesFrom(ctx context.Context) *Pages {
	p, _ := ctx.Value(pagesKey{}).(*Pages)
	return p
}

// pageSeparator separates the parents' pages in the text Modifier's query reads: a control
// character, which JSON text (to_json escapes a stored value's) never holds.
const pageSeparator = "\x1e"

// Store keeps the pages read for the field from the text of Modifier's query: for each
// parent its id (a UUID's 36 characters) then its edges' JSON, parents separated by
// pageSeparator; "" for no parents.
func (p *Plan) Store(ctx context.Context, field *ast.Field, text string) error {
	t := pagesFrom(ctx)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.pages == nil {
		t.pages = make(map[pageKey]rendered, strings.Count(text, pageSeparator)+1)
	}
	for page := range strings.SplitSeq(text, pageSeparator) {
		if page == "" {
			continue
		}
		if len(page) < uuidLen {
			return fmt.Errorf("nested page: parent id missing in %.60q", page)
		}
		id, err := uuid.Parse(page[:uuidLen])
		if err != nil {
			return fmt.Errorf("nested page: parent id: %w", err)
		}
		t.pages[pageKey{field, id}] = rendered{plan: p, edges: page[uuidLen:]}
	}
	return nil
}

// uuidLen is the length of a UUID's text as PostgreSQL writes it.
const uuidLen = 36

// Rendered returns the marshaller of the page PostgreSQL wrote for the field of the parent
// whose id is parent, if it did.
func Rendered(ctx context.Context, field *ast.Field, parent any) (graphql.Marshaler, bool) {
	t := pagesFrom(ctx)
	if t == nil {
		return nil, false
	}
	t.mu.Lock()
	r, ok := t.pages[pageKey{field, parent}]
	t.mu.Unlock()
	return r, ok
}

// rendered is a connection whose edges PostgreSQL wrote.
type rendered struct {
	plan  *Plan
	edges string // the edges' JSON objects, comma-separated
}

// MarshalGQL writes the connection: {"edges":[...]} with the selected aliases.
func (r rendered) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, "{")
	for i, f := range r.plan.connection {
		if i > 0 {
			_, _ = io.WriteString(w, ",")
		}
		_, _ = io.WriteString(w, f.key)
		if f.typename != "" {
			_, _ = io.WriteString(w, f.typename)
			continue
		}
		_, _ = io.WriteString(w, "[")
		_, _ = io.WriteString(w, r.edges)
		_, _ = io.WriteString(w, "]")
	}
	_, _ = io.WriteString(w, "}")
}
