package workflow

import (
	"slices"
	"strings"

	"github.com/flowline/flowline/internal/workflow/spec"
)

// EnrollmentMode says when a client may (re)enter a workflow (see spec.EnrollmentMode).
type EnrollmentMode = spec.EnrollmentMode

// Enrollment is a definition's enrollment rule, parsed (see spec.Enrollment).
type Enrollment = spec.Enrollment

// The enrollment modes.
const (
	EnrollEveryTime = spec.EnrollEveryTime
	EnrollOnce      = spec.EnrollOnce
	EnrollOneActive = spec.EnrollOneActive
)

// JSON pointers of the definition's enrollment and goal.
const (
	enrollmentPath = "/enrollment"
	goalPath       = "/goal"
)

// validateEnrollment checks the enrollment object: known keys, a known mode, and reenrollOn
// a list of client fields (those CLIENT_UPDATED may list: name, email, ..., custom.<key>)
// given only with ONCE, the mode it applies to. ONCE and ONE_ACTIVE are rules per client,
// so a trigger whose runs have no client (SCHEDULED) cannot use them.
func validateEnrollment(def Definition, cat Catalog, p *problems) {
	cfg := def.Enrollment
	if len(cfg) == 0 {
		return
	}
	c := ConfigChecker{p: p}
	c.Object(cfg, enrollmentPath, spec.EnrollmentModeKey, spec.EnrollmentReenrollOnKey)
	modePath := Pointer(enrollmentPath, spec.EnrollmentModeKey)
	mode, ok := c.String(cfg, enrollmentPath, spec.EnrollmentModeKey, true)
	if ok && !EnrollmentMode(mode).IsValid() {
		p.addf(modePath, "unknown enrollment mode %q; expected one of %s", mode, strings.Join(EnrollmentMode("").Values(), ", "))
		ok = false
	}
	if ok && EnrollmentMode(mode) != EnrollEveryTime && def.TriggerType == TriggerScheduled {
		p.addf(modePath, "%s is a rule per client, and %s runs have no client; use EVERY_TIME or leave enrollment out", mode, TriggerScheduled)
	}
	if _, given := cfg[spec.EnrollmentReenrollOnKey]; !given {
		return
	}
	listPath := Pointer(enrollmentPath, spec.EnrollmentReenrollOnKey)
	if ok && EnrollmentMode(mode) != EnrollOnce {
		p.addf(listPath, "reenrollOn applies to mode ONCE only (the mode is %s)", mode)
	}
	list, isList := AsList(cfg[spec.EnrollmentReenrollOnKey])
	if !isList {
		p.addf(listPath, "reenrollOn must be a list of client fields, got %s", TypeName(cfg[spec.EnrollmentReenrollOnKey]))
		return
	}
	allowed := cat.writableFields()
	for i, v := range list {
		s, isString := v.(string)
		switch {
		case !isString:
			p.addf(Pointer(listPath, i), "must be a client field name, got %s", TypeName(v))
		case !slices.Contains(allowed, s):
			p.addf(Pointer(listPath, i), "unknown client field %q; expected one of %s", s, strings.Join(allowed, ", "))
		case slices.Contains(list[:i], v):
			p.addf(Pointer(listPath, i), "%q is listed twice", s)
		}
	}
}

// validateGoal checks the goal like the conditions: same language, same fields (the trigger's
// context; the goal is also evaluated outside any step, so step outputs are not in scope).
func validateGoal(def Definition, fields map[string]FieldType, cat Catalog, p *problems) {
	if len(def.Goal) == 0 {
		return
	}
	validateConditionsIn(def.Goal, goalPath, conditionScope{t: def.TriggerType, fields: fields, selects: cat.CustomOptions}, p)
}

// GoalMet evaluates a definition's goal in ctx; without a goal it is false.
func GoalMet(def Definition, ctx Context) (bool, Explanation, error) {
	if !def.HasGoal() {
		return false, Explanation{}, nil
	}
	return EvaluateConditions(def.Goal, ctx)
}
