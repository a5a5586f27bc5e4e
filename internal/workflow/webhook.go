package workflow

import (
	"net/textproto"
	"net/url"
	"slices"
	"strings"
)

// WebhookMethods are the HTTP methods a SEND_WEBHOOK may use; POST is the default. Webhooks
// carry a JSON body, so only methods with a body are offered (the sender, package delivery,
// refuses others).
var WebhookMethods = []string{"POST", "PUT", "PATCH"}

// reservedHeaders are set by the engine (or the HTTP stack) and may not be overridden by users.
var reservedHeaders = []string{"Host", "Content-Length", "Transfer-Encoding", "Connection", "Idempotency-Key"}

// reservedHeaderPrefix is the engine's own header namespace (signature, execution id, ...).
const reservedHeaderPrefix = "X-Flowline-"

// webhook checks SEND_WEBHOOK {url, method?, headers?, body?}; body is any JSON value.
func (c *configChecker) webhook(cfg map[string]any, base string) WebhookConfig {
	c.object(cfg, base, "url", "method", "headers", "body")
	out := WebhookConfig{Method: "POST", Body: deepCopy(cfg["body"])}
	if s, ok := c.str(cfg, base, "url", true); ok {
		out.URL = s
		c.webhookURL(pointer(base, "url"), s)
	}
	if s, ok := c.str(cfg, base, "method", false); ok {
		c.enum(pointer(base, "method"), s, WebhookMethods)
		out.Method = s
	}
	if v, found := cfg["headers"]; found && v != nil {
		out.Headers = c.headers(pointer(base, "headers"), v)
	}
	return out
}

// webhookURL accepts an absolute http(s) URL without credentials. A template must start with a
// literal scheme, so data can fill in a path or query but the kind of request stays visible.
func (c *configChecker) webhookURL(path, s string) {
	if !c.singleLine(path, s) || !c.maxLen(path, s, maxURLLength) {
		return
	}
	if c.dynamic(s) {
		lower := strings.ToLower(s)
		if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") {
			c.p.add(path, "must start with http:// or https:// (placeholders may follow)")
		}
		return
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		c.p.add(path, "must be a valid URL")
	case u.Scheme != "http" && u.Scheme != "https":
		c.p.add(path, "must be an http:// or https:// URL")
	case u.Host == "":
		c.p.add(path, "must include a host")
	case u.User != nil:
		c.p.add(path, "credentials in the URL are not allowed; send them in a header")
	}
}

func (c *configChecker) headers(path string, v any) map[string]string {
	m, ok := asMap(v)
	if !ok {
		if sm, isStringMap := v.(map[string]string); isStringMap {
			m = make(map[string]any, len(sm))
			for k, e := range sm {
				m[k] = e
			}
		} else {
			c.p.add(path, "headers must be an object of header names to strings, got %s", typeName(v))
			return nil
		}
	}
	if len(m) > maxHeaders {
		c.p.add(path, "at most %d headers, got %d", maxHeaders, len(m))
		return nil
	}
	out := make(map[string]string, len(m))
	for _, name := range sortedKeys(m) {
		at := pointer(path, name)
		if !isToken(name) {
			c.p.add(at, "invalid header name %q", name)
			continue
		}
		canonical := textproto.CanonicalMIMEHeaderKey(name)
		if slices.Contains(reservedHeaders, canonical) || strings.HasPrefix(canonical, reservedHeaderPrefix) {
			c.p.add(at, "header %s is set by Flowline and cannot be overridden", canonical)
			continue
		}
		s, isString := m[name].(string)
		if !isString {
			c.p.add(at, "header value must be a string, got %s", typeName(m[name]))
			continue
		}
		if c.singleLine(at, s) && c.maxLen(at, s, maxHeaderValueLength) {
			out[name] = s
		}
	}
	return out
}
