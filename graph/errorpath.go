package graph

import (
	"context"
	"regexp"

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
func locateValidationError(ctx context.Context, e *gqlerror.Error) *gqlerror.Error {
	if e.Rule == "" || e.Path != nil || len(e.Locations) == 0 || !graphql.HasOperationContext(ctx) {
		return e
	}
	raw := graphql.GetOperationContext(ctx).RawQuery
	doc, err := parser.ParseQuery(&ast.Source{Input: raw})
	if err != nil {
		return e
	}
	at := e.Locations[0]
	var best struct {
		path  ast.Path
		field *ast.Field
		pos   *ast.Position
	}
	var walk func(set ast.SelectionSet, parent ast.Path)
	walk = func(set ast.SelectionSet, parent ast.Path) {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				key := sel.Alias
				if key == "" {
					key = sel.Name
				}
				path := append(append(ast.Path{}, parent...), ast.PathName(key))
				if before(sel.Position, at) && (best.pos == nil || before(best.pos, pos(sel.Position))) {
					best.path, best.field, best.pos = path, sel, sel.Position
				}
				walk(sel.SelectionSet, path)
			case *ast.InlineFragment:
				walk(sel.SelectionSet, parent)
			}
		}
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet, nil)
	}
	if best.field == nil {
		return e
	}
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

// pos turns a position into a location.
func pos(p *ast.Position) gqlerror.Location {
	return gqlerror.Location{Line: p.Line, Column: p.Column}
}
