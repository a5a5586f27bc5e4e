package workflow

import (
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/google/uuid"
)

func (c *configChecker) sendEmail(cfg map[string]any, base string) SendEmailConfig {
	c.object(cfg, base, "to", "cc", "subject", "body", "templateId")
	var out SendEmailConfig
	if s, ok := c.str(cfg, base, "to", true); ok {
		out.To = s
		c.email(pointer(base, "to"), s)
	}
	if v, found := cfg["cc"]; found && v != nil {
		list, ok := asList(v)
		switch {
		case !ok:
			c.p.add(pointer(base, "cc"), "cc must be a list of email addresses, got %s", typeName(v))
		case len(list) > maxCc:
			c.p.add(pointer(base, "cc"), "at most %d cc addresses, got %d", maxCc, len(list))
		default:
			for i, e := range list {
				s, isString := e.(string)
				if !isString {
					c.p.add(pointer(base, "cc", i), "must be a string, got %s", typeName(e))
					continue
				}
				out.Cc = append(out.Cc, s)
				c.email(pointer(base, "cc", i), s)
			}
		}
	}
	if s, ok := c.str(cfg, base, "subject", true); ok {
		out.Subject = s
		path := pointer(base, "subject")
		_ = c.singleLine(path, s) && c.notBlank(path, s) && c.maxLen(path, s, maxSubjectLength)
	}
	if s, ok := c.str(cfg, base, "templateId", false); ok {
		out.TemplateID = s
		path := pointer(base, "templateId")
		if c.singleLine(path, s) && c.notBlank(path, s) && c.maxLen(path, s, MaxActionNameLength) {
			if _, known := emailTemplates[s]; !known {
				c.p.add(path, "unknown email template %q; built-in templates: %s", s, strings.Join(EmailTemplateIDs(), ", "))
			}
		}
	}
	if v, found := cfg["body"]; (!found || v == nil) && out.TemplateID == "" {
		c.p.add(pointer(base, "body"), "body is required unless templateId is set")
	} else if s, ok := c.str(cfg, base, "body", false); ok {
		out.Body = s
		if out.TemplateID == "" {
			c.notBlank(pointer(base, "body"), s)
		}
	}
	return out
}

func (c *configChecker) createTask(cfg map[string]any, base string) CreateTaskConfig {
	c.object(cfg, base, "title", "text", "priority", "dueDays", "assignee")
	out := CreateTaskConfig{Priority: "MEDIUM"}
	_, hasTitle := cfg["title"]
	_, hasText := cfg["text"]
	key := "title"
	switch {
	case hasTitle && hasText:
		c.p.add(pointer(base, "text"), "use title or text (its older name), not both")
	case hasText:
		key = "text"
	}
	if s, ok := c.str(cfg, base, key, true); ok {
		out.Title = s
		path := pointer(base, key)
		_ = c.notBlank(path, s) && c.maxLen(path, s, maxTitleLength)
	}
	if s, ok := c.str(cfg, base, "priority", false); ok {
		c.enum(pointer(base, "priority"), s, TaskPriorities)
		out.Priority = s
	}
	if f, ok := c.number(cfg, base, "dueDays"); ok {
		path := pointer(base, "dueDays")
		switch {
		case f != math.Trunc(f):
			c.p.add(path, "dueDays must be a whole number of days, got %s", formatNumber(f))
		case f < 0 || f > maxDueDays:
			c.p.add(path, "dueDays must be between 0 and %d, got %s", maxDueDays, formatNumber(f))
		default:
			out.DueDays = int(f)
		}
	}
	if s, ok := c.str(cfg, base, "assignee", false); ok {
		out.Assignee = s
		path := pointer(base, "assignee")
		if c.singleLine(path, s) && c.notBlank(path, s) && c.maxLen(path, s, maxEmailLength) && !c.dynamic(s) {
			if strings.Contains(s, "@") {
				c.email(path, s)
			} else if _, err := uuid.Parse(s); err != nil {
				c.p.add(path, "assignee must be a user id or an email address (or a {{placeholder}}), got %q", s)
			}
		}
	}
	return out
}

func (c *configChecker) updateClient(cfg map[string]any, base string) UpdateClientConfig {
	c.object(cfg, base, "set")
	out := UpdateClientConfig{Set: map[string]any{}}
	v, found := cfg["set"]
	at := pointer(base, "set")
	if !found || v == nil {
		c.p.add(at, "set is required: an object of client fields (%s)", strings.Join(ClientWritableFields, ", "))
		return out
	}
	set, ok := asMap(v)
	if !ok {
		c.p.add(at, "set must be an object of client fields, got %s", typeName(v))
		return out
	}
	if len(set) == 0 {
		c.p.add(at, "set needs at least one field (%s)", strings.Join(ClientWritableFields, ", "))
		return out
	}
	for _, k := range sortedKeys(set) {
		path := pointer(at, k)
		val := set[k]
		switch k {
		case "name":
			if s, ok := c.setString(path, k, val, false); ok && c.notBlank(path, s) && c.maxLen(path, s, MaxActionNameLength) {
				out.Set[k] = s
			}
		case "email":
			if s, ok := c.setString(path, k, val, false); ok {
				c.email(path, s)
				out.Set[k] = s
			}
		case "phone":
			if val == nil {
				out.Set[k] = nil
			} else if s, ok := c.setString(path, k, val, true); ok && c.singleLine(path, s) && c.maxLen(path, s, 50) {
				out.Set[k] = s
			}
		case "status":
			if s, ok := c.setString(path, k, val, false); ok {
				c.enum(path, s, ClientStatuses)
				out.Set[k] = s
			}
		case "ownerId":
			if val == nil {
				out.Set[k] = nil
			} else if s, ok := c.setString(path, k, val, true); ok && c.notBlank(path, s) && c.maxLen(path, s, MaxActionNameLength) {
				if _, err := uuid.Parse(s); err != nil && !c.dynamic(s) {
					c.p.add(path, "ownerId must be a user id (or a {{placeholder}}), got %q", s)
				}
				out.Set[k] = s
			}
		case "tags":
			out.Set[k] = c.tagList(path, val)
		default:
			c.p.add(path, "unknown client field %q; settable: %s", k, strings.Join(ClientWritableFields, ", "))
		}
	}
	return out
}

func (c *configChecker) setString(path, key string, v any, nullable bool) (string, bool) {
	s, ok := v.(string)
	if !ok {
		if nullable {
			c.p.add(path, "%s must be a string or null, got %s", key, typeName(v))
		} else {
			c.p.add(path, "%s must be a string, got %s", key, typeName(v))
		}
	}
	return s, ok
}

func (c *configChecker) tagList(path string, v any) []string {
	list, ok := asList(v)
	if !ok {
		c.p.add(path, "tags must be a list of strings, got %s", typeName(v))
		return nil
	}
	if len(list) > maxTags {
		c.p.add(path, "at most %d tags, got %d", maxTags, len(list))
		return nil
	}
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, isString := e.(string)
		if !isString {
			c.p.add(pointer(path, i), "must be a string, got %s", typeName(e))
			continue
		}
		c.tag(pointer(path, i), s)
		out = append(out, s)
	}
	return out
}

// tag checks one tag: short, not blank, no control characters (tags show up in lists and CSVs).
func (c *configChecker) tag(path, s string) {
	if !c.notBlank(path, s) || !c.maxLen(path, s, maxTagLength) {
		return
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			c.p.add(path, "must not contain control characters")
			return
		}
	}
}

func (c *configChecker) tagConfig(cfg map[string]any, base string) TagConfig {
	c.object(cfg, base, "tag")
	var out TagConfig
	if s, ok := c.str(cfg, base, "tag", true); ok {
		out.Tag = s
		c.tag(pointer(base, "tag"), s)
	}
	return out
}

var delayUnits = []struct {
	key  string
	unit time.Duration
}{{"minutes", time.Minute}, {"hours", time.Hour}, {"days", 24 * time.Hour}}

func (c *configChecker) delay(cfg map[string]any, base string) DelayConfig {
	c.object(cfg, base, "minutes", "hours", "days", "until")
	var out DelayConfig
	var given []string
	for _, k := range []string{"minutes", "hours", "days", "until"} {
		if v, found := cfg[k]; found && v != nil {
			given = append(given, k)
		}
	}
	switch {
	case len(given) == 0:
		c.p.add(base, "exactly one of minutes, hours, days or until is required")
		return out
	case len(given) > 1:
		c.p.add(base, "use exactly one of minutes, hours, days or until, got %s", strings.Join(given, " and "))
		return out
	}
	if given[0] == "until" {
		if s, ok := c.str(cfg, base, "until", true); ok {
			path := pointer(base, "until")
			if !c.singleLine(path, s) || c.dynamic(s) {
				return out
			}
			t, ok := parseTime(s)
			if !ok {
				c.p.add(path, "until must be an RFC 3339 time like \"2024-01-31T09:00:00Z\", got %q", s)
				return out
			}
			out.Until = t
		}
		return out
	}
	for _, u := range delayUnits {
		if u.key != given[0] {
			continue
		}
		f, ok := c.number(cfg, base, u.key)
		if !ok {
			return out
		}
		path := pointer(base, u.key)
		limit := float64(maxDelay / u.unit)
		switch {
		case f <= 0:
			c.p.add(path, "%s must be greater than 0, got %s", u.key, formatNumber(f))
		case f > limit:
			c.p.add(path, "at most %s %s (365 days), got %s", formatNumber(limit), u.key, formatNumber(f))
		default:
			out.Duration = time.Duration(f * float64(u.unit))
		}
	}
	return out
}

func (c *configChecker) logActivity(cfg map[string]any, base string) LogActivityConfig {
	c.object(cfg, base, "message")
	var out LogActivityConfig
	if s, ok := c.str(cfg, base, "message", true); ok {
		out.Message = s
		path := pointer(base, "message")
		_ = c.notBlank(path, s) && c.maxLen(path, s, maxMessageLength)
	}
	return out
}
