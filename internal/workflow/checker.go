package workflow

import (
	"math"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Object rejects keys that are not allowed.
func (c *ConfigChecker) Object(cfg map[string]any, base string, allowed ...string) {
	list := strings.Join(allowed, ", ")
	if list == "" {
		list = "none"
	}
	for _, k := range sortedKeys(cfg) {
		if !slices.Contains(allowed, k) {
			c.Problemf(Pointer(base, k), "unknown key %q; allowed: %s", k, list)
		}
	}
}

// String reads an optional or required string.
func (c *ConfigChecker) String(cfg map[string]any, base, key string, required bool) (string, bool) {
	v, found := cfg[key]
	if !found || v == nil {
		if required {
			c.Problemf(Pointer(base, key), "%s is required", key)
		}
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		c.Problemf(Pointer(base, key), "%s must be a string, got %s", key, TypeName(v))
		return "", false
	}
	return s, true
}

// Number reads a number, or a string holding one (the rendered form of a placeholder). It
// returns false when there is nothing to check (absent, invalid, or known only at run time).
func (c *ConfigChecker) Number(cfg map[string]any, base, key string) (float64, bool) {
	v, found := cfg[key]
	if !found || v == nil {
		return 0, false
	}
	path := Pointer(base, key)
	if s, isString := v.(string); isString {
		if c.Dynamic(s) {
			return 0, false
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			c.Problemf(path, "%s must be a number, got %q", key, s)
			return 0, false
		}
		return f, true
	}
	f, ok := toFloat(v)
	if !ok {
		c.Problemf(path, "%s must be a number, got %s", key, TypeName(v))
		return 0, false
	}
	return f, true
}

// MaxLen reports whether s has at most limit characters (runes), recording a problem when not.
func (c *ConfigChecker) MaxLen(path, s string, limit int) bool {
	if n := utf8.RuneCountInString(s); n > limit {
		c.Problemf(path, "at most %d characters, got %d", limit, n)
		return false
	}
	return true
}

// NotBlank reports whether s holds something other than white space, recording a problem when
// not.
func (c *ConfigChecker) NotBlank(path, s string) bool {
	if strings.TrimSpace(s) == "" {
		c.Problemf(path, "must not be empty")
		return false
	}
	return true
}

// SingleLine guards header-bound values (recipients, subject, HTTP headers): a CR or LF there
// would let data inject headers. Rendered values are checked again by DecodeConfig.
func (c *ConfigChecker) SingleLine(path, s string) bool {
	if strings.ContainsAny(s, "\r\n") {
		c.Problemf(path, "must not contain line breaks (CR or LF)")
		return false
	}
	return true
}

// Enum records a problem unless s is one of allowed or a template known only at run time.
func (c *ConfigChecker) Enum(path, s string, allowed []string) {
	if c.Dynamic(s) || slices.Contains(allowed, s) {
		return
	}
	c.Problemf(path, "must be one of %s, got %q", strings.Join(allowed, ", "), s)
}

// Email accepts an address ("ada@example.com" or "Ada <ada@example.com>") or a template.
func (c *ConfigChecker) Email(path, s string) {
	if !c.SingleLine(path, s) || !c.MaxLen(path, s, MaxEmailLength) || !c.NotBlank(path, s) {
		return
	}
	if c.Dynamic(s) {
		return
	}
	if _, err := mail.ParseAddress(s); err != nil {
		c.Problemf(path, "must be an email address or a {{placeholder}}, got %q", s)
	}
}

// IsToken reports whether s is an RFC 9110 token (a valid header name or media type part).
func IsToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", b) >= 0 {
			continue
		}
		return false
	}
	return true
}

// TagList checks a list of tags (ADD_TAG, UPDATE_CLIENT tags) and returns them.
func (c *ConfigChecker) TagList(path string, v any) []string {
	list, ok := AsList(v)
	if !ok {
		c.Problemf(path, "tags must be a list of strings, got %s", TypeName(v))
		return nil
	}
	if len(list) > maxTags {
		c.Problemf(path, "at most %d tags, got %d", maxTags, len(list))
		return nil
	}
	out, _ := c.strings(path, list)
	for i, e := range list {
		if tag, isString := e.(string); isString {
			c.Tag(Pointer(path, i), tag)
		}
	}
	return out
}

// strings reads a list's elements as strings, reporting each one that is not; all is false
// when some were not (they are left out of the result).
func (c *ConfigChecker) strings(path string, list []any) (out []string, all bool) {
	out = make([]string, 0, len(list))
	for i, e := range list {
		s, isString := e.(string)
		if !isString {
			c.Problemf(Pointer(path, i), "must be a string, got %s", TypeName(e))
			continue
		}
		out = append(out, s)
	}
	return out, len(out) == len(list)
}

// Tag checks one tag: short, not blank, no control characters (tags show up in lists and CSVs).
func (c *ConfigChecker) Tag(path, s string) {
	if !c.NotBlank(path, s) || !c.MaxLen(path, s, maxTagLength) {
		return
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			c.Problemf(path, "must not contain control characters")
			return
		}
	}
}
