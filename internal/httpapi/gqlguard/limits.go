package gqlguard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/internal/apierr"
)

// Default limits, used for every Limits field left at zero (or set negative).
const (
	DefaultMaxPageSize = 100
	DefaultMaxDepth    = 12
	DefaultMaxAliases  = 30
	DefaultMaxCost     = 10000
	// DefaultMaxFilterNodes caps the conditions of one where argument.
	DefaultMaxFilterNodes = 200

	// DefaultParserTokenLimit is the value server wiring passes to
	// (*handler.Server).SetParserTokenLimit.
	DefaultParserTokenLimit = 15000
)

func init() {
	// Refusals raised before execution are request errors: let gqlgen's HTTP
	// transports answer 422/400 for them as they do for validation errors.
	// Registered once, before any request can read the table.
	for _, c := range []string{apierr.BadUserInput, apierr.QueryTooDeep, apierr.TooManyAliases, apierr.QueryTooComplex} {
		errcode.RegisterErrorType(c, errcode.KindProtocol)
	}
}

// Limits configures the operation checks. Zero (or negative) fields take the
// defaults.
type Limits struct {
	// MaxPageSize caps the first and last arguments (default 100).
	MaxPageSize int
	// MaxDepth caps selection depth; a top-level field is depth 1 (default 12).
	MaxDepth int
	// MaxAliases caps the number of aliased fields (default 30).
	MaxAliases int
	// MaxCost caps the computed cost (default 10000).
	MaxCost int
	// MaxFilterNodes caps the conditions (input objects) of one where argument
	// (default 200).
	MaxFilterNodes int
	// DefaultPageSize is the multiplier for a connection field given neither
	// first nor last (default MaxPageSize).
	DefaultPageSize int
	// ParserTokenLimit is the token limit of the pre-validation parse
	// (default 15000). Pass the same value to
	// (*handler.Server).SetParserTokenLimit.
	ParserTokenLimit int
}

func (l Limits) withDefaults() Limits {
	if l.MaxPageSize <= 0 {
		l.MaxPageSize = DefaultMaxPageSize
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxAliases <= 0 {
		l.MaxAliases = DefaultMaxAliases
	}
	if l.MaxCost <= 0 {
		l.MaxCost = DefaultMaxCost
	}
	if l.MaxFilterNodes <= 0 {
		l.MaxFilterNodes = DefaultMaxFilterNodes
	}
	if l.DefaultPageSize <= 0 {
		l.DefaultPageSize = l.MaxPageSize
	}
	if l.ParserTokenLimit <= 0 {
		l.ParserTokenLimit = DefaultParserTokenLimit
	}
	return l
}

// Extension is the gqlgen handler extension that enforces Limits.
type Extension struct {
	limits Limits
}

var (
	_ graphql.HandlerExtension        = (*Extension)(nil)
	_ graphql.OperationContextMutator = (*Extension)(nil)
)

// New returns an extension enforcing l (zero fields take the defaults).
func New(l Limits) *Extension {
	return &Extension{limits: l.withDefaults()}
}

// Limits returns the effective limits, defaults filled in.
func (e *Extension) Limits() Limits { return e.limits }

// ExtensionName implements graphql.HandlerExtension.
func (e *Extension) ExtensionName() string { return "GQLGuard" }

// Validate implements graphql.HandlerExtension.
func (e *Extension) Validate(schema graphql.ExecutableSchema) error {
	if schema == nil || schema.Schema() == nil {
		return errors.New("gqlguard: nil schema")
	}
	return nil
}

// Stats are the figures computed for an operation, kept in the operation
// context's stats (whether or not the operation was refused).
type Stats struct {
	Cost    int
	Depth   int
	Aliases int
}

const statsKey = "GQLGuard"

// GetStats returns the figures computed for the current operation, or nil.
func GetStats(ctx context.Context) *Stats {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	s, _ := graphql.GetOperationContext(ctx).Stats.GetExtension(statsKey).(*Stats)
	return s
}

// MutateOperationContext implements graphql.OperationContextMutator: it runs
// after parsing and validation, before any resolver.
func (e *Extension) MutateOperationContext(_ context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	op := rc.Operation
	if op == nil && rc.Doc != nil {
		op = rc.Doc.Operations.ForName(rc.OperationName)
	}
	if op == nil {
		return nil
	}
	st, err := e.check(rc.Doc, op, rc.Variables)
	rc.Stats.SetExtension(statsKey, st)
	return err
}

// check walks op and returns its figures and the error to report, if any.
func (e *Extension) check(doc *ast.QueryDocument, op *ast.OperationDefinition, vars map[string]any) (*Stats, *gqlerror.Error) {
	w := &walker{
		limits:     e.limits,
		doc:        doc,
		vars:       vars,
		memo:       map[fragKey]result{},
		inProgress: map[string]bool{},
	}
	r := w.selectionSet(op.SelectionSet, nil, false)
	st := &Stats{Cost: r.cost, Depth: r.depth, Aliases: r.aliases}
	l := e.limits
	switch {
	case w.pageErr != nil:
		return st, w.pageErr
	case r.depth > l.MaxDepth:
		return st, opError(op, apierr.QueryTooDeep,
			"query depth %d exceeds the limit of %d", r.depth, l.MaxDepth)
	case r.aliases > l.MaxAliases:
		return st, opError(op, apierr.TooManyAliases,
			"query uses %d aliases, more than the limit of %d", r.aliases, l.MaxAliases)
	case r.cost > l.MaxCost:
		if r.cost == math.MaxInt {
			return st, opError(op, apierr.QueryTooComplex,
				"query cost overflows, the limit is %d", l.MaxCost)
		}
		return st, opError(op, apierr.QueryTooComplex,
			"query cost %d exceeds the limit of %d", r.cost, l.MaxCost)
	}
	return st, nil
}

func opError(op *ast.OperationDefinition, code, format string, args ...any) *gqlerror.Error {
	err := &gqlerror.Error{
		Message:    fmt.Sprintf(format, args...),
		Extensions: map[string]any{"code": code},
	}
	if op.Position != nil {
		err.Locations = []gqlerror.Location{{Line: op.Position.Line, Column: op.Position.Column}}
	}
	return err
}

// result is what a selection set contributes: its cost, its depth (the
// deepest field below, counting the set's own fields as 1) and its aliases.
type result struct {
	cost, depth, aliases int
}

func (r *result) add(o result) {
	r.cost = satAdd(r.cost, o.cost)
	r.aliases = satAdd(r.aliases, o.aliases)
	r.depth = max(r.depth, o.depth)
}

type fragKey struct {
	name  string
	intro bool
}

type walker struct {
	limits     Limits
	doc        *ast.QueryDocument
	vars       map[string]any
	memo       map[fragKey]result
	inProgress map[string]bool
	pageErr    *gqlerror.Error
}

func (w *walker) selectionSet(set ast.SelectionSet, path ast.Path, intro bool) result {
	var r result
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			r.add(w.field(s, path, intro))
		case *ast.InlineFragment:
			r.add(w.selectionSet(s.SelectionSet, path, intro))
		case *ast.FragmentSpread:
			def := s.Definition
			if def == nil && w.doc != nil {
				def = w.doc.Fragments.ForName(s.Name)
			}
			if def == nil {
				continue
			}
			k := fragKey{def.Name, intro}
			if fr, ok := w.memo[k]; ok {
				r.add(fr)
				continue
			}
			if w.inProgress[def.Name] {
				continue // a cycle: validation forbids it; contribute nothing
			}
			w.inProgress[def.Name] = true
			fr := w.selectionSet(def.SelectionSet, path, intro)
			delete(w.inProgress, def.Name)
			w.memo[k] = fr
			r.add(fr)
		}
	}
	return r
}

func (w *walker) field(f *ast.Field, parent ast.Path, intro bool) result {
	key := f.Alias
	if key == "" {
		key = f.Name
	}
	path := make(ast.Path, len(parent), len(parent)+1)
	copy(path, parent)
	path = append(path, ast.PathName(key))

	// __schema and __type open an introspection subtree (see the package doc).
	introRoot := !intro && strings.HasPrefix(f.Name, "__") && len(f.SelectionSet) > 0

	var own result
	own.cost = 1
	if f.Alias != "" && f.Alias != f.Name {
		own.aliases = 1
	}

	multiplier := 1
	paged := false
	for _, name := range [...]string{"first", "last"} {
		n, ok := w.pageArg(f, name, path)
		if !ok {
			continue
		}
		paged = true
		multiplier = max(multiplier, n)
	}
	if !paged && f.Definition != nil && f.Definition.Type != nil &&
		strings.HasSuffix(f.Definition.Type.Name(), "Connection") {
		multiplier = w.limits.DefaultPageSize
	}

	w.filterArgs(f, path)
	children := w.selectionSet(f.SelectionSet, path, intro || introRoot)
	own.cost = satAdd(1, satMul(multiplier, children.cost))
	own.aliases = satAdd(own.aliases, children.aliases)
	switch {
	case introRoot:
		own.depth = 1
	case intro:
		own.depth = 0 // not counted inside introspection subtrees
	default:
		own.depth = 1 + children.depth
	}
	return own
}

// pageArg reads argument name of f (literal, variable or schema default). It
// records the first invalid value in w.pageErr and returns the value to use as
// a cost multiplier (at least 1) and whether the argument has a value.
func (w *walker) pageArg(f *ast.Field, name string, path ast.Path) (int, bool) {
	var (
		v     *big.Int
		found bool
	)
	if arg := f.Arguments.ForName(name); arg != nil && arg.Value != nil {
		switch arg.Value.Kind {
		case ast.Variable:
			raw, ok := w.vars[arg.Value.Raw]
			if ok {
				v, found = intOf(raw), raw != nil
			} else if f.Definition != nil {
				// Unset variable: the argument's default applies, as in gqlgen.
				v, found = w.defaultArg(f, name)
			}
		case ast.IntValue:
			v, found = new(big.Int), true
			if _, ok := v.SetString(arg.Value.Raw, 10); !ok {
				v = nil
			}
		case ast.NullValue:
			// An explicit null: nothing to check, as if the argument were absent.
		default:
			return 0, false // not an integer: validation's business
		}
	} else if f.Definition != nil {
		v, found = w.defaultArg(f, name)
	}
	if !found || v == nil {
		return 0, false
	}

	limit := big.NewInt(int64(w.limits.MaxPageSize))
	switch {
	case v.Sign() < 0:
		w.pageErrorf(f, path, "%s must not be negative, got %s", name, v)
		return 1, true
	case v.Cmp(limit) > 0:
		w.pageErrorf(f, path, "%s must be at most %d, got %s", name, w.limits.MaxPageSize, v)
	}
	if !v.IsInt64() || v.Int64() > math.MaxInt32 {
		return math.MaxInt32, true
	}
	return max(int(v.Int64()), 1), true
}

// filterArgs refuses a where argument with more than MaxFilterNodes conditions (input
// objects, counted through and/or/not and variables): each becomes a SQL expression, and a
// huge one would reach the database's own limits (SQLite's expression depth of 1000) and
// fail there as an internal error.
func (w *walker) filterArgs(f *ast.Field, path ast.Path) {
	arg := f.Arguments.ForName("where")
	if arg == nil || arg.Value == nil || w.pageErr != nil {
		return
	}
	c := filterCount{vars: w.vars, maxObjects: w.limits.MaxFilterNodes, maxValues: MaxFilterListValues}
	c.value(arg.Value)
	switch {
	case c.objects > c.maxObjects:
		w.pageErrorf(f, path, "where has more than %d conditions, the limit", c.maxObjects)
	case c.values > c.maxValues:
		w.pageErrorf(f, path, "where lists hold more than %d values, the limit", c.maxValues)
	default:
		return
	}
	w.pageErr.Extensions["field"] = "where"
}

// MaxFilterListValues caps the values in the lists of one where argument (nameIn: [...]):
// each becomes a SQL parameter, and databases cap those.
const MaxFilterListValues = 1000

// filterCount counts a where argument's conditions (input objects) and list values,
// stopping soon after either limit, so a huge input costs little to refuse.
type filterCount struct {
	vars                  map[string]any
	objects, values       int
	maxObjects, maxValues int
}

func (c *filterCount) over() bool { return c.objects > c.maxObjects || c.values > c.maxValues }

func (c *filterCount) value(v *ast.Value) {
	switch v.Kind {
	case ast.Variable:
		c.decoded(c.vars[v.Raw], false)
	case ast.ObjectValue:
		c.objects++
		for _, ch := range v.Children {
			if c.over() {
				return
			}
			c.value(ch.Value)
		}
	case ast.ListValue:
		for _, ch := range v.Children {
			if c.over() {
				return
			}
			if ch.Value.Kind != ast.ObjectValue && ch.Value.Kind != ast.ListValue && ch.Value.Kind != ast.Variable {
				c.values++
			}
			c.value(ch.Value)
		}
	default:
		// Scalars, enums and null hold no conditions (a list counts them among its values).
	}
}

// decoded counts a variable's decoded value; inList says it is an element of a list.
func (c *filterCount) decoded(v any, inList bool) {
	switch v := v.(type) {
	case map[string]any:
		c.objects++
		for _, x := range v {
			if c.over() {
				return
			}
			c.decoded(x, false)
		}
	case []any:
		for _, x := range v {
			if c.over() {
				return
			}
			c.decoded(x, true)
		}
	default:
		if inList {
			c.values++
		}
	}
}

func (w *walker) defaultArg(f *ast.Field, name string) (*big.Int, bool) {
	def := f.Definition.Arguments.ForName(name)
	if def == nil || def.DefaultValue == nil || def.DefaultValue.Kind != ast.IntValue {
		return nil, false
	}
	v, ok := new(big.Int).SetString(def.DefaultValue.Raw, 10)
	return v, ok
}

func (w *walker) pageErrorf(f *ast.Field, path ast.Path, format string, args ...any) {
	if w.pageErr != nil {
		return
	}
	err := &gqlerror.Error{
		Message:    fmt.Sprintf(format, args...),
		Path:       path,
		Extensions: map[string]any{"code": apierr.BadUserInput},
	}
	if f.Position != nil {
		err.Locations = []gqlerror.Location{{Line: f.Position.Line, Column: f.Position.Column}}
	}
	w.pageErr = err
}

// intOf converts a coerced variable value to an integer, or nil.
func intOf(v any) *big.Int {
	switch n := v.(type) {
	case int:
		return big.NewInt(int64(n))
	case int32:
		return big.NewInt(int64(n))
	case int64:
		return big.NewInt(n)
	case float64:
		if n != math.Trunc(n) || math.IsInf(n, 0) || math.IsNaN(n) {
			return nil
		}
		b, _ := big.NewFloat(n).Int(nil)
		return b
	case json.Number:
		b, ok := new(big.Int).SetString(string(n), 10)
		if !ok {
			return nil
		}
		return b
	}
	return nil
}

func satAdd(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

func satMul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt/b {
		return math.MaxInt
	}
	return a * b
}
