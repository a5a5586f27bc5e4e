package workflow

import (
	"fmt"
	"strings"
)

// Explanation is a deterministic account of a condition evaluation, for execution logs and
// simulation. Groups evaluate every child (no short-circuit) so the account is complete.
type Explanation struct {
	Passed   bool          `json:"passed"`
	Kind     string        `json:"kind"` // "all", "any", "not", "leaf", "empty", or "invalid" when the conditions cannot be evaluated
	Field    string        `json:"field,omitempty"`
	Operator string        `json:"operator,omitempty"`
	Expected any           `json:"expected,omitempty"`
	Actual   any           `json:"actual,omitempty"`
	Reason   string        `json:"reason"`
	Children []Explanation `json:"children,omitempty"`
}

// EvaluateConditions evaluates conditions against ctx. Empty or nil conditions pass. Bare field
// names mean client.<name>. A field missing from ctx makes positive tests (equals, contains, in,
// gt, exists, ...) fail and negative ones (not_equals, not_contains, not_in, not_exists) pass.
// Values that cannot be compared (a string where a number was expected) fail the leaf, with the
// reason in the explanation. The error is non-nil only for malformed conditions (see Validate),
// and then wraps a *ValidationError.
func EvaluateConditions(conds map[string]any, ctx Context) (bool, Explanation, error) {
	if len(conds) == 0 {
		return true, Explanation{Passed: true, Kind: KindEmpty, Reason: "no conditions: always true"}, nil
	}
	var p problems
	root := parseConditions(conds, &p)
	if err := p.err(); err != nil || root == nil {
		if err == nil {
			err = &ValidationError{Problems: []Problem{{Path: "/conditions", Message: "invalid conditions"}}}
		}
		err = fmt.Errorf("evaluate conditions: %w", err)
		return false, Explanation{Kind: KindInvalid, Reason: err.Error()}, err
	}
	// Loop variables ({"field": "lead.status"}) are roots of the context like client.
	resolveFields(root, func(r string) bool { _, ok := ctx[r]; return ok })
	// The context is read in place and each value normalized when it is read: copying a
	// whole context (a loop's items, a FIND's clients) for every evaluation costs more than
	// the evaluation.
	data := map[string]any(ctx)
	if data == nil {
		data = map[string]any{}
	}
	ex := evaluate(root, data)
	return ex.Passed, ex, nil
}

func evaluate(n *condNode, data map[string]any) Explanation {
	switch n.kind {
	case KindAll, KindAny:
		ex := Explanation{Kind: n.kind, Children: make([]Explanation, len(n.children))}
		passed := 0
		for i, c := range n.children {
			ex.Children[i] = evaluate(c, data)
			if ex.Children[i].Passed {
				passed++
			}
		}
		if n.kind == KindAll {
			ex.Passed = passed == len(n.children)
			ex.Reason = fmt.Sprintf("%d of %d conditions passed; all must pass", passed, len(n.children))
		} else {
			ex.Passed = passed > 0
			ex.Reason = fmt.Sprintf("%d of %d conditions passed; at least one must pass", passed, len(n.children))
		}
		return ex
	case KindNot:
		child := evaluate(n.children[0], data)
		ex := Explanation{Kind: KindNot, Passed: !child.Passed, Children: []Explanation{child}}
		if child.Passed {
			ex.Reason = "the inner condition passed, so not fails"
		} else {
			ex.Reason = "the inner condition failed, so not passes"
		}
		return ex
	}
	return evaluateLeaf(n, data)
}

// negated operators pass when the positive test fails, including when the field is missing.
var negated = map[string]string{
	OpNotEquals:   OpEquals,
	OpNotContains: OpContains,
	OpNotIn:       OpIn,
	OpNotExists:   OpExists,
}

var verbs = map[string][2]string{ // operator -> {passed, failed}
	OpEquals:     {"equals", "does not equal"},
	OpContains:   {"contains", "does not contain"},
	OpIn:         {"is in", "is not in"},
	OpGT:         {"is greater than", "is not greater than"},
	OpGTE:        {"is greater than or equal to", "is less than"},
	OpLT:         {"is less than", "is not less than"},
	OpLTE:        {"is less than or equal to", "is greater than"},
	OpStartsWith: {"starts with", "does not start with"},
	OpEndsWith:   {"ends with", "does not end with"},
}

func evaluateLeaf(n *condNode, data map[string]any) Explanation {
	if n.expr != "" {
		return evaluateExpr(n, data)
	}
	actual, found := lookupNormal(data, n.field)
	expected := normalize(n.value)
	ex := Explanation{Kind: KindLeaf, Field: n.field, Operator: n.operator, Expected: expected}
	if found {
		ex.Actual = actual
	}
	op := n.operator
	if positive, ok := negated[op]; ok {
		ok, reason := testPositive(positive, n.field, actual, found, expected, data)
		ex.Passed = !ok
		ex.Reason = reason + fmt.Sprintf(", so %s %s", op, passFail(ex.Passed))
		return ex
	}
	ex.Passed, ex.Reason = testPositive(op, n.field, actual, found, expected, data)
	return ex
}

func passFail(passed bool) string {
	if passed {
		return "passes"
	}
	return "fails"
}

// testPositive runs a non-negated operator and says why it passed or failed.
func testPositive(op, field string, actual any, found bool, expected any, data map[string]any) (bool, string) {
	switch op {
	case OpExists:
		if present(actual, found) {
			return true, fmt.Sprintf("%s exists (%s)", field, describe(actual))
		}
		if found {
			return false, fmt.Sprintf("%s is empty", field)
		}
		return false, fmt.Sprintf("%s does not exist", field)
	case OpChanged, OpChangedTo:
		return testChanged(op, field, actual, found, expected, data)
	}
	if !found || actual == nil {
		return false, fmt.Sprintf("%s is missing", field)
	}
	var ok, canCompare bool
	switch op {
	case OpEquals:
		ok, canCompare = equalValues(actual, expected), true
	case OpContains:
		ok, canCompare = containsValue(actual, expected)
	case OpIn:
		list, _ := AsList(expected)
		ok, canCompare = inValues(actual, list), true
	case OpGT, OpGTE, OpLT, OpLTE:
		var c int
		c, canCompare = compareValues(actual, expected)
		ok = canCompare && orderHolds(op, c)
	case OpStartsWith, OpEndsWith:
		s, okA := actual.(string)
		e, okE := expected.(string)
		canCompare = okA && okE
		if canCompare {
			if op == OpStartsWith {
				ok = strings.HasPrefix(s, e)
			} else {
				ok = strings.HasSuffix(s, e)
			}
		}
	}
	if !canCompare {
		return false, fmt.Sprintf("%s %s cannot be compared with %s using %s", field, describe(actual), describe(expected), op)
	}
	verb := verbs[op][1]
	if ok {
		verb = verbs[op][0]
	}
	return ok, fmt.Sprintf("%s %s %s %s", field, describe(actual), verb, describe(expected))
}

// testChanged reads trigger.changedFields and trigger.previous: a client field changed when the
// event lists it or when its previous value differs from the current one.
func testChanged(op, field string, actual any, found bool, expected any, data map[string]any) (bool, string) {
	name, _ := strings.CutPrefix(field, "client.")
	changedList, _ := lookupNormal(data, "trigger.changedFields")
	listed := false
	if l, ok := AsList(changedList); ok {
		for _, f := range l {
			if f == name {
				listed = true
			}
		}
	}
	prev, hasPrev := lookupNormal(data, "trigger.previous."+name)
	changed := listed || (hasPrev && !equalValues(prev, actual))
	if !found {
		actual = nil
	}
	from := "unknown"
	if hasPrev {
		from = describe(prev)
	}
	if !changed {
		return false, fmt.Sprintf("%s did not change", field)
	}
	if op == OpChanged {
		return true, fmt.Sprintf("%s changed from %s to %s", field, from, describe(actual))
	}
	if found && equalValues(actual, expected) {
		return true, fmt.Sprintf("%s changed from %s to %s", field, from, describe(actual))
	}
	return false, fmt.Sprintf("%s changed from %s to %s, not to %s", field, from, describe(actual), describe(expected))
}

// orderHolds applies an ordering operator to a comparison result.
func orderHolds(op string, c int) bool {
	switch op {
	case OpGT:
		return c > 0
	case OpGTE:
		return c >= 0
	case OpLT:
		return c < 0
	case OpLTE:
		return c <= 0
	}
	return false
}

// evaluateExpr evaluates a CEL leaf. An error (a missing key, a null where a value was
// needed) fails the leaf with the reason.
func evaluateExpr(n *condNode, data map[string]any) Explanation {
	ex := Explanation{Kind: KindLeaf, Field: "expr", Operator: "expr", Expected: n.expr}
	v, err := EvalExpr(n.expr, Context(data))
	if err != nil {
		ex.Reason = err.Error()
		return ex
	}
	b, ok := v.(bool)
	if !ok {
		ex.Reason = fmt.Sprintf("%s is %s, not true or false", n.expr, describe(v))
		return ex
	}
	ex.Actual, ex.Passed = b, b
	ex.Reason = fmt.Sprintf("%s is %t", n.expr, b)
	return ex
}
