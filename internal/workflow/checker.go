package workflow

import (
	"math"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// object rejects keys that are not allowed.
func (c *configChecker) object(cfg map[string]any, base string, allowed ...string) {
	list := strings.Join(allowed, ", ")
	if list == "" {
		list = "none"
	}
	for _, k := range sortedKeys(cfg) {
		if !slices.Contains(allowed, k) {
			c.p.add(pointer(base, k), "unknown key %q; allowed: %s", k, list)
		}
	}
}

// str reads an optional or required string.
func (c *configChecker) str(cfg map[string]any, base, key string, required bool) (string, bool) {
	v, found := cfg[key]
	if !found || v == nil {
		if required {
			c.p.add(pointer(base, key), "%s is required", key)
		}
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		c.p.add(pointer(base, key), "%s must be a string, got %s", key, typeName(v))
		return "", false
	}
	return s, true
}

// number reads a number, or a string holding one (the rendered form of a placeholder). It
// returns false when there is nothing to check (absent, invalid, or known only at run time).
func (c *configChecker) number(cfg map[string]any, base, key string) (float64, bool) {
	v, found := cfg[key]
	if !found || v == nil {
		return 0, false
	}
	path := pointer(base, key)
	if s, isString := v.(string); isString {
		if c.dynamic(s) {
			return 0, false
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			c.p.add(path, "%s must be a number, got %q", key, s)
			return 0, false
		}
		return f, true
	}
	f, ok := toFloat(v)
	if !ok {
		c.p.add(path, "%s must be a number, got %s", key, typeName(v))
		return 0, false
	}
	return f, true
}

func (c *configChecker) maxLen(path, s string, limit int) bool {
	if n := utf8.RuneCountInString(s); n > limit {
		c.p.add(path, "at most %d characters, got %d", limit, n)
		return false
	}
	return true
}

func (c *configChecker) notBlank(path, s string) bool {
	if strings.TrimSpace(s) == "" {
		c.p.add(path, "must not be empty")
		return false
	}
	return true
}

// singleLine guards header-bound values (recipients, subject, HTTP headers): a CR or LF there
// would let data inject headers. Rendered values are checked again by DecodeConfig.
func (c *configChecker) singleLine(path, s string) bool {
	if strings.ContainsAny(s, "\r\n") {
		c.p.add(path, "must not contain line breaks (CR or LF)")
		return false
	}
	return true
}

func (c *configChecker) enum(path, s string, allowed []string) {
	if c.dynamic(s) || slices.Contains(allowed, s) {
		return
	}
	c.p.add(path, "must be one of %s, got %q", strings.Join(allowed, ", "), s)
}

// email accepts an address ("ada@example.com" or "Ada <ada@example.com>") or a template.
func (c *configChecker) email(path, s string) {
	if !c.singleLine(path, s) || !c.maxLen(path, s, maxEmailLength) || !c.notBlank(path, s) {
		return
	}
	if c.dynamic(s) {
		return
	}
	if _, err := mail.ParseAddress(s); err != nil {
		c.p.add(path, "must be an email address or a {{placeholder}}, got %q", s)
	}
}

// isToken reports whether s is an RFC 9110 token (a valid header name or media type part).
func isToken(s string) bool {
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
