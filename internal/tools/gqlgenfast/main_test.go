package main

import (
	"os"
	"strings"
	"testing"
)

// TestRewriteOfTheCommittedExecutor: the committed graph/generated.go carries the rewrites
// (go generate ran the tool after gqlgen), and a second rewrite refuses.
func TestRewriteOfTheCommittedExecutor(t *testing.T) {
	b, err := os.ReadFile("../../../graph/generated.go")
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	// The committed executor is already rewritten: a second rewrite must refuse (the shapes it
	// expects are gone) rather than silently do nothing.
	if _, err := Rewrite(src); err == nil {
		t.Fatal("Rewrite of an already rewritten executor succeeded; want an error")
	}
	for _, want := range []string{lazyDeferred, "\tout := newObject(fields)\n", sequentialSlice, fastStruct, fastQueryData,
		"return ec.marshalNInt2int(ctx, field.Selections, obj.StepIndex)", "obj *ent.WorkflowExecution) (ret graphql.Marshaler) {\n" + renderedCheck} {
		if !strings.Contains(src, want) {
			t.Errorf("graph/generated.go lacks %q: run go generate ./...", want)
		}
	}
	for _, gone := range []string{newDeferred, concurrentSlice} {
		if strings.Contains(src, gone) {
			t.Errorf("graph/generated.go still has %q: run go generate ./...", gone)
		}
	}
}

//nolint:dupword // gqlgen's generated code, as it is
const sample = `func (ec *executionContext) _Thing_count(ctx context.Context, field graphql.CollectedField, obj *ent.Thing) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Thing_count(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.Count, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v int) graphql.Marshaler {
			return ec.marshalNInt2int(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) _Thing_at(ctx context.Context, field graphql.CollectedField, obj *ent.Thing) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Thing_at(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.At, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v time.Time) graphql.Marshaler {
			return ec.marshalNTime2timeᚐTime(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) _Thing_parts(ctx context.Context, field graphql.CollectedField, obj *ent.Thing) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Thing_parts(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			fc := graphql.GetFieldContext(ctx)
			return obj.Parts(ctx, fc.Args["first"].(*int))
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v *ent.PartConnection) graphql.Marshaler {
			return ec.marshalNPartConnection2ᚖPartConnection(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) _Thing(ctx context.Context, sel ast.SelectionSet, obj *ent.Thing) graphql.Marshaler {
	fields := graphql.CollectFields(ec.OperationContext, sel, thingImplementors)

	out := graphql.NewFieldSet(fields)
	deferred := graphql.NewDeferredGroup(ctx)
	out.Dispatch(ctx)
	if out.Invalids > 0 {
		return graphql.Null
	}

	if n := len(deferred.Defers); n > 0 {
		atomic.AddInt32(&ec.Deferred, int32(min(n, math.MaxInt32)))
		ec.ProcessDeferredGroup(deferred)
	}

	return out
}
type executionContext struct {
	*graphql.ExecutionContextState[ResolverRoot, DirectiveRoot, ComplexityRoot]
}
func (ec *executionContext) fieldContext_Thing_parts(ctx context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	if fc.Args, err = ec.field_Thing_parts_args(ctx, field.ArgumentMap(ec.Variables)); err != nil {
		return fc, err
	}
	return fc, nil
}
func exec() {
	switch opCtx.Operation.Operation {
	case ast.Query:
		return func(ctx context.Context) *graphql.Response {
			var buf bytes.Buffer
			data.MarshalGQL(&buf)
			response.Data = buf.Bytes()
		}
	case ast.Mutation:
		return func(ctx context.Context) *graphql.Response {
			var buf bytes.Buffer
			data.MarshalGQL(&buf)

			return &graphql.Response{
				Data: buf.Bytes(),
			}
		}
	}
}
func (ec *executionContext) marshalNThing2ᚕᚖThing(ctx context.Context, sel ast.SelectionSet, v []*ent.Thing) graphql.Marshaler {
	ret := graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		return ec._Thing(ctx, sel, v[i])
	})
	return ret
}
func (ec *executionContext) marshalNInt2int(ctx context.Context, sel ast.SelectionSet, v int) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalInt(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "Int!")
	}
	return res
}
func (ec *executionContext) marshalNTime2timeᚐTime(ctx context.Context, sel ast.SelectionSet, v time.Time) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalTime(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "Time!")
	}
	return res
}
func (ec *executionContext) marshalNThingStatus2githubᚗcomᚋthingᚐStatus(ctx context.Context, sel ast.SelectionSet, v thing.Status) graphql.Marshaler {
	return v
}
`

// TestRewrite: a plain Int field is marshalled directly; a Time field (whose marshaller
// answers null for the zero time, an error that needs the field's path) keeps its field
// context; objects and lists use graph's helpers; collected fields and arguments are
// remembered and the data marshalled by graph.marshalData; ints and enums by graph's
// marshallers made once; a connection field of an ent node answers a page PostgreSQL wrote.
func TestRewrite(t *testing.T) {
	out, err := Rewrite(sample)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"func (ec *executionContext) _Thing_count(ctx context.Context, field graphql.CollectedField, obj *ent.Thing) (ret graphql.Marshaler) {\n\treturn ec.marshalNInt2int(ctx, field.Selections, obj.Count)\n}\n",
		"fc, ctx, err := childField(ctx, field, \"Thing\", ec.fieldContext_Thing_at)", "fc.Result = obj.At\n\treturn ec.marshalNTime2timeᚐTime(ctx, field.Selections, obj.At)",
		lazyDeferred, "\tout := newObject(fields)\n", "\treturn out\n}\n", "ret := marshalSlice(ctx, len(v), 0, false,",
		fastStruct, cachedFields, fastQueryData, fastMutateData, "ec.fieldArgs(ctx, field, (*executionContext).field_Thing_parts_args)",
		"\tres := marshalInt(v)\n", "v thing.Status) graphql.Marshaler {\n\treturn marshalEnum(v)\n}\n",
		"obj *ent.Thing) (ret graphql.Marshaler) {\n" + renderedCheck + "\treturn graphql.ResolveField(",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rewritten sample lacks %q:\n%s", want, out)
		}
	}
	if _, err := Rewrite(strings.Replace(sample, "\treturn out\n", "\treturn &out\n", 1)); err == nil {
		t.Error("Rewrite accepted an object marshaller of another shape")
	}
}
