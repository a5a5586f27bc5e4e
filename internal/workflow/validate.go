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
//     STOP or CONTINUE, retry bounds.
//
// Both the canonical forms and the shorthands that Normalize rewrites are accepted.
func Validate(def Definition) error {
	var p problems
	validateTrigger(def.TriggerType, def.TriggerConfig, &p)
	fields := ContextFields(def.TriggerType) // nil for an unknown trigger: context checks are skipped
	validateConditions(def.Conditions, def.TriggerType, fields, &p)
	validateActions(def.Actions, def.TriggerType, fields, &p)
	return p.err()
}

func validateActions(actions []Action, t TriggerType, fields map[string]FieldType, p *problems) {
	switch {
	case len(actions) == 0:
		p.addf("/actions", "at least one action is required")
	case len(actions) > MaxActions:
		p.addf("/actions", "at most %d actions, got %d", MaxActions, len(actions))
	}
	for i, a := range actions {
		validateAction(Pointer("/actions", i), a, t, fields, p)
	}
}

func validateAction(base string, a Action, t TriggerType, fields map[string]FieldType, p *problems) {
	kind, known := Kind(a.Type)
	switch {
	case a.Type == "":
		p.addf(Pointer(base, "type"), "type is required")
	case !known:
		p.addf(Pointer(base, "type"), "unknown action type %q; expected one of %s", a.Type, strings.Join(ActionType("").Values(), ", "))
	case t == TriggerScheduled && needsClient(kind):
		p.addf(Pointer(base, "type"), "%s needs a client, and SCHEDULED runs have none", a.Type)
	}
	if n := len([]rune(a.Name)); n > MaxActionNameLength {
		p.addf(Pointer(base, "name"), "at most %d characters, got %d", MaxActionNameLength, n)
	}
	switch a.OnError {
	case "", OnErrorStop, OnErrorContinue:
	default:
		p.addf(Pointer(base, "onError"), "onError must be STOP or CONTINUE, got %q", a.OnError)
	}
	validateRetry(Pointer(base, "retry"), a.Retry, p)

	cfgPath := Pointer(base, "config")
	if b, err := json.Marshal(a.Config); err != nil {
		p.addf(cfgPath, "config is not valid JSON: %v", err)
		return
	} else if len(b) > MaxActionConfigBytes {
		p.addf(cfgPath, "config is at most %d bytes of JSON, got %d", MaxActionConfigBytes, len(b))
		return
	}
	// A built-in email template's text is checked as the step's body.
	checkPlaceholders(cfgPath, PrepareConfig(a.Type, a.Config), t, fields, p, 0)
	if known {
		c := ConfigChecker{p: p, templated: true}
		cfg := a.Config
		if cfg == nil {
			cfg = map[string]any{}
		}
		kind.Check(&c, cfg, cfgPath)
	}
}

// needsClient reports whether an action kind acts on the execution's client.
func needsClient(k ActionKind) bool {
	c, ok := k.(ClientActor)
	return ok && c.NeedsClient()
}

// checkPlaceholders checks every string in a config: it must be a valid logic-less template and
// each placeholder must exist in the trigger's context (fields == nil skips the latter).
func checkPlaceholders(path string, v any, t TriggerType, fields map[string]FieldType, p *problems, depth int) {
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
				p.addf(path, "unknown placeholder {{%s}} for trigger %s%s", name, t, placeholderHint(name, t, fields))
			}
		}
	case map[string]any:
		for _, k := range sortedKeys(x) {
			checkPlaceholders(Pointer(path, k), x[k], t, fields, p, depth+1)
		}
	case map[string]string:
		for _, k := range sortedKeys(x) {
			checkPlaceholders(Pointer(path, k), x[k], t, fields, p, depth+1)
		}
	case []any:
		for i, e := range x {
			checkPlaceholders(Pointer(path, i), e, t, fields, p, depth+1)
		}
	case []string:
		for i, e := range x {
			checkPlaceholders(Pointer(path, i), e, t, fields, p, depth+1)
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
