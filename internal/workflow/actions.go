package workflow

import (
	"fmt"

	"github.com/flowline/flowline/internal/workflow/spec"
)

// OnError values: what happens when a step still fails after its retries (STOP is the default;
// Action.EffectiveOnError applies it).
const (
	OnErrorStop     = spec.OnErrorStop
	OnErrorContinue = spec.OnErrorContinue
)

// Limits on actions and their configs; error messages state them when exceeded. Each action
// kind adds its own (internal/action/<type>).
const (
	MaxActions           = 200      // steps in all, nested ones included
	MaxActionConfigBytes = 16 << 10 // JSON size of one action's config
	MaxActionNameLength  = 200
	// MaxEmailLength bounds an email address (RFC 5321's path limit).
	MaxEmailLength = 320
	maxTagLength   = 64
	maxTags        = 100
)

// DecodeConfig checks a rendered action config and returns its typed form, as the action
// type's kind (ActionKind.Check) decodes it. It applies the same rules as Validate, but reads
// strings literally: after rendering, "{{" is data. The error wraps a *ValidationError whose
// paths are relative to the config ("/to").
func DecodeConfig(t ActionType, cfg map[string]any) (any, error) {
	kind, ok := Kind(t)
	if !ok {
		return nil, fmt.Errorf("decode config: unknown action type %q", t)
	}
	var p problems
	c := ConfigChecker{p: &p}
	if acceptsClientID(kind) {
		cfg = withoutClientID(&c, cfg, "")
	}
	out := kind.Check(&c, cfg, "")
	if err := p.err(); err != nil {
		return nil, fmt.Errorf("decode %s config: %w", t, err)
	}
	return out, nil
}

// ConfigChecker decodes a config while recording problems. With templated set (save time),
// strings may hold placeholders and format checks are left to DecodeConfig after rendering; the
// placeholders themselves are checked by checkPlaceholders.
type ConfigChecker struct {
	p         *problems
	templated bool
	// catalog is what the database defines, known at save time only (nil at run time).
	catalog *Catalog
}

// CustomRecordFields returns the record fields of the custom client fields, for filters over
// clients: custom.<key> with its type at save time; custom as free-form data at run time,
// where the definitions are not known (the save checked them).
func (c *ConfigChecker) CustomRecordFields() map[string]FieldType {
	if c.catalog == nil {
		return map[string]FieldType{"custom": FieldAny}
	}
	out := make(map[string]FieldType, len(c.catalog.CustomFields))
	for k, ft := range c.catalog.CustomFields {
		out["custom."+k] = ft
	}
	return out
}

// CustomField returns the type of the custom client field key. checked is false when the
// definitions are not known here (at run time, where the action checks the value itself).
func (c *ConfigChecker) CustomField(key string) (ft FieldType, defined, checked bool) {
	if c.catalog == nil {
		return "", false, false
	}
	ft, defined = c.catalog.CustomFields[key]
	return ft, defined, true
}

// CustomOptions returns the options of the SELECT custom client field key (nil for another
// type, or when the definitions are not known here).
func (c *ConfigChecker) CustomOptions(key string) []string {
	if c.catalog == nil {
		return nil
	}
	return c.catalog.CustomOptions[key]
}

// Dynamic reports whether s is a template whose value is only known at run time.
func (c *ConfigChecker) Dynamic(s string) bool { return c.templated && hasTemplate(s) }

// Problemf records a problem at the JSON pointer path.
func (c *ConfigChecker) Problemf(path, format string, args ...any) { c.p.addf(path, format, args...) }
