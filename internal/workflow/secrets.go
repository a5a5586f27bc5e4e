package workflow

import (
	"net/url"
	"strings"
)

// Redacted replaces secret values in logs, execution data, simulation output and errors.
const Redacted = "***"

// secretWords mark a header, query parameter or body key as secret when its lower-cased name
// contains one of them. Over-redacting a harmless "monkey" header is a fair price for never
// leaking an "X-Api-Key".
var secretWords = []string{"auth", "token", "secret", "key", "password", "passwd", "cookie", "signature", "credential", "session"}

// IsSecretName reports whether a header, query parameter or body key names a secret
// (case-insensitive): Authorization, X-Api-Key, anything containing token, secret, key, ...
func IsSecretName(name string) bool {
	lower := strings.ToLower(name)
	for _, w := range secretWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// RedactConfig returns a deep copy of an action config with secret values replaced by "***",
// as the action's kind says (ConfigRedactor: SEND_WEBHOOK's secret headers, query parameters
// and body keys). Other action types carry no secrets and are copied as they are.
func RedactConfig(t ActionType, cfg map[string]any) map[string]any {
	out := copyMap(cfg)
	if out == nil {
		return out
	}
	if k, ok := Kind(t); ok {
		if r, ok := k.(ConfigRedactor); ok {
			return r.Redact(out)
		}
	}
	return out
}

// RedactHeaders replaces the values of secret headers (IsSecretName) in h, a map of header
// names to strings, in place.
func RedactHeaders(h any) {
	switch h := h.(type) {
	case map[string]any:
		for k := range h {
			if IsSecretName(k) {
				h[k] = Redacted
			}
		}
	case map[string]string:
		for k := range h {
			if IsSecretName(k) {
				h[k] = Redacted
			}
		}
	}
}

// RedactActions returns a copy of actions whose configs went through RedactConfig.
func RedactActions(actions []Action) []Action {
	return MapActions(actions, func(a Action) Action {
		a.Config = RedactConfig(a.Type, a.Config)
		if a.Config == nil {
			a.Config = map[string]any{} // a control step saved without config shows {}
		}
		if a.Retry != nil {
			r := *a.Retry
			a.Retry = &r
		}
		return a
	})
}

// RedactURL hides the password of URL credentials and the values of secret query parameters
// (?token=..., ?api_key=...) as a literal "***". Everything else is kept byte for byte (the
// order and encoding of the other parameters too), so a client that sends the shown URL back
// unchanged keeps the stored secrets. Text that does not parse as a URL is returned
// unchanged, since it cannot be redacted reliably and validation rejects it anyway.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	out := raw
	if u.User != nil {
		if _, hasPassword := u.User.Password(); hasPassword {
			// scheme://user:password@host...: the authority ends at the first "/", "?" or "#",
			// and its userinfo at the authority's last "@" (as net/url reads it).
			if i := strings.Index(out, "://"); i >= 0 {
				rest := out[i+3:]
				end := len(rest)
				if j := strings.IndexAny(rest, "/?#"); j >= 0 {
					end = j
				}
				if at := strings.LastIndexByte(rest[:end], '@'); at >= 0 {
					if colon := strings.IndexByte(rest[:at], ':'); colon >= 0 {
						out = out[:i+3] + rest[:colon+1] + Redacted + rest[at:]
					}
				}
			}
		}
	}
	if q := strings.IndexByte(out, '?'); q >= 0 {
		end := len(out)
		if f := strings.IndexByte(out[q:], '#'); f >= 0 {
			end = q + f
		}
		params := strings.Split(out[q+1:end], "&")
		for i, p := range params {
			key, _, hasValue := strings.Cut(p, "=")
			name, err := url.QueryUnescape(key)
			if err != nil {
				name = key
			}
			if hasValue && IsSecretName(name) {
				params[i] = key + "=" + Redacted
			}
		}
		out = out[:q+1] + strings.Join(params, "&") + out[end:]
	}
	return out
}

// RedactBody redacts values under secret keys anywhere in a webhook body. Body is already a
// deep copy, so it is changed in place.
func RedactBody(v any, depth int) any {
	if depth > maxValueDepth {
		return v
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if IsSecretName(k) {
				x[k] = Redacted
			} else {
				x[k] = RedactBody(e, depth+1)
			}
		}
	case []any:
		for i, e := range x {
			x[i] = RedactBody(e, depth+1)
		}
	}
	return v
}
