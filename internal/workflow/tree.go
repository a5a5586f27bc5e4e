package workflow

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Limits on step trees.
const (
	// MaxNesting bounds how deep control steps nest.
	MaxNesting = 10
	// MaxCases bounds the cases of one SWITCH.
	MaxCases = 50
	// MaxLoopItems bounds a FOR_EACH's maxItems.
	MaxLoopItems = 10_000
	// DefaultLoopItems is a FOR_EACH's maxItems when it sets none.
	DefaultLoopItems  = 1000
	maxCaseNameLength = 100
	maxStopReason     = 1000
)

// keyPattern is what a step key must look like.
var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// loopVarPattern is what a FOR_EACH's "as" must look like.
var loopVarPattern = regexp.MustCompile(`^[a-z][a-zA-Z0-9_]{0,39}$`)

// scope is what a step can read where it stands: the trigger's context, the loop variables
// of the loops around it, and the outputs of the steps that ran before it on every path.
type scope struct {
	base  map[string]FieldType
	vars  []string
	steps map[string]map[string]FieldType
	// stopped is set once every path through the block so far ends in a STOP: nothing
	// after it runs on that path, so it does not count when paths join.
	stopped bool
}

func (s *scope) clone() *scope {
	out := &scope{base: maps.Clone(s.base), vars: slices.Clone(s.vars), steps: map[string]map[string]FieldType{}}
	maps.Copy(out.steps, s.steps)
	return out
}

// fields is every readable variable as a dotted path with its type.
func (s *scope) fields() map[string]FieldType {
	if s.base == nil {
		return nil
	}
	out := maps.Clone(s.base)
	for key, shape := range s.steps {
		for path, ft := range shape {
			out["steps."+key+".output."+path] = ft
		}
	}
	return out
}

func (s *scope) isVar(root string) bool { return slices.Contains(s.vars, root) }

// keyInfo is where a step key is defined.
type keyInfo struct {
	path string
	typ  ActionType
}

// treeValidator checks a step tree: keys, control steps and their blocks, and every reference
// to a step's output or a loop variable against what is in scope where it is used.
type treeValidator struct {
	t      TriggerType
	p      *problems
	keys   map[string]keyInfo
	seen   map[string]bool   // keys of the steps visited so far
	asVars map[string]string // loop variable -> its FOR_EACH's path
	// continued are the keys of steps with onError CONTINUE, whose output later steps
	// cannot count on.
	continued map[string]bool
	root      *scope
	catalog   Catalog
}

func newTreeValidator(actions []Action, t TriggerType, fields map[string]FieldType, p *problems) *treeValidator {
	v := &treeValidator{t: t, p: p, keys: map[string]keyInfo{}, seen: map[string]bool{}, asVars: map[string]string{}, continued: map[string]bool{},
		root: &scope{base: fields, steps: map[string]map[string]FieldType{}}}
	Walk(actions, func(path string, a *Action) {
		if a.Key != "" {
			switch prev, dup := v.keys[a.Key]; {
			case !keyPattern.MatchString(a.Key):
				p.addf(Pointer(path, "key"), "key must match %s (a lower-case letter, then lower-case letters, digits or _; at most 40), got %q", keyPattern, a.Key)
			case dup:
				p.addf(Pointer(path, "key"), "duplicate key %q: also used by the step at %s", a.Key, prev.path)
			default:
				v.keys[a.Key] = keyInfo{path: path, typ: a.Type}
			}
		}
		if a.Type == ActionForEach {
			if as, ok := a.Config["as"].(string); ok && as != "" {
				if _, dup := v.asVars[as]; !dup {
					v.asVars[as] = path
				}
			}
		}
	})
	return v
}

// block checks a block and returns the scope after it.
func (v *treeValidator) block(actions []Action, base string, sc *scope, depth int) *scope {
	for i := range actions {
		v.step(actions[i], Pointer(base, i), sc, depth)
	}
	return sc
}

func (v *treeValidator) step(a Action, path string, sc *scope, depth int) {
	var shape map[string]FieldType
	v.validateAction(path, a, sc)
	v.checkBlocksAllowed(a, path)
	if a.Type.IsControl() && depth > MaxNesting {
		v.p.addf(path, "control steps nest at most %d levels deep", MaxNesting)
		return
	}
	switch a.Type {
	case ActionIf:
		v.config(a, path, "conditions")
		v.conditions(a.Config["conditions"], Pointer(path, "config", "conditions"), sc, true)
		if len(a.Then) == 0 && len(a.Else) == 0 {
			v.p.addf(path, "IF needs steps in then, else or both")
		}
		thenSc := v.block(a.Then, Pointer(path, "then"), sc.clone(), depth+1)
		elseSc := v.block(a.Else, Pointer(path, "else"), sc.clone(), depth+1)
		sc.join(thenSc, elseSc)
	case ActionSwitch:
		v.config(a, path)
		v.switchCases(a, path, sc, depth)
	case ActionForEach:
		v.forEach(a, path, sc, depth)
	case ActionCompute:
		shape = v.compute(a, path, sc)
	case ActionStop:
		sc.stopped = true
		v.config(a, path, "reason")
		if r, ok := a.Config["reason"]; ok {
			c := ConfigChecker{p: v.p, templated: true}
			if s, ok := c.String(a.Config, Pointer(path, "config"), "reason", false); ok {
				c.MaxLen(Pointer(path, "config", "reason"), s, maxStopReason)
			}
			v.placeholders(Pointer(path, "config", "reason"), r, sc)
		}
	default:
		// Actions were checked by validateAction.
	}
	if a.Key != "" && v.keys[a.Key].path == path {
		v.seen[a.Key] = true
		if shape == nil {
			shape = OutputShape(a)
		}
		if a.OnError == OnErrorContinue {
			v.continued[a.Key] = true // it may have failed and left no output
		} else {
			sc.steps[a.Key] = shape
		}
	}
}

// MaxComputeValues bounds the values of one COMPUTE step.
const MaxComputeValues = 20

// compute checks a COMPUTE step's expressions against the scope and returns its output
// shape: each value's name with the type of its expression.
func (v *treeValidator) compute(a Action, path string, sc *scope) map[string]FieldType {
	v.config(a, path, "values")
	at := Pointer(path, "config", "values")
	values, ok := AsMap(a.Config["values"])
	switch {
	case !ok:
		v.p.addf(at, "values must be an object of names to CEL expressions, got %s", TypeName(a.Config["values"]))
		return nil
	case len(values) == 0 || len(values) > MaxComputeValues:
		v.p.addf(at, "COMPUTE needs 1 to %d values, got %d", MaxComputeValues, len(values))
		return nil
	}
	shape := map[string]FieldType{}
	fields := sc.fields()
	for _, name := range sortedKeys(values) {
		expr, isString := values[name].(string)
		switch {
		case !computeNamePattern(name):
			v.p.addf(Pointer(at, name), "a value name is a letter, then letters, digits or _ (at most 40), got %q", name)
		case !isString:
			v.p.addf(Pointer(at, name), "a value is a CEL expression (a string), got %s", TypeName(values[name]))
		case fields == nil:
			shape[name] = FieldAny
		default:
			ft, err := CheckExpr(expr, fields)
			if err != nil {
				v.p.addf(Pointer(at, name), "%v", err)
				continue
			}
			shape[name] = ft
		}
	}
	return shape
}

// Compute evaluates a COMPUTE step's values against a run's context.
func Compute(cfg map[string]any, ctx Context) (map[string]any, error) {
	values, _ := AsMap(cfg["values"])
	out := make(map[string]any, len(values))
	for _, name := range sortedKeys(values) {
		expr, _ := values[name].(string)
		v, err := EvalExpr(expr, ctx)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = v
	}
	return out, nil
}

// checkBlocksAllowed refuses nested blocks on steps that do not have them.
func (v *treeValidator) checkBlocksAllowed(a Action, path string) {
	// An empty block is no block: clients that send [] for every step are not refused.
	has := map[string]bool{
		"then": len(a.Then) > 0, "else": len(a.Else) > 0, "cases": len(a.Cases) > 0,
		"default": len(a.Default) > 0, "body": len(a.Body) > 0,
	}
	allowed := map[ActionType][]string{
		ActionIf: {"then", "else"}, ActionSwitch: {"cases", "default"}, ActionForEach: {"body"},
	}[a.Type]
	for _, name := range []string{"then", "else", "cases", "default", "body"} {
		if has[name] && !slices.Contains(allowed, name) {
			v.p.addf(Pointer(path, name), "%s steps have no %s block", a.Type, name)
		}
	}
}

// config checks a control step's config keys.
func (v *treeValidator) config(a Action, path string, allowed ...string) {
	c := ConfigChecker{p: v.p, templated: true}
	if a.Config != nil {
		c.Object(a.Config, Pointer(path, "config"), allowed...)
	}
}

// conditions checks a condition object at path against the scope.
func (v *treeValidator) conditions(raw any, path string, sc *scope, required bool) {
	if raw == nil {
		if required {
			v.p.addf(path, "conditions are required")
		}
		return
	}
	m, ok := AsMap(raw)
	if !ok {
		v.p.addf(path, "conditions must be an object, got %s", TypeName(raw))
		return
	}
	if len(m) == 0 && required {
		v.p.addf(path, "conditions are required")
		return
	}
	validateConditionsIn(m, path, v.conditionScope(sc), v.p)
}

func (v *treeValidator) conditionScope(sc *scope) conditionScope {
	return conditionScope{t: v.t, fields: sc.fields(), isVar: sc.isVar, templated: true, selects: v.catalog.CustomOptions, unknown: func(name string) string {
		return v.unknownReference(name, sc)
	}}
}

func (v *treeValidator) placeholders(path string, val any, sc *scope) {
	checkPlaceholdersIn(path, val, v.conditionScope(sc), v.p, 0)
}

func (v *treeValidator) switchCases(a Action, path string, sc *scope, depth int) {
	switch {
	case len(a.Cases) == 0:
		v.p.addf(Pointer(path, "cases"), "SWITCH needs at least one case")
	case len(a.Cases) > MaxCases:
		v.p.addf(Pointer(path, "cases"), "at most %d cases, got %d", MaxCases, len(a.Cases))
	}
	names := map[string]int{}
	var after []*scope
	for i, cs := range a.Cases {
		base := Pointer(path, "cases", i)
		name := strings.TrimSpace(cs.Name)
		switch prev, dup := names[name]; {
		case name == "":
			v.p.addf(Pointer(base, "name"), "a case needs a name (it labels the branch in logs)")
		case len([]rune(name)) > maxCaseNameLength:
			v.p.addf(Pointer(base, "name"), "at most %d characters", maxCaseNameLength)
		case name == "default":
			v.p.addf(Pointer(base, "name"), `"default" names the default branch; choose another case name`)
		case dup:
			v.p.addf(Pointer(base, "name"), "duplicate case name %q: also case %d", name, prev)
		default:
			names[name] = i
		}
		if cs.Conditions == nil {
			v.p.addf(Pointer(base, "conditions"), "conditions are required")
		} else {
			v.conditions(cs.Conditions, Pointer(base, "conditions"), sc, true)
		}
		after = append(after, v.block(cs.Actions, Pointer(base, "actions"), sc.clone(), depth+1))
	}
	after = append(after, v.block(a.Default, Pointer(path, "default"), sc.clone(), depth+1))
	sc.join(after...)
}

func (v *treeValidator) forEach(a Action, path string, sc *scope, depth int) {
	cfgPath := Pointer(path, "config")
	c := ConfigChecker{p: v.p, templated: true}
	cfg := a.Config
	if cfg == nil {
		cfg = map[string]any{}
	}
	c.Object(cfg, cfgPath, "items", "as", "maxItems", "continueOnItemError")
	body := sc.clone()
	if items, ok := c.String(cfg, cfgPath, "items", true); ok {
		if elem, ok := v.itemsShape(items, Pointer(cfgPath, "items"), sc); ok {
			if as, ok := c.String(cfg, cfgPath, "as", true); ok && v.loopVar(as, Pointer(cfgPath, "as"), sc) {
				for p, ft := range elem {
					switch {
					case body.base == nil: // an unknown trigger: context checks are off
					case p == "":
						body.base[as] = ft
					default:
						body.base[as+"."+p] = ft
					}
				}
				body.vars = append(body.vars, as)
			}
		}
	} else {
		c.String(cfg, cfgPath, "as", true)
	}
	if body.base != nil {
		body.base["loop.index"] = FieldNumber
		body.base["loop.count"] = FieldNumber
	}
	body.vars = append(body.vars, "loop")
	if raw, found := cfg["maxItems"]; found {
		n, ok := toFloat(raw)
		if !ok || n < 1 || n > MaxLoopItems || n != float64(int(n)) {
			v.p.addf(Pointer(cfgPath, "maxItems"), "maxItems must be a whole number from 1 to %d, got %s", MaxLoopItems, describe(raw))
		}
	}
	if b, ok := cfg["continueOnItemError"]; ok {
		if _, isBool := b.(bool); !isBool {
			v.p.addf(Pointer(cfgPath, "continueOnItemError"), "continueOnItemError must be true or false, got %s", TypeName(b))
		}
	}
	if len(a.Body) == 0 {
		v.p.addf(Pointer(path, "body"), "FOR_EACH needs at least one step in its body")
	}
	v.block(a.Body, Pointer(path, "body"), body, depth+1)
}

// itemsShape checks a FOR_EACH's items (exactly one placeholder naming a list) and returns
// the fields of one item, keyed by their path in the item ("" for the item itself).
func (v *treeValidator) itemsShape(items, path string, sc *scope) (map[string]FieldType, bool) {
	name, ok := SinglePlaceholder(items)
	if !ok {
		v.p.addf(path, "items must be one placeholder naming a list, like {{steps.find.output.clients}}, got %q", items)
		return nil, false
	}
	fields := sc.fields()
	if fields == nil {
		return map[string]FieldType{"": FieldAny}, true
	}
	ft, found := lookupField(fields, name)
	if !found {
		if msg := v.unknownReference(name, sc); msg != "" {
			v.p.addf(path, "{{%s}}: %s", name, msg)
		} else {
			v.p.addf(path, "unknown placeholder {{%s}}%s", name, placeholderHint(name, v.t, fields))
		}
		return nil, false
	}
	switch ft {
	case FieldStringList:
		return map[string]FieldType{"": FieldString}, true
	case FieldAny:
		return map[string]FieldType{"": FieldAny}, true
	case FieldList:
		elem := map[string]FieldType{}
		prefix := name + "[]."
		for p, t := range fields {
			if rest, ok := strings.CutPrefix(p, prefix); ok {
				elem[rest] = t
			}
		}
		if len(elem) == 0 {
			elem[""] = FieldAny
		}
		return elem, true
	default:
		// A scalar: not something to loop over.
	}
	v.p.addf(path, "FOR_EACH items must be a list; %s is a %s", name, ft)
	return nil, false
}

// loopVar checks a FOR_EACH's "as" name.
func (v *treeValidator) loopVar(as, path string, sc *scope) bool {
	root, _, _ := strings.Cut(as, ".")
	_, isClientField := clientFieldTypes[root]
	switch {
	case !loopVarPattern.MatchString(as):
		v.p.addf(path, "as must be a name like \"lead\" (a lower-case letter, then letters, digits or _), got %q", as)
	case slices.Contains(contextRoots, as) || isClientField || as == "owner" || celReserved[as]:
		v.p.addf(path, "as cannot be %q: that name is taken by the context", as)
	case sc.isVar(as):
		v.p.addf(path, "as %q hides the variable of an enclosing FOR_EACH; choose another name", as)
	default:
		return true
	}
	return false
}

// unknownReference explains an unknown step output or loop variable reference, or returns ""
// when name is neither.
func (v *treeValidator) unknownReference(name string, sc *scope) string {
	segs := strings.Split(name, ".")
	switch root := segs[0]; {
	case root == "steps":
		if len(segs) < 2 {
			return "name a step's output, like {{steps.<key>.output.<field>}}"
		}
		key := segs[1]
		info, exists := v.keys[key]
		switch {
		case !exists:
			return fmt.Sprintf("no step has the key %q%s", key, keyList(v.keys))
		case v.continued[key]:
			return fmt.Sprintf("steps.%s may have no output: its onError is CONTINUE, so the run goes on when it fails (use STOP, or read it only where it must have run)", key)
		case sc.steps[key] == nil && !v.seen[key]:
			return fmt.Sprintf("steps.%s is defined later, at %s; a step can only read steps that run before it", key, info.path)
		case sc.steps[key] == nil:
			return fmt.Sprintf("steps.%s is defined only in %s, which does not run on every path to here", key, enclosingBlock(info.path))
		case len(segs) < 4 || segs[2] != "output":
			return fmt.Sprintf("read a step's output as steps.%s.output.<field>", key)
		default:
			return fmt.Sprintf("step %s (%s) has no output %s; it has: %s", key, info.typ, strings.Join(segs[3:], "."), outputNames(sc.steps[key]))
		}
	case root == "loop" && !sc.isVar("loop"):
		return "loop.index and loop.count exist only inside a FOR_EACH body"
	default:
		if at, ok := v.asVars[root]; ok && !sc.isVar(root) {
			return fmt.Sprintf("%s exists only inside the body of the FOR_EACH at %s", root, at)
		}
	}
	return ""
}

// join sets the scope after branches: the outputs defined on every branch that goes on (a
// branch that ends in STOP does not); when none goes on, nothing after runs either.
func (s *scope) join(branches ...*scope) {
	var live []*scope
	for _, b := range branches {
		if !b.stopped {
			live = append(live, b)
		}
	}
	if len(live) == 0 {
		s.stopped = true
		return
	}
	s.steps = commonSteps(live...)
}

// commonSteps is the step outputs defined on every one of several paths.
func commonSteps(paths ...*scope) map[string]map[string]FieldType {
	out := map[string]map[string]FieldType{}
	for key, shape := range paths[0].steps {
		all := true
		for _, p := range paths[1:] {
			if p.steps[key] == nil {
				all = false
				break
			}
		}
		if all {
			out[key] = shape
		}
	}
	return out
}

// enclosingBlock is the block a step's pointer is in: /actions/1/else for /actions/1/else/0.
func enclosingBlock(path string) string {
	if i := strings.LastIndexByte(path, '/'); i > 0 {
		return path[:i]
	}
	return path
}

func keyList(keys map[string]keyInfo) string {
	if len(keys) == 0 {
		return "; no step has a key (set \"key\" on the step to read its output)"
	}
	return "; keys: " + strings.Join(sortedKeys(keys), ", ")
}

func outputNames(shape map[string]FieldType) string {
	var names []string
	for _, p := range sortedKeys(shape) {
		if !strings.Contains(p, "[]") {
			names = append(names, p)
		}
	}
	if len(names) == 0 {
		return "nothing"
	}
	return strings.Join(names, ", ")
}

// OutputShape is the output a step records, as dotted paths with their types; list elements'
// fields are under "<list>[].".
func OutputShape(a Action) map[string]FieldType {
	switch a.Type {
	case ActionIf:
		return map[string]FieldType{"result": FieldBool, "branch": FieldString}
	case ActionSwitch:
		return map[string]FieldType{"case": FieldString}
	case ActionForEach:
		return map[string]FieldType{"count": FieldNumber}
	case ActionStop:
		return map[string]FieldType{"reason": FieldString}
	case ActionCompute:
		out := map[string]FieldType{}
		values, _ := AsMap(a.Config["values"])
		for name := range values {
			out[name] = FieldAny // the tree validator knows each expression's type
		}
		return out
	default:
		// Actions declare their own output shape.
	}
	k, ok := Kind(a.Type)
	if !ok {
		return map[string]FieldType{}
	}
	out := map[string]FieldType{}
	for p, ft := range k.Output() {
		if ft == FieldEnum {
			ft = FieldString // an output's enum has no domain the condition checker knows
		}
		out[p] = ft
	}
	return out
}

// LoopMaxItems is a FOR_EACH config's maxItems, DefaultLoopItems when it sets none.
func LoopMaxItems(cfg map[string]any) int {
	if n, ok := toFloat(cfg["maxItems"]); ok && n >= 1 {
		return int(n)
	}
	return DefaultLoopItems
}

// SinglePlaceholder returns the variable of a string that is exactly one placeholder
// ("{{steps.find.output.clients}}", spaces allowed).
func SinglePlaceholder(s string) (string, bool) {
	t := strings.TrimSpace(s)
	inner, ok := strings.CutPrefix(t, "{{")
	if !ok {
		return "", false
	}
	inner, ok = strings.CutSuffix(inner, "}}")
	if !ok || strings.Contains(inner, "{{") || strings.Contains(inner, "}}") {
		return "", false
	}
	name := strings.TrimSpace(inner)
	return name, validPath(name)
}
