package workflow

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/common/types/traits"
)

// Limits on expressions (COMPUTE values and {"expr": ...} conditions): CEL is side-effect
// free and always terminates; these bound its size and work.
const (
	MaxExprLength = 2000
	// exprCostLimit bounds one evaluation's work (CEL's cost units: roughly one per operation
	// and per element a list or string function visits).
	exprCostLimit = 1_000_000
)

// CheckExpr compiles and type-checks a CEL expression against the variables in scope
// (fields: dotted paths with their types, such as client.name or steps.score.output.body)
// and returns the type of its value. Times are RFC 3339 strings, as in placeholders
// (timestamp(client.createdAt) makes one a timestamp); numbers are doubles; every scalar may
// be null.
func CheckExpr(expr string, fields map[string]FieldType) (FieldType, error) {
	if err := exprShape(expr); err != nil {
		return "", err
	}
	env, err := checkEnv(fields)
	if err != nil {
		return "", err
	}
	ast, iss := env.Compile(expr)
	if iss.Err() != nil {
		return "", errors.New(cleanCELError(iss.Err()))
	}
	return fieldTypeOf(ast.OutputType()), nil
}

func exprShape(expr string) error {
	switch {
	case strings.TrimSpace(expr) == "":
		return errors.New("the expression is empty")
	case len(expr) > MaxExprLength:
		return fmt.Errorf("an expression is at most %d characters, got %d", MaxExprLength, len(expr))
	}
	return nil
}

// celReserved are CEL's reserved words: no variable may be named so (loop.index is a
// placeholder only, and a FOR_EACH's "as" cannot be one of them).
var celReserved = map[string]bool{
	"as": true, "break": true, "const": true, "continue": true, "else": true, "for": true, "function": true,
	"if": true, "import": true, "let": true, "loop": true, "package": true, "namespace": true, "return": true,
	"var": true, "void": true, "while": true, "in": true, "true": true, "false": true, "null": true,
}

func celRoot(path string) string {
	root, _, _ := strings.Cut(path, ".")
	return root
}

// checkEnv declares every variable in scope under its dotted name, typed.
func checkEnv(fields map[string]FieldType) (*cel.Env, error) {
	opts := []cel.EnvOption{cel.CrossTypeNumericComparisons(true)}
	for _, p := range sortedKeys(fields) {
		if strings.Contains(p, "[]") || celReserved[celRoot(p)] {
			continue
		}
		opts = append(opts, cel.Variable(p, celType(fields[p])))
	}
	env, err := cel.NewEnv(opts...)
	if err != nil {
		return nil, fmt.Errorf("expression environment: %w", err)
	}
	return env, nil
}

func celType(ft FieldType) *cel.Type {
	switch ft {
	case FieldString, FieldTime, FieldEnum:
		return cel.NullableType(cel.StringType)
	case FieldNumber:
		return cel.NullableType(cel.DoubleType)
	case FieldBool:
		return cel.NullableType(cel.BoolType)
	case FieldStringList:
		return cel.ListType(cel.StringType)
	case FieldList:
		return cel.ListType(cel.MapType(cel.StringType, cel.DynType))
	default:
		return cel.DynType
	}
}

// fieldTypeOf maps a CEL type to the type later steps see.
func fieldTypeOf(t *cel.Type) FieldType {
	switch {
	case t.IsAssignableType(cel.BoolType) && t.String() != "dyn":
		return FieldBool
	case t.IsExactType(cel.DoubleType), t.IsExactType(cel.IntType), t.IsExactType(cel.UintType),
		t.IsExactType(cel.NullableType(cel.DoubleType)):
		return FieldNumber
	case t.IsExactType(cel.StringType), t.IsExactType(cel.NullableType(cel.StringType)):
		return FieldString
	case t.IsExactType(cel.TimestampType):
		return FieldTime
	case t.IsExactType(cel.ListType(cel.StringType)):
		return FieldStringList
	}
	return FieldAny
}

// cleanCELError drops CEL's "ERROR: <input>:" prefixes, keeping line:column and the caret
// picture.
func cleanCELError(err error) string {
	return strings.ReplaceAll(strings.TrimSpace(err.Error()), "ERROR: <input>:", "at ")
}

// programs caches compiled run-time programs by expression and context roots.
var programs = struct {
	sync.Mutex
	m map[string]cel.Program
}{m: map[string]cel.Program{}}

const maxCachedPrograms = 1000

// EvalExpr evaluates a CEL expression against a run's context. The context's top-level keys
// are its variables (client, trigger, steps, the loop variables, ...), read as JSON-like
// values; the expression was type-checked at save time against the same names.
func EvalExpr(expr string, ctx Context) (any, error) {
	if err := exprShape(expr); err != nil {
		return nil, err
	}
	data := map[string]any(ctx) // CEL adapts Go maps and lists as it reads them
	var roots []string
	for _, r := range sortedKeys(data) {
		if !celReserved[r] {
			roots = append(roots, r)
		}
	}
	cacheKey := strings.Join(roots, ",") + "\x00" + expr
	programs.Lock()
	prg, ok := programs.m[cacheKey]
	programs.Unlock()
	if !ok {
		opts := []cel.EnvOption{cel.CrossTypeNumericComparisons(true)}
		for _, r := range roots {
			opts = append(opts, cel.Variable(r, cel.DynType))
		}
		env, err := cel.NewEnv(opts...)
		if err != nil {
			return nil, fmt.Errorf("expression environment: %w", err)
		}
		ast, iss := env.Compile(expr)
		if iss.Err() != nil {
			return nil, errors.New(cleanCELError(iss.Err()))
		}
		if prg, err = env.Program(ast, cel.CostLimit(exprCostLimit), cel.InterruptCheckFrequency(100)); err != nil {
			return nil, fmt.Errorf("expression: %w", err)
		}
		programs.Lock()
		if len(programs.m) >= maxCachedPrograms {
			clear(programs.m)
		}
		programs.m[cacheKey] = prg
		programs.Unlock()
	}
	out, _, err := prg.Eval(data)
	if err != nil {
		return nil, fmt.Errorf("evaluate %q: %w", expr, err)
	}
	return nativeValue(out)
}

var anyType = reflect.TypeOf((*any)(nil)).Elem()

// nativeValue turns a CEL value into a JSON-like Go value (timestamps and durations as text).
func nativeValue(v ref.Val) (any, error) {
	switch x := v.(type) {
	case types.Null:
		return nil, nil
	case types.Bool:
		return bool(x), nil
	case types.Double:
		if f := float64(x); math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("the value is %v, which JSON cannot hold", f)
		}
		return float64(x), nil
	case types.Int:
		return float64(x), nil
	case types.Uint:
		return float64(x), nil
	case types.String:
		return string(x), nil
	case types.Timestamp:
		return x.Time.UTC().Format("2006-01-02T15:04:05.999999999Z07:00"), nil
	case types.Duration:
		return x.Duration.String(), nil
	}
	if types.IsError(v) {
		return nil, fmt.Errorf("%v", v)
	}
	if m, ok := v.(traits.Mapper); ok {
		out := map[string]any{}
		for it := m.Iterator(); it.HasNext() == types.True; {
			k := it.Next()
			ks, isString := k.(types.String)
			if !isString {
				return nil, fmt.Errorf("map keys must be strings, got %s", k.Type())
			}
			e, err := nativeValue(m.Get(k))
			if err != nil {
				return nil, err
			}
			out[string(ks)] = e
		}
		return out, nil
	}
	if l, ok := v.(traits.Lister); ok {
		n, _ := l.Size().(types.Int)
		out := make([]any, 0, int(n))
		for i := types.Int(0); i < n; i++ {
			e, err := nativeValue(l.Get(i))
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
		return out, nil
	}
	native, err := v.ConvertToNative(anyType)
	if err != nil {
		return nil, fmt.Errorf("expression value of type %s: %w", v.Type(), err)
	}
	out := normalize(native)
	if l, ok := out.([]any); ok {
		for i, e := range l {
			if rv, isVal := e.(ref.Val); isVal {
				if l[i], err = nativeValue(rv); err != nil {
					return nil, err
				}
			}
		}
	}
	return out, nil
}

// computeNamePattern is what a COMPUTE value's name must look like.
var computeNamePattern = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,39}$`).MatchString
