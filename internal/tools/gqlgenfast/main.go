// Command gqlgenfast rewrites costs out of gqlgen's generated executor (graph/generated.go)
// that a large answer pays per object and per field, without changing what it answers. It
// runs right after gqlgen in the code-generation chain (generate.go); every rewrite checks the
// exact shape of gqlgen's code and fails the generation when gqlgen's output changed, so an
// upgrade cannot silently drop or break one.
//
//  1. Deferred groups: gqlgen builds a @defer group for every object it marshals, which
//     copies the object's path (graphql.GetPath) and allocates a field set and a map, used
//     only when a field of the object is deferred. graph.lazyDeferredGroup builds them only
//     then.
//  2. Object output: gqlgen's *FieldSet writes an object through a map of written aliases and
//     a heap copy of every collected field. graph.object writes the same JSON without them.
//  3. Lists: gqlgen marshals every element of a list of objects on a goroutine of its own,
//     each with a field context of its own; graph.marshalSlice marshals them in turn on the
//     caller's goroutine, with one field context for the list (one per element when the
//     operation may @defer), and graph.wrapContextMarshaler gives the values marshalled with
//     their context (floats) their path when they are resolved.
//  4. Plain scalar fields (a struct field of a Go value type whose marshaller never answers
//     null: int, string, bool, UUID, enums): gqlgen wraps each in a field context, the field
//     middleware chain and a panic handler, for a read that cannot fail. They are marshalled
//     directly. The middlewares (graph.MarkResolverErrors) only act on errors, which these
//     fields cannot produce.
//  5. Other struct fields (an edge's node, a connection's edges and page info, optional
//     scalars): gqlgen allocates closures for the field's context, value and marshaller, runs
//     the middlewares for a read that cannot fail and boxes the value. They keep their field
//     context (children's error paths) and panic recovery, and read the field directly.
//  6. Object construction: objects other than the root types are a graph.fastObject (one
//     allocation with room for a few fields' values) instead of a FieldSet, its values and
//     the object written; it makes a FieldSet only when a field is resolved concurrently.
//  7. Collected fields and arguments: gqlgen collects an object's fields, and parses a
//     field's arguments, again for every element of a list; graph remembers them per
//     selection set and per field for the operation (executionContext.fast).
//  8. Data: the answer is marshalled into a buffer sized from the last answer to the same
//     query (graph.marshalData) instead of into a bytes.Buffer grown by doubling.
//  9. Ints and enums: graphql.MarshalInt allocates a closure per value and an enum's
//     marshaller boxes the value, whose MarshalGQL quotes a copy of it; graph.marshalInt and
//     graph.marshalEnum hand out marshallers made once (0 to 1023; each enum value).
//  10. IDs: a UUID field of a loaded node is marshalled by a pointer to it
//     (uuidgql.MarshalUUIDAt) instead of a boxed copy, one allocation fewer per ID; the node
//     outlives the answer's marshalling.
//  11. Pages written by PostgreSQL: a node's connection field whose page PostgreSQL wrote
//     as JSON (internal/nestedpage, a leaf page) is answered with that text
//     (graph.renderedPage) without resolving the field (the edge method would build an
//     empty connection, the middlewares act only on errors, which the text cannot have).
package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
)

func main() {
	path := "graph/generated.go"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	b, err := os.ReadFile(path) //nolint:gosec // the path is go:generate's argument
	if err != nil {
		fail(err)
	}
	out, err := Rewrite(string(b))
	if err != nil {
		fail(fmt.Errorf("%s: %w", path, err))
	}
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil { //nolint:gosec // a source file, world-readable like the rest of the repository
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gqlgenfast:", err)
	os.Exit(1)
}

const (
	concurrentSlice   = "ret := graphql.MarshalSliceConcurrently(ctx, len(v), "
	sequentialSlice   = "ret := marshalSlice(ctx, len(v), "
	wrapContext       = "graphql.WrapContextMarshaler(ctx, "
	pathedWrapContext = "wrapContextMarshaler(ctx, "
	newDeferred       = "\tdeferred := graphql.NewDeferredGroup(ctx)\n"
	lazyDeferred      = "\tdeferred := lazyDeferredGroup(ctx, fields)\n"
	// The end of every object marshaller.
	returnOut    = "\tif out.Invalids > 0 {\n\t\treturn graphql.Null\n\t}\n\n\tif n := len(deferred.Defers); n > 0 {\n\t\tatomic.AddInt32(&ec.Deferred, int32(min(n, math.MaxInt32)))\n\t\tec.ProcessDeferredGroup(deferred)\n\t}\n\n\treturn out\n}\n"
	returnObject = "\tif out.Invalids > 0 {\n\t\treturn graphql.Null\n\t}\n\n\tif n := len(deferred.Defers); n > 0 {\n\t\tatomic.AddInt32(&ec.Deferred, int32(min(n, math.MaxInt32)))\n\t\tec.ProcessDeferredGroup(deferred)\n\t}\n\n\treturn object{fields: fields, values: out.Values}\n}\n"
)

// plainField is gqlgen's resolver of a field read from a struct field, without middleware
// of its own (no directives). Groups: object, field, receiver type, field context, struct
// field, Go type, marshaller.
var plainField = regexp.MustCompile(`func \(ec \*executionContext\) _(\w+?)_(\w+)\(ctx context\.Context, field graphql\.CollectedField, obj (\S+)\) \(ret graphql\.Marshaler\) \{
	return graphql\.ResolveField\(
		ctx,
		ec\.OperationContext,
		field,
		func\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{
			return ec\.(fieldContext_\w+)\(ctx, field\)
		\},
		func\(ctx context\.Context\) \(any, error\) \{
			return obj\.(\w+), nil
		\},
		nil,
		func\(ctx context\.Context, selections ast\.SelectionSet, v (\S+)\) graphql\.Marshaler \{
			return ec\.([^\s(]+)\(ctx, selections, v\)
		\},
		true,
		(?:true|false),
	\)
\}
`)

// neverNull matches the body of a marshaller that cannot answer null (and so never reports
// an error that would need the field's path): enums return themselves (or, after rewrite 9,
// marshalEnum's marshaller); Int, String,
// Boolean and ID always write a value.
var neverNull = regexp.MustCompile(`^(\treturn v\n|\treturn marshalEnum\(v\)\n|\t_ = sel\n\tres := (marshalInt|graphql\.MarshalInt|graphql\.MarshalInt64|graphql\.MarshalString|graphql\.MarshalBoolean|uuidgql\.MarshalUUID)\(v\)\n\tif res == graphql\.Null \{\n\t\tgraphql\.AddInvalidNullFromMarshaler\(ctx, "\w+!?"\)\n\t\}\n\treturn res\n)$`)

// Rewrite applies the rewrites to gqlgen's generated executor.
func Rewrite(src string) (string, error) {
	objects := strings.Count(src, newDeferred)
	if objects == 0 || strings.Count(src, returnOut) != objects {
		return "", fmt.Errorf("expected gqlgen's object marshallers (%d deferred groups, %d endings): update internal/tools/gqlgenfast", objects, strings.Count(src, returnOut))
	}
	src = strings.ReplaceAll(src, newDeferred, lazyDeferred)
	src = strings.ReplaceAll(src, returnOut, returnObject)
	if strings.Count(src, concurrentSlice) == 0 {
		return "", fmt.Errorf("expected gqlgen's list marshallers (%s): update internal/tools/gqlgenfast", concurrentSlice)
	}
	src = strings.ReplaceAll(src, concurrentSlice, sequentialSlice)
	// The elements of a list share a field context (graph.marshalSlice): a value marshalled
	// with its context after the element takes its path early.
	src = strings.ReplaceAll(src, wrapContext, pathedWrapContext)

	var err error
	if src, err = rewriteState(src); err != nil {
		return "", err
	}
	if src, err = rewriteObjects(src); err != nil {
		return "", err
	}
	if src, err = rewriteScalars(src); err != nil {
		return "", err
	}
	if src, err = rewriteConnections(src); err != nil {
		return "", err
	}

	plain, direct := 0, 0
	src = plainField.ReplaceAllStringFunc(src, func(m string) string {
		g := plainField.FindStringSubmatch(m)
		object, name, receiver, fieldContext, structField, goType, marshal := g[1], g[2], g[3], g[4], g[5], g[6], g[7]
		if strings.HasPrefix(object, "_") {
			return m
		}
		body, ok := funcBody(src, marshal)
		if !ok {
			err = fmt.Errorf("no marshaller %s for %s.%s", marshal, object, name)
			return m
		}
		if !valueType(goType) || !neverNull.MatchString(body) {
			direct++
			return fmt.Sprintf(directField, object, name, receiver, object, fieldContext, structField, marshal, structField)
		}
		plain++
		if goType == "uuid.UUID" && strings.HasPrefix(receiver, "*") && strings.Contains(body, "uuidgql.MarshalUUID(v)") {
			return fmt.Sprintf("func (ec *executionContext) _%s_%s(ctx context.Context, field graphql.CollectedField, obj %s) (ret graphql.Marshaler) {\n\treturn uuidgql.MarshalUUIDAt(&obj.%s)\n}\n",
				object, name, receiver, structField)
		}
		return fmt.Sprintf("func (ec *executionContext) _%s_%s(ctx context.Context, field graphql.CollectedField, obj %s) (ret graphql.Marshaler) {\n\treturn ec.%s(ctx, field.Selections, obj.%s)\n}\n",
			object, name, receiver, marshal, structField)
	})
	if err != nil {
		return "", err
	}
	if plain == 0 || direct == 0 {
		return "", fmt.Errorf("expected plain scalar fields (%d) and other struct fields (%d): update internal/tools/gqlgenfast", plain, direct)
	}
	return src, nil
}

// directField is a struct field's resolver without gqlgen's closures and middlewares (the
// read cannot fail), keeping its field context and panic recovery; the context carrying the
// field context is a fieldCtx (graph/fastctx.go), half the size of context.WithValue's, and
// under a list's shared element both are reused by the next elements (graph.childField).
// Verbs: object, field, receiver type, object, field context, struct field, marshaller,
// struct field.
const directField = `func (ec *executionContext) _%s_%s(ctx context.Context, field graphql.CollectedField, obj %s) (ret graphql.Marshaler) {
	fc, ctx, err := childField(ctx, field, %q, ec.%s)
	if err != nil {
		return graphql.Null
	}
	defer func() {
		if r := recover(); r != nil {
			ec.OperationContext.Error(ctx, ec.OperationContext.Recover(ctx, r))
			ret = graphql.Null
		}
	}()
	fc.Result = obj.%s
	return ec.%s(ctx, field.Selections, obj.%s)
}
`

// The shapes of rewrites 7 and 8.
const (
	stateStruct    = "type executionContext struct {\n\t*graphql.ExecutionContextState[ResolverRoot, DirectiveRoot, ComplexityRoot]\n}\n"
	fastStruct     = "type executionContext struct {\n\t*graphql.ExecutionContextState[ResolverRoot, DirectiveRoot, ComplexityRoot]\n\tfast fastState\n}\n\nfunc (ec *executionContext) fastState() *fastState { return &ec.fast }\n"
	collectFields  = "graphql.CollectFields(ec.OperationContext, sel, "
	cachedFields   = "ec.collectFields(sel, "
	queryData      = "\t\t\tvar buf bytes.Buffer\n\t\t\tdata.MarshalGQL(&buf)\n\t\t\tresponse.Data = buf.Bytes()\n"
	fastQueryData  = "\t\t\tresponse.Data = ec.marshalData(ctx, data)\n"
	mutationData   = "\t\t\tvar buf bytes.Buffer\n\t\t\tdata.MarshalGQL(&buf)\n\n\t\t\treturn &graphql.Response{\n\t\t\t\tData: buf.Bytes(),\n\t\t\t}\n"
	fastMutateData = "\t\t\treturn &graphql.Response{\n\t\t\t\tData: ec.marshalData(ctx, data),\n\t\t\t}\n"
)

// fieldArgs is a field context's parse of its arguments.
var fieldArgs = regexp.MustCompile(`ec\.(field_\w+_args)\(ctx, field\.ArgumentMap\(ec\.Variables\)\)`)

// rewriteState applies rewrites 7 and 8.
func rewriteState(src string) (string, error) {
	for _, r := range []struct{ from, to string }{
		{stateStruct, fastStruct}, {collectFields, cachedFields}, {queryData, fastQueryData}, {mutationData, fastMutateData},
	} {
		if !strings.Contains(src, r.from) {
			return "", fmt.Errorf("expected %q: update internal/tools/gqlgenfast", r.from)
		}
		src = strings.ReplaceAll(src, r.from, r.to)
	}
	if !fieldArgs.MatchString(src) {
		return "", fmt.Errorf("expected field contexts parsing arguments: update internal/tools/gqlgenfast")
	}
	return fieldArgs.ReplaceAllString(src, "ec.fieldArgs(ctx, field, (*executionContext).$1)"), nil
}

// enumMarshaller is gqlgen's marshaller of an enum: the value is its own marshaller.
var enumMarshaller = regexp.MustCompile(`(func \(ec \*executionContext\) marshalN\S+?\(ctx context\.Context, sel ast\.SelectionSet, v [\w.]+\) graphql\.Marshaler \{\n)\treturn v\n\}\n`)

// marshalIntValue is gqlgen's marshalling of an Int.
const marshalIntValue = "\tres := graphql.MarshalInt(v)\n"

// rewriteScalars applies rewrite 9.
func rewriteScalars(src string) (string, error) {
	if !enumMarshaller.MatchString(src) || !strings.Contains(src, marshalIntValue) {
		return "", fmt.Errorf("expected enum and Int marshallers: update internal/tools/gqlgenfast")
	}
	src = enumMarshaller.ReplaceAllString(src, "${1}\treturn marshalEnum(v)\n}\n")
	return strings.ReplaceAll(src, marshalIntValue, "\tres := marshalInt(v)\n"), nil
}

// The shapes of rewrite 6.
const (
	newFieldSet = "\tout := graphql.NewFieldSet(fields)\n"
	dispatch    = "\tout.Dispatch(ctx)\n"
)

// outUse is any use of a marshaller's field set.
var outUse = regexp.MustCompile(`\bout\.\w+`)

// rewriteObjects applies rewrite 6 to the object marshallers that use their field set as
// graph.fastObject allows.
func rewriteObjects(src string) (string, error) {
	var b strings.Builder
	objects := 0
	for {
		start := strings.Index(src, newFieldSet)
		if start < 0 {
			break
		}
		end := strings.Index(src[start:], returnObject)
		if end < 0 {
			return "", fmt.Errorf("an object marshaller without its ending: update internal/tools/gqlgenfast")
		}
		end += start + len(returnObject)
		body := src[start:end]
		b.WriteString(src[:start])
		if fastObjectUses(body) {
			body = strings.Replace(body, newFieldSet, "\tout := newObject(fields)\n", 1)
			body = strings.Replace(body, "\treturn object{fields: fields, values: out.Values}\n", "\treturn out\n", 1)
			objects++
		}
		b.WriteString(body)
		src = src[end:]
	}
	b.WriteString(src)
	if objects == 0 {
		return "", fmt.Errorf("expected object marshallers without concurrent fields: update internal/tools/gqlgenfast")
	}
	return b.String(), nil
}

// fastObjectUses reports whether an object marshaller uses its field set only as
// graph.fastObject can be used: Values, Invalids, ResolveConcurrently and one Dispatch (not
// ResolveRootConcurrently, the root types').
func fastObjectUses(body string) bool {
	for _, use := range outUse.FindAllString(body, -1) {
		switch use {
		case "out.Values", "out.Invalids", "out.Dispatch", "out.ResolveConcurrently":
		default:
			return false
		}
	}
	return strings.Count(body, dispatch) == 1
}

// valueType reports whether a Go type cannot be nil: not a pointer, slice, map or interface.
func valueType(t string) bool {
	return !strings.HasPrefix(t, "*") && !strings.HasPrefix(t, "[]") && !strings.HasPrefix(t, "map[") && t != "any" && !strings.Contains(t, "interface")
}

// funcBody returns the body of the executionContext method name (between its braces).
func funcBody(src, name string) (string, bool) {
	start := strings.Index(src, "func (ec *executionContext) "+name+"(")
	if start < 0 {
		return "", false
	}
	open := strings.Index(src[start:], "{\n")
	end := strings.Index(src[start:], "\n}\n")
	if open < 0 || end < open {
		return "", false
	}
	return src[start+open+2 : start+end+1], true
}

// nodeField is the start of the resolver of a field of an ent node.
var nodeField = regexp.MustCompile(`func \(ec \*executionContext\) _\w+\(ctx context\.Context, field graphql\.CollectedField, obj \*ent\.\w+\) \(ret graphql\.Marshaler\) \{\n`)

// connectionMarshal is a field resolver's marshalling of an ent connection.
var connectionMarshal = regexp.MustCompile(`\t\tfunc\(ctx context\.Context, selections ast\.SelectionSet, v \*ent\.\w+Connection\) graphql\.Marshaler \{\n\t\t\treturn ec\.`)

// renderedCheck answers a connection field with its rendered page before anything else: the
// page cannot fail, so it needs neither the field's context nor its middlewares, and the
// edge method would build an empty connection for nothing.
const renderedCheck = "\tif m, ok := renderedPage(ctx, field, obj.ID); ok {\n\t\treturn m\n\t}\n"

// rewriteConnections applies rewrite 11 to the connection fields of ent nodes.
func rewriteConnections(src string) (string, error) {
	var b strings.Builder
	fields := 0
	for {
		loc := nodeField.FindStringIndex(src)
		if loc == nil {
			break
		}
		end := strings.Index(src[loc[1]:], "\n}\n")
		if end < 0 {
			return "", fmt.Errorf("a field resolver without its end: update internal/tools/gqlgenfast")
		}
		end += loc[1] + len("\n}\n")
		body := src[loc[0]:end]
		if connectionMarshal.MatchString(body) {
			header := loc[1] - loc[0]
			body = body[:header] + renderedCheck + body[header:]
			fields++
		}
		b.WriteString(src[:loc[0]])
		b.WriteString(body)
		src = src[end:]
	}
	b.WriteString(src)
	if fields == 0 {
		return "", fmt.Errorf("expected connection fields of ent nodes: update internal/tools/gqlgenfast")
	}
	return b.String(), nil
}
