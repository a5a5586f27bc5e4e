package graph

import (
	"context"
	"regexp"
	"sort"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// locateValidationError gives a validation error about the query text (an unknown enum value
// or a missing required argument written inline) the path of the field it is about and, for
// a value inside an argument, extensions.field ("input.status"). gqlparser reports only a
// line and column; a client wants to know which field. Errors about variables already carry
// a path and are left alone, as are those in fragments (their field has many paths).
//
// The query is parsed and indexed once per request (not once per error: a query with
// thousands of bad fields must stay cheap), and only the first maxLocatedErrors are located.
func locateValidationError(ctx context.Context, e *gqlerror.Error) *gqlerror.Error {
	if e.Rule == "" || e.Path != nil || len(e.Locations) == 0 || !graphql.HasOperationContext(ctx) {
		return e
	}
	idx := fieldIndexOf(graphql.GetOperationContext(ctx))
	if idx == nil || idx.located >= maxLocatedErrors {
		return e
	}
	idx.located++
	at := e.Locations[0]
	// The field that starts last at or before the error: arguments follow their field's
	// name, and its children come after them.
	i := sort.Search(len(idx.fields), func(i int) bool { return !before(idx.fields[i].pos, at) }) - 1
	if i < 0 || idx.fields[i].path == nil {
		return e // before any field, or inside a fragment
	}
	best := idx.fields[i]
	out := *e
	out.Path = best.path
	if m := missingArgument.FindStringSubmatch(e.Message); m != nil {
		return withField(&out, m[1])
	}
	for _, arg := range best.field.Arguments {
		if name := valueAt(arg.Value, at, arg.Name); name != "" {
			if m := missingInputField.FindStringSubmatch(e.Message); m != nil {
				name += "." + m[1] // the object is reported; name the field it lacks
			}
			return withField(&out, name)
		}
	}
	return &out
}

// maxLocatedErrors bounds the validation errors that get a path in one response.
const maxLocatedErrors = 20

// fieldIndex lists a query's fields in document order, with their response paths (nil for
// fields of fragment definitions).
type fieldIndex struct {
	fields  []indexedField
	located int
}

type indexedField struct {
	pos   *ast.Position
	path  ast.Path
	field *ast.Field
}

const fieldIndexKey = "graph.fieldIndex"

// fieldIndexMu guards the index kept in an operation's stats; errors are presented one at a
// time, the lock only makes that assumption safe.
var fieldIndexMu sync.Mutex

// fieldIndexOf returns the request's field index, building it on first use; nil when the
// query does not parse.
func fieldIndexOf(oc *graphql.OperationContext) *fieldIndex {
	fieldIndexMu.Lock()
	defer fieldIndexMu.Unlock()
	if idx, ok := oc.Stats.GetExtension(fieldIndexKey).(*fieldIndex); ok {
		return idx
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: oc.RawQuery})
	if err != nil {
		oc.Stats.SetExtension(fieldIndexKey, (*fieldIndex)(nil))
		return nil
	}
	idx := &fieldIndex{}
	var walk func(set ast.SelectionSet, parent ast.Path, inFragment bool)
	walk = func(set ast.SelectionSet, parent ast.Path, inFragment bool) {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				var path ast.Path
				if !inFragment {
					key := sel.Alias
					if key == "" {
						key = sel.Name
					}
					path = append(append(ast.Path{}, parent...), ast.PathName(key))
				}
				if sel.Position != nil {
					idx.fields = append(idx.fields, indexedField{pos: sel.Position, path: path, field: sel})
				}
				walk(sel.SelectionSet, path, inFragment)
			case *ast.InlineFragment:
				walk(sel.SelectionSet, parent, inFragment)
			}
		}
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet, nil, false)
	}
	for _, f := range doc.Fragments {
		walk(f.SelectionSet, nil, true)
	}
	sort.SliceStable(idx.fields, func(i, j int) bool {
		a, b := idx.fields[i].pos, idx.fields[j].pos
		return a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column)
	})
	oc.Stats.SetExtension(fieldIndexKey, idx)
	return idx
}

// gqlparser's messages for a required argument or input field left out.
var (
	missingArgument   = regexp.MustCompile(`^Field "[^"]+" argument "([^"]+)" of type "[^"]+" is required`)
	missingInputField = regexp.MustCompile(`^Field "[^".]+\.([^"]+)" of required type "[^"]+" was not provided`)
)

// withField sets extensions.field on a copy of e's extensions.
func withField(e *gqlerror.Error, field string) *gqlerror.Error {
	ext := make(map[string]any, len(e.Extensions)+1)
	for k, v := range e.Extensions {
		ext[k] = v
	}
	ext["field"] = field
	e.Extensions = ext
	return e
}

// valueAt returns the dotted name of the value in v that starts at the location, or "".
func valueAt(v *ast.Value, at gqlerror.Location, name string) string {
	if v == nil {
		return ""
	}
	if v.Position != nil && v.Position.Line == at.Line && v.Position.Column == at.Column {
		return name
	}
	for _, c := range v.Children {
		child := name
		if c.Name != "" {
			child = name + "." + c.Name
			if c.Position != nil && c.Position.Line == at.Line && c.Position.Column == at.Column {
				return child // the error is about the key (an unknown input field)
			}
		}
		if found := valueAt(c.Value, at, child); found != "" {
			return found
		}
	}
	return ""
}

// before reports whether p starts at or before the location.
func before(p *ast.Position, at gqlerror.Location) bool {
	return p != nil && (p.Line < at.Line || (p.Line == at.Line && p.Column <= at.Column))
}
