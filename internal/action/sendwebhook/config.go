package sendwebhook

import (
	"maps"
	"net/textproto"
	"net/url"
	"slices"
	"strings"

	"github.com/flowline/flowline/internal/workflow"
)

const (
	maxURLLength         = 2048
	maxHeaders           = 20
	maxHeaderValueLength = 1024
)

// Methods are the HTTP methods a SEND_WEBHOOK may use; POST is the default. Webhooks
// carry a JSON body, so only methods with a body are offered (the sender, package delivery,
// refuses others).
var Methods = []string{"POST", "PUT", "PATCH"}

// reservedHeaders are set by the engine (or the HTTP stack) and may not be overridden by users.
var reservedHeaders = []string{"Host", "Content-Length", "Transfer-Encoding", "Connection", "Idempotency-Key"}

// reservedHeaderPrefix is the engine's own header namespace (signature, execution id, ...).
const reservedHeaderPrefix = "X-Flowline-"

// Check implements workflow.ActionKind: {url, method?, headers?, body?}; body is any JSON value.
func (Type) Check(c *workflow.ConfigChecker, cfg map[string]any, base string) any {
	c.Object(cfg, base, "url", "method", "headers", "body")
	out := Config{Method: "POST", Body: workflow.DeepCopy(cfg["body"])}
	if s, ok := c.String(cfg, base, "url", true); ok {
		out.URL = s
		CheckURL(c, workflow.Pointer(base, "url"), s)
	}
	if s, ok := c.String(cfg, base, "method", false); ok {
		c.Enum(workflow.Pointer(base, "method"), s, Methods)
		out.Method = s
	}
	if v, found := cfg["headers"]; found && v != nil {
		out.Headers = CheckHeaders(c, workflow.Pointer(base, "headers"), v)
	}
	return out
}

// CheckURL accepts an absolute http(s) URL without credentials. A template must start with a
// literal scheme, so data can fill in a path or query but the kind of request stays visible.
func CheckURL(c *workflow.ConfigChecker, path, s string) {
	if !c.SingleLine(path, s) || !c.MaxLen(path, s, maxURLLength) {
		return
	}
	if c.Dynamic(s) {
		lower := strings.ToLower(s)
		if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") {
			c.Problemf(path, "must start with http:// or https:// (placeholders may follow)")
		}
		return
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		c.Problemf(path, "must be a valid URL")
	case u.Scheme != "http" && u.Scheme != "https":
		c.Problemf(path, "must be an http:// or https:// URL")
	case u.Host == "":
		c.Problemf(path, "must include a host")
	case u.User != nil:
		c.Problemf(path, "credentials in the URL are not allowed; send them in a header")
	}
}

// CheckHeaders checks a headers object: at most 20 single-line values, none of the headers
// Flowline sets itself.
func CheckHeaders(c *workflow.ConfigChecker, path string, v any) map[string]string {
	m, ok := workflow.AsMap(v)
	if !ok {
		if sm, isStringMap := v.(map[string]string); isStringMap {
			m = make(map[string]any, len(sm))
			for k, e := range sm {
				m[k] = e
			}
		} else {
			c.Problemf(path, "headers must be an object of header names to strings, got %s", workflow.TypeName(v))
			return nil
		}
	}
	if len(m) > maxHeaders {
		c.Problemf(path, "at most %d headers, got %d", maxHeaders, len(m))
		return nil
	}
	out := make(map[string]string, len(m))
	for _, name := range slices.Sorted(maps.Keys(m)) {
		at := workflow.Pointer(path, name)
		if !workflow.IsToken(name) {
			c.Problemf(at, "invalid header name %q", name)
			continue
		}
		canonical := textproto.CanonicalMIMEHeaderKey(name)
		if slices.Contains(reservedHeaders, canonical) || strings.HasPrefix(canonical, reservedHeaderPrefix) {
			c.Problemf(at, "header %s is set by Flowline and cannot be overridden", canonical)
			continue
		}
		s, isString := m[name].(string)
		if !isString {
			c.Problemf(at, "header value must be a string, got %s", workflow.TypeName(m[name]))
			continue
		}
		if c.SingleLine(at, s) && c.MaxLen(at, s, maxHeaderValueLength) {
			out[name] = s
		}
	}
	return out
}
