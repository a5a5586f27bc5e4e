package workflow

import (
	"encoding/json"
	"strings"
)

// Validate checks a definition and returns nil or a *ValidationError listing every problem with
// a JSON-pointer path into the input:
//   - the trigger type and its config (unknown keys, enum values, cron and time zone);
//   - conditions: structure, depth (at most MaxConditionDepth), count (at most MaxConditions),
//     fields known to the trigger's context, operators allowed for the field's type, values of
//     the field's type;
//   - actions: at least one and at most MaxActions, a typed config per type with unknown keys
//     rejected, config JSON at most MaxActionConfigBytes, placeholders that exist in the trigger's
//     context, emails that are addresses or placeholders, no CR/LF in header-bound values, onError
//     STOP or CONTINUE, retry bounds;
//   - enrollment: a known mode, reenrollOn client fields (ONCE only); goal: as conditions.
//
// Both the canonical forms and the shorthands that Normalize rewrites are accepted.
func Validate(def Definition) error { return ValidateWith(def, Catalog{}) }

// ValidateWith is Validate knowing what the database defines: custom client fields may be
// read as client.custom.<key>, listened to by CLIENT_UPDATED as custom.<key> and set by
// UPDATE_CLIENT.
func ValidateWith(def Definition, cat Catalog) error {
	var p problems
	validateTrigger(def.TriggerType, def.TriggerConfig, cat, &p)
	fields := cat.contextFields(def.TriggerType) // nil for an unknown trigger: context checks are skipped
	validateConditions(def.Conditions, def.TriggerType, fields, cat, &p)
	validateActions(def.Actions, def.TriggerType, fields, cat, &p)
	validateEnrollment(def, cat, &p)
	validateGoal(def, fields, cat, &p)
	validateFlowControl(def, fields, &p)
	return p.err()
}

func validateActions(actions []Action, t TriggerType, fields map[string]FieldType, cat Catalog, p *problems) {
	switch n := CountSteps(actions); {
	case len(actions) == 0:
		p.addf("/actions", "at least one action is required")
	case n > MaxActions:
		p.addf("/actions", "at most %d steps in all (nested ones included), got %d", MaxActions, n)
	}
	v := newTreeValidator(actions, t, fields, p)
	v.catalog = cat
	v.block(actions, "/actions", v.root, 1)
}

func (v *treeValidator) validateAction(base string, a Action, sc *scope) {
	kind, known := Kind(a.Type)
	switch {
	case a.Type == "":
		v.p.addf(Pointer(base, "type"), "type is required")
	case !known && !a.Type.IsControl():
		v.p.addf(Pointer(base, "type"), "unknown action type %q; expected one of %s", a.Type, strings.Join(ActionType("").Values(), ", "))
	case (v.t == TriggerScheduled || v.t == TriggerWebhook) && needsClient(kind) && !hasClientID(a.Config):
		v.p.addf(Pointer(base, "type"), "%s needs a client, and %s runs may have none: name it with config.clientId (for example \"{{lead.id}}\" in a loop%s)", a.Type, v.t, webhookClientHint(v.t))
	}
	if n := len([]rune(a.Name)); n > MaxActionNameLength {
		v.p.addf(Pointer(base, "name"), "at most %d characters, got %d", MaxActionNameLength, n)
	}
	switch a.OnError {
	case "", OnErrorStop, OnErrorContinue:
	default:
		v.p.addf(Pointer(base, "onError"), "onError must be STOP or CONTINUE, got %q", a.OnError)
	}
	validateRetry(Pointer(base, "retry"), a.Retry, v.p)

	cfgPath := Pointer(base, "config")
	if b, err := json.Marshal(a.Config); err != nil {
		v.p.addf(cfgPath, "config is not valid JSON: %v", err)
		return
	} else if len(b) > MaxActionConfigBytes {
		v.p.addf(cfgPath, "config is at most %d bytes of JSON, got %d", MaxActionConfigBytes, len(b))
		return
	}
	if a.Type.IsControl() {
		return // the tree validator checks control configs with their blocks
	}
	cfg := a.Config
	if cfg == nil {
		cfg = map[string]any{}
	}
	// A built-in email template's text is checked as the step's body.
	v.placeholders(cfgPath, PrepareConfig(a.Type, cfg), sc)
	if known {
		c := ConfigChecker{p: v.p, templated: true, catalog: &v.catalog}
		if acceptsClientID(kind) {
			cfg = withoutClientID(&c, cfg, cfgPath)
		}
		kind.Check(&c, cfg, cfgPath)
	}
}

func webhookClientHint(t TriggerType) string {
	if t == TriggerWebhook {
		return `, or "{{client.id}}" for the client a webhook call names with ?clientId=`
	}
	return ""
}

// acceptsClientID reports whether an action kind acts on a client that its config may name
// (clientId).
func acceptsClientID(k ActionKind) bool {
	_, ok := k.(ClientActor)
	return ok
}

// needsClient reports whether an action kind acts on the execution's client.
func needsClient(k ActionKind) bool {
	c, ok := k.(ClientActor)
	return ok && c.NeedsClient()
}

// checkPlaceholders checks every string in a config: it must be a valid logic-less template and
// each placeholder must exist in the trigger's context (fields == nil skips the latter).
func checkPlaceholders(path string, v any, t TriggerType, fields map[string]FieldType, p *problems, depth int) {
	checkPlaceholdersIn(path, v, conditionScope{t: t, fields: fields}, p, depth)
}

// checkPlaceholdersIn is checkPlaceholders against a scope.
func checkPlaceholdersIn(path string, v any, sc conditionScope, p *problems, depth int) {
	t, fields := sc.t, sc.fields
	if depth > maxValueDepth {
		p.addf(path, "config nests deeper than %d levels", maxValueDepth)
		return
	}
	switch x := v.(type) {
	case string:
		names, err := Placeholders(x)
		if err != nil {
			p.addf(path, "%v", err)
			return
		}
		for _, name := range names {
			if !validPath(name) {
				p.addf(path, "invalid placeholder {{%s}}; use a dotted name like {{client.email}}", name)
				continue
			}
			if fields == nil {
				continue
			}
			if _, ok := lookupField(fields, name); !ok {
				if sc.unknown != nil {
					if msg := sc.unknown(name); msg != "" {
						p.addf(path, "{{%s}}: %s", name, msg)
						continue
					}
				}
				p.addf(path, "unknown placeholder {{%s}} for trigger %s%s", name, t, placeholderHint(name, t, fields))
			}
		}
	case map[string]any:
		for _, k := range sortedKeys(x) {
			checkPlaceholdersIn(Pointer(path, k), x[k], sc, p, depth+1)
		}
	case map[string]string:
		for _, k := range sortedKeys(x) {
			checkPlaceholdersIn(Pointer(path, k), x[k], sc, p, depth+1)
		}
	case []any:
		for i, e := range x {
			checkPlaceholdersIn(Pointer(path, i), e, sc, p, depth+1)
		}
	case []string:
		for i, e := range x {
			checkPlaceholdersIn(Pointer(path, i), e, sc, p, depth+1)
		}
	}
}

func placeholderHint(name string, t TriggerType, fields map[string]FieldType) string {
	if _, ok := fields["client."+name]; ok {
		return "; did you mean {{client." + name + "}}?"
	}
	if strings.HasPrefix(name, "client.") && !hasClient(t) {
		return "; " + string(t) + " runs have no client"
	}
	return "; available: " + fieldNames(fields)
}
