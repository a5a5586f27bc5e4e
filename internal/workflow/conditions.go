package workflow

import (
	"slices"
	"strings"
)

// Limits on conditions, so evaluation cost stays bounded whatever a user saves.
const (
	MaxConditionDepth = 10
	MaxConditions     = 200
)

// Condition node kinds, as reported in Explanation.Kind.
const (
	KindAll     = "all"
	KindAny     = "any"
	KindNot     = "not"
	KindLeaf    = "leaf"
	KindEmpty   = "empty"
	KindInvalid = "invalid"
)

// condNode is a parsed condition: a group (all, any, not) or a leaf (field, operator, value).
type condNode struct {
	kind     string
	path     string // JSON pointer of this node
	children []*condNode
	rawField string
	field    string // canonical dotted path
	operator string
	value    any
	expr     string // a CEL leaf ({"expr": ...}) instead of field, operator and value
}

// parseConditions checks the structure of a conditions object (shapes, known operators, value
// presence) and returns its tree. Types are checked separately, against a trigger's context.
// It returns nil for empty conditions.
func parseConditions(conds map[string]any, p *problems) *condNode {
	return parseConditionsAt(conds, "/conditions", p)
}

// parseConditionsAt is parseConditions for conditions at the JSON pointer base (an IF step's
// config.conditions, say).
func parseConditionsAt(conds map[string]any, base string, p *problems) *condNode {
	if len(conds) == 0 {
		return nil
	}
	count := 0
	root := parseCondition(conds, base, 1, &count, p)
	if count > MaxConditions {
		p.addf(base, "at most %d conditions, got %d", MaxConditions, count)
	}
	return root
}

// resolveFields resolves every leaf's field name again, with isVar naming the loop variables
// in scope as roots of their own.
func resolveFields(n *condNode, isVar func(string) bool) {
	if n == nil {
		return
	}
	if n.kind == KindLeaf && n.rawField != "" {
		n.field = resolveField(n.rawField, isVar)
	}
	for _, c := range n.children {
		resolveFields(c, isVar)
	}
}

var groupKeys = []string{KindAll, KindAny, KindNot}
var leafKeys = []string{"field", "operator", "value"}

func parseCondition(v any, path string, depth int, count *int, p *problems) *condNode {
	m, ok := AsMap(v)
	if !ok {
		p.addf(path, "a condition must be an object, got %s", TypeName(v))
		return nil
	}
	if depth > MaxConditionDepth {
		p.addf(path, "conditions nest at most %d levels deep", MaxConditionDepth)
		return nil
	}
	*count++
	var groups, leaves []string
	for _, k := range sortedKeys(m) {
		switch {
		case slices.Contains(groupKeys, k):
			groups = append(groups, k)
		case slices.Contains(leafKeys, k) || k == "expr":
			leaves = append(leaves, k)
		default:
			p.addf(Pointer(path, k), "unknown key %q; a condition has all, any or not, or field, operator and value, or expr", k)
		}
	}
	switch {
	case len(groups) > 1 || (len(groups) == 1 && len(leaves) > 0):
		p.addf(path, "a condition is either one group (all, any or not) or a leaf (field, operator, value), got %s", strings.Join(append(groups, leaves...), ", "))
		return nil
	case len(groups) == 0 && len(leaves) == 0:
		p.addf(path, "a condition needs all, any or not, or field, operator and value")
		return nil
	case len(groups) == 1:
		return parseGroup(groups[0], m[groups[0]], path, depth, count, p)
	case slices.Contains(leaves, "expr"):
		return parseExprLeaf(m, leaves, path, p)
	}
	return parseLeaf(m, path, p)
}

func parseGroup(kind string, v any, path string, depth int, count *int, p *problems) *condNode {
	node := &condNode{kind: kind, path: path}
	at := Pointer(path, kind)
	if kind == KindNot {
		child := parseCondition(v, at, depth+1, count, p)
		if child == nil {
			return nil
		}
		node.children = []*condNode{child}
		return node
	}
	list, ok := AsList(v)
	if !ok {
		p.addf(at, "%s must be a list of conditions, got %s", kind, TypeName(v))
		return nil
	}
	if len(list) == 0 {
		p.addf(at, "%s needs at least one condition", kind)
		return nil
	}
	// Invalid children are left out (their problems are recorded) so that the valid siblings
	// still get their type checks and every problem is reported at once. Evaluation never runs a
	// tree that had problems.
	for i, c := range list {
		if child := parseCondition(c, Pointer(at, i), depth+1, count, p); child != nil {
			node.children = append(node.children, child)
		}
	}
	return node
}

func parseLeaf(m map[string]any, path string, p *problems) *condNode {
	node := &condNode{kind: KindLeaf, path: path, value: m["value"]}
	valid := true
	switch f := m["field"].(type) {
	case nil:
		p.addf(Pointer(path, "field"), "field is required")
		valid = false
	case string:
		if !validPath(f) {
			p.addf(Pointer(path, "field"), "field must be a dotted name like \"status\" or \"client.owner.email\", got %q", f)
			valid = false
		}
		node.rawField, node.field = f, canonicalField(f)
	default:
		p.addf(Pointer(path, "field"), "field must be a string, got %s", TypeName(f))
		valid = false
	}
	switch op := m["operator"].(type) {
	case nil:
		p.addf(Pointer(path, "operator"), "operator is required")
		valid = false
	case string:
		if !knownOperator(op) {
			p.addf(Pointer(path, "operator"), "unknown operator %q; expected one of %s", op, strings.Join(Operators, ", "))
			valid = false
		}
		node.operator = op
	default:
		p.addf(Pointer(path, "operator"), "operator must be a string, got %s", TypeName(op))
		valid = false
	}
	if node.operator != "" && knownOperator(node.operator) {
		valid = checkValueShape(node, path, p) && valid
	}
	if !valid {
		return nil
	}
	return node
}

// parseExprLeaf reads {"expr": "<CEL>"}, a leaf that is a boolean expression.
func parseExprLeaf(m map[string]any, keys []string, path string, p *problems) *condNode {
	if len(keys) > 1 {
		p.addf(path, "an expr condition has no field, operator or value, got %s", strings.Join(keys, ", "))
		return nil
	}
	s, ok := m["expr"].(string)
	if !ok {
		p.addf(Pointer(path, "expr"), "expr must be a string (a CEL expression), got %s", TypeName(m["expr"]))
		return nil
	}
	if err := exprShape(s); err != nil {
		p.addf(Pointer(path, "expr"), "%v", err)
		return nil
	}
	return &condNode{kind: KindLeaf, path: path, expr: s}
}

// checkValueShape checks the value against what the operator needs, whatever the field.
func checkValueShape(node *condNode, path string, p *problems) bool {
	at := Pointer(path, "value")
	switch operatorValueKind(node.operator) {
	case valueNone:
		if node.value != nil {
			p.addf(at, "operator %s takes no value", node.operator)
			return false
		}
	case valueList:
		list, ok := AsList(node.value)
		if !ok {
			p.addf(at, "operator %s needs a list of values, got %s", node.operator, TypeName(node.value))
			return false
		}
		if len(list) == 0 || len(list) > maxInValues {
			p.addf(at, "operator %s needs 1 to %d values, got %d", node.operator, maxInValues, len(list))
			return false
		}
	default:
		if node.value == nil {
			p.addf(at, "operator %s needs a value", node.operator)
			return false
		}
	}
	return true
}

// validateConditions checks structure, then fields, operators and values against the trigger's
// context. fields == nil (unknown trigger) skips the context checks.
func validateConditions(conds map[string]any, t TriggerType, fields map[string]FieldType, cat Catalog, p *problems) {
	validateConditionsIn(conds, "/conditions", conditionScope{t: t, fields: fields, selects: cat.CustomOptions}, p)
}

// conditionScope is what conditions may read where they stand.
type conditionScope struct {
	t      TriggerType
	fields map[string]FieldType
	// isVar names the loop variables in scope (nil: none).
	isVar func(string) bool
	// unknown explains an unknown field, or returns "" for the generic message.
	unknown func(field string) string
	// templated conditions have their string values rendered before they are evaluated, so
	// a value holding a placeholder is only typed at run time.
	templated bool
	// selects maps SELECT custom field keys to their options (Catalog.CustomOptions).
	selects map[string][]string
}

// validateConditionsIn checks conditions at the JSON pointer base against a scope.
func validateConditionsIn(conds map[string]any, base string, sc conditionScope, p *problems) {
	root := parseConditionsAt(conds, base, p)
	if root == nil || sc.fields == nil {
		return
	}
	resolveFields(root, sc.isVar)
	checkConditionTypes(root, sc, p)
}

func checkConditionTypes(n *condNode, sc conditionScope, p *problems) {
	t, fields := sc.t, sc.fields
	if n.kind != KindLeaf {
		for _, c := range n.children {
			checkConditionTypes(c, sc, p)
		}
		return
	}
	if n.expr != "" {
		ft, err := CheckExpr(n.expr, fields)
		switch {
		case err != nil:
			p.addf(Pointer(n.path, "expr"), "%v", err)
		case ft != FieldBool:
			p.addf(Pointer(n.path, "expr"), "a condition's expression must be true or false (a bool), this one is a %s", ft)
		}
		return
	}
	ft, ok := lookupField(fields, n.field)
	if !ok {
		if sc.unknown != nil {
			if msg := sc.unknown(n.field); msg != "" {
				p.addf(Pointer(n.path, "field"), "%s", msg)
				return
			}
		}
		p.addf(Pointer(n.path, "field"), "unknown field %q for trigger %s; available: %s", n.rawField, t, fieldNames(fields))
		return
	}
	if n.operator == OpChanged || n.operator == OpChangedTo {
		if t != TriggerClientUpdated && t != TriggerClientStatusChanged {
			p.addf(Pointer(n.path, "operator"), "operator %s needs a CLIENT_UPDATED or CLIENT_STATUS_CHANGED trigger, not %s", n.operator, t)
			return
		}
		name, isClient := strings.CutPrefix(n.field, "client.")
		_, hasPrevious := fields["trigger.previous."+name] // custom.<key> of a defined field included
		tracked := slices.Contains(ClientWritableFields, name) || strings.HasPrefix(name, "custom.") && hasPrevious
		if !isClient || !tracked {
			p.addf(Pointer(n.path, "field"), "operator %s applies to client fields %s and custom.<key>, not %s", n.operator, strings.Join(ClientWritableFields, ", "), n.field)
			return
		}
	}
	if !operatorApplies(n.operator, ft) {
		p.addf(Pointer(n.path, "operator"), "operator %s does not apply to %s field %s", n.operator, ft, n.field)
		return
	}
	if s, ok := n.value.(string); ok && sc.templated && hasTemplate(s) {
		return
	}
	checkConditionValue(n, ft, p)
	checkSelectOptions(n, sc, p)
}

// checkConditionValue checks that a leaf's value has the field's type (elements of the list for
// in/not_in; one string for contains on a list field).
func checkConditionValue(n *condNode, ft FieldType, p *problems) {
	at := Pointer(n.path, "value")
	elemType := ft
	if ft == FieldStringList {
		elemType = FieldString
	}
	switch operatorValueKind(n.operator) {
	case valueNone:
		return
	case valueList:
		list, _ := AsList(n.value)
		for i, v := range list {
			if msg := valueTypeProblem(v, elemType, n.field); msg != "" {
				p.addf(Pointer(at, i), "%s", msg)
			}
		}
		return
	default:
		// valueOne: a single value, checked below.
	}
	if ft == FieldAny && (n.operator == OpStartsWith || n.operator == OpEndsWith) {
		elemType = FieldString
	}
	if msg := valueTypeProblem(n.value, elemType, n.field); msg != "" {
		p.addf(at, "%s", msg)
	}
}

// valueTypeProblem returns a message when v cannot be a value of type ft, and "" otherwise.
func valueTypeProblem(v any, ft FieldType, field string) string {
	switch ft {
	case FieldString:
		if _, ok := v.(string); !ok {
			return "value must be a string for " + field + ", got " + TypeName(v)
		}
	case FieldNumber:
		if _, ok := toFloat(v); !ok {
			return "value must be a number for " + field + ", got " + TypeName(v)
		}
	case FieldBool:
		if _, ok := v.(bool); !ok {
			return "value must be true or false for " + field + ", got " + TypeName(v)
		}
	case FieldTime:
		if _, ok := ParseTime(v); !ok {
			return "value must be an RFC 3339 time like \"2024-01-31T09:00:00Z\" for " + field + ", got " + describe(v)
		}
	case FieldEnum:
		s, _ := v.(string)
		if allowed := enumDomains[field]; !slices.Contains(allowed, s) {
			return "value must be one of " + strings.Join(allowed, ", ") + " for " + field + ", got " + describe(v)
		}
	case FieldAny:
		switch v.(type) {
		case string, bool:
		default:
			if _, ok := toFloat(v); !ok {
				return "value must be a string, number or bool, got " + TypeName(v)
			}
		}
	default:
		// FieldStringList: callers check the elements' type (FieldString) instead.
	}
	return ""
}
