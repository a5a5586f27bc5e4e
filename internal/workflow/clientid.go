package workflow

import (
	"maps"

	"github.com/google/uuid"
)

// ClientIDKey is the config key with which a client action names the client it acts on
// ({"clientId": "{{lead.id}}"} inside a loop); without it the step acts on the execution's
// client.
const ClientIDKey = "clientId"

// hasClientID reports whether a config names a client.
func hasClientID(cfg map[string]any) bool {
	_, ok := cfg[ClientIDKey]
	return ok
}

// withoutClientID checks a config's clientId (a UUID or, at save time, a placeholder) and
// returns the config without it, for the kind's own check.
func withoutClientID(c *ConfigChecker, cfg map[string]any, base string) map[string]any {
	v, ok := cfg[ClientIDKey]
	if !ok {
		return cfg
	}
	s, isString := v.(string)
	switch {
	case !isString:
		c.Problemf(Pointer(base, ClientIDKey), "clientId must be a string (a client id or a placeholder like {{lead.id}}), got %s", TypeName(v))
	case c.Dynamic(s):
	default:
		if _, err := uuid.Parse(s); err != nil {
			c.Problemf(Pointer(base, ClientIDKey), "clientId must be a client id (a UUID) or a placeholder, got %q", s)
		}
	}
	rest := maps.Clone(cfg)
	delete(rest, ClientIDKey)
	return rest
}

// SplitClientID returns the client id a rendered client-action config names ("" when it names
// none) and the config without it. Other action types' configs are returned unchanged.
func SplitClientID(t ActionType, cfg map[string]any) (string, map[string]any) {
	k, ok := Kind(t)
	if !ok || !acceptsClientID(k) || !hasClientID(cfg) {
		return "", cfg
	}
	s, _ := cfg[ClientIDKey].(string)
	rest := maps.Clone(cfg)
	delete(rest, ClientIDKey)
	return s, rest
}
