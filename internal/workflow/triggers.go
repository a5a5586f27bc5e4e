package workflow

import (
	"slices"
	"strings"
)

// validateTrigger checks the trigger type and its config. Unknown keys are rejected for every
// type, including MANUAL and WEBHOOK, whose configs are empty (the webhook secret lives elsewhere).
func validateTrigger(t TriggerType, cfg map[string]any, cat Catalog, p *problems) {
	if t == "" {
		p.addf("/triggerType", "triggerType is required")
		return
	}
	if !t.IsValid() {
		p.addf("/triggerType", "unknown trigger type %q; expected one of %s", t, strings.Join(TriggerType("").Values(), ", "))
		return
	}
	const base = triggerConfigPath
	c := ConfigChecker{p: p}
	switch t {
	case TriggerClientCreated:
		c.Object(cfg, base, "status")
		c.enumList(cfg, "status", ClientStatuses)
	case TriggerClientUpdated:
		c.Object(cfg, base, "fields")
		c.enumList(cfg, "fields", cat.writableFields())
	case TriggerClientStatusChanged:
		c.Object(cfg, base, "from", "to", "status")
		c.enumList(cfg, "from", ClientStatuses)
		c.enumList(cfg, "to", ClientStatuses)
		if v, found := cfg["status"]; found {
			if s, isString := v.(string); isString {
				c.Enum(Pointer(base, "status"), s, ClientStatuses)
			} else {
				c.enumList(cfg, "status", ClientStatuses)
			}
			if _, hasTo := cfg["to"]; hasTo {
				p.addf(Pointer(base, "status"), "status is shorthand for to; use one of them, not both")
			}
		}
	case TriggerDocumentUploaded:
		c.Object(cfg, base, "contentTypes")
		for i, s := range c.stringList(cfg, base, "contentTypes") {
			if !validContentTypePattern(s) {
				p.addf(Pointer(base, "contentTypes", i), "must be a media type like \"application/pdf\" or \"image/*\", got %q", s)
			}
		}
	case TriggerTaskCompleted:
		c.Object(cfg, base, "priority")
		c.enumList(cfg, "priority", TaskPriorities)
	case TriggerScheduled:
		c.Object(cfg, base, "cron", "timezone", "catchUp")
		parseSchedule(cfg, base, p)
	case TriggerClientDate:
		parseClientDate(cfg, base, &cat, p)
	case TriggerManual, TriggerWebhook:
		c.Object(cfg, base)
	}
}

// stringList reads an optional, non-empty list of strings. An empty list would be ambiguous
// (match nothing, or no filter?), so it is rejected: leaving the key out means "any". A single
// string is shorthand for a one-element list, as in the seed's {"status": "LEAD"}.
func (c *ConfigChecker) stringList(cfg map[string]any, base, key string) []string {
	v, found := cfg[key]
	if !found || v == nil {
		return nil
	}
	path := Pointer(base, key)
	if s, ok := v.(string); ok {
		v = []any{s}
	}
	list, ok := AsList(v)
	if !ok {
		c.Problemf(path, "%s must be a list, got %s", key, TypeName(v))
		return nil
	}
	if len(list) == 0 {
		c.Problemf(path, "%s must list at least one value; leave it out to match any", key)
		return nil
	}
	out, all := c.strings(path, list)
	if !all {
		return nil
	}
	return out
}

// triggerConfigPath is the JSON pointer of a definition's trigger config.
const triggerConfigPath = "/triggerConfig"

// enumList reads an optional list in the trigger config whose values must be among allowed.
func (c *ConfigChecker) enumList(cfg map[string]any, key string, allowed []string) {
	for i, s := range c.stringList(cfg, triggerConfigPath, key) {
		c.Enum(Pointer(triggerConfigPath, key, i), s, allowed)
	}
}

// validContentTypePattern accepts "type/subtype", "type/*" and "*/*".
func validContentTypePattern(s string) bool {
	typ, sub, ok := strings.Cut(s, "/")
	if !ok {
		return false
	}
	if typ == "*" {
		return sub == "*"
	}
	return IsToken(typ) && (sub == "*" || IsToken(sub))
}

// matchContentType matches a document's content type (parameters ignored, case-insensitive)
// against a pattern with an optional "*" subtype.
func matchContentType(pattern, contentType string) bool {
	ct, _, _ := strings.Cut(contentType, ";")
	ct = strings.ToLower(strings.TrimSpace(ct))
	pattern = strings.ToLower(strings.TrimSpace(pattern))
	if pattern == "*/*" || pattern == "*" {
		return true
	}
	if prefix, ok := strings.CutSuffix(pattern, "/*"); ok {
		typ, _, _ := strings.Cut(ct, "/")
		return typ == prefix
	}
	return ct == pattern
}

// MatchTrigger reports whether a workflow with this trigger type and config should start for
// ev. Filters left out match anything. SCHEDULED, CLIENT_DATE, MANUAL and WEBHOOK events target one workflow,
// so only their type is compared. The shorthand {"status": ...} of CLIENT_STATUS_CHANGED is
// accepted (it means "to").
func MatchTrigger(t TriggerType, cfg map[string]any, ev Event) bool {
	if !t.IsValid() || ev.Type != t {
		return false
	}
	cfg = normalizeTriggerConfig(t, cfg)
	switch t {
	case TriggerClientCreated:
		return matchFilter(cfg["status"], stringField(ev.Client, "status"))
	case TriggerClientUpdated:
		changed := changedFields(ev)
		wanted := asStringList(cfg["fields"])
		if len(wanted) == 0 {
			return len(changed) > 0
		}
		for _, f := range changed {
			if slices.Contains(wanted, f) {
				return true
			}
		}
		return false
	case TriggerClientStatusChanged:
		oldStatus, newStatus := eventStatuses(ev)
		return matchFilter(cfg["from"], oldStatus) && matchFilter(cfg["to"], newStatus)
	case TriggerDocumentUploaded:
		patterns := asStringList(cfg["contentTypes"])
		if len(patterns) == 0 {
			return true
		}
		ct := stringField(ev.Document, "contentType")
		for _, pattern := range patterns {
			if matchContentType(pattern, ct) {
				return true
			}
		}
		return false
	case TriggerTaskCompleted:
		return matchFilter(cfg["priority"], stringField(ev.Task, "priority"))
	default:
		// SCHEDULED, CLIENT_DATE, MANUAL and WEBHOOK: the type is all there is to match.
		return true
	}
}

// matchFilter: an absent (or empty) filter matches anything; otherwise the value must be listed.
func matchFilter(filter any, value string) bool {
	list := asStringList(filter)
	if len(list) == 0 {
		return true
	}
	return slices.Contains(list, value)
}

// stringField reads a string from an event map, whatever string-like type the engine used.
func stringField(m map[string]any, key string) string {
	if m == nil {
		return ""
	}
	s, _ := normalize(m[key]).(string)
	return s
}

// eventStatuses returns the old and new status, falling back to Previous and Client when the
// engine did not fill OldStatus and NewStatus.
func eventStatuses(ev Event) (string, string) {
	oldStatus, newStatus := ev.OldStatus, ev.NewStatus
	if oldStatus == "" {
		oldStatus = stringField(ev.Previous, "status")
	}
	if newStatus == "" {
		newStatus = stringField(ev.Client, "status")
	}
	return oldStatus, newStatus
}
