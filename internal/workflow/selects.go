package workflow

import (
	"fmt"
	"slices"
	"strings"
)

// selectKey returns the custom field key a condition field names (client.custom.<key> in the
// context, on a FIND record and, for CLIENT_UPDATED, trigger.previous.custom.<key>).
func selectKey(field string) (string, bool) {
	for _, prefix := range []string{"client.custom.", "trigger.previous.custom."} {
		if key, ok := strings.CutPrefix(field, prefix); ok && !strings.Contains(key, ".") {
			return key, true
		}
	}
	return "", false
}

// checkSelectOptions refuses a literal that a SELECT custom field cannot hold, compared for
// equality (equals, not_equals, changed_to, in, not_in): such a test would never (or always)
// hold, which is a typo rather than an intent. Placeholders are only known at run time.
func checkSelectOptions(n *condNode, sc conditionScope, p *problems) {
	key, ok := selectKey(n.field)
	if !ok {
		return
	}
	options, isSelect := sc.selects[key]
	if !isSelect {
		return
	}
	at := Pointer(n.path, "value")
	check := func(path string, v any) {
		s, isString := v.(string)
		if !isString || (sc.templated && hasTemplate(s)) || slices.Contains(options, s) {
			return
		}
		p.addf(path, "%s", SelectProblem(key, s, options))
	}
	switch n.operator {
	case OpEquals, OpNotEquals, OpChangedTo:
		check(at, n.value)
	case OpIn, OpNotIn:
		list, _ := AsList(n.value)
		for i, v := range list {
			check(Pointer(at, i), v)
		}
	}
}

// SelectProblem is the message for a literal that is not one of a SELECT field's options.
func SelectProblem(key, value string, options []string) string {
	return fmt.Sprintf("%q is not one of the options of custom field %s: %s", value, key, strings.Join(options, ", "))
}
