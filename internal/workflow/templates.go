package workflow

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cbroglie/mustache"
)

// ErrMissingVariable is wrapped by render errors for a placeholder whose variable is not in the
// context.
var ErrMissingVariable = errors.New("missing variable")

// ErrUnsupportedTemplate is wrapped by errors for mustache features the logic-less language does
// not offer: sections, inverted sections and partials (which could read files).
var ErrUnsupportedTemplate = errors.New("unsupported template feature")

// parseTemplate compiles s with mustache and returns its variable names in order of first use.
// Every value is forced raw (no HTML escaping): output goes into emails, JSON and headers, whose
// own encoders escape as their format requires. Partials resolve against an empty provider so a
// template can never read the file system, and are rejected anyway.
func parseTemplate(s string) (tmpl *mustache.Template, names []string, err error) {
	defer func() {
		// The template engine is third-party code fed user input; a panic there must become an
		// error, never a crashed worker.
		if r := recover(); r != nil {
			tmpl, names, err = nil, nil, fmt.Errorf("invalid template: %v", r)
		}
	}()
	tmpl, err = mustache.ParseStringPartialsRaw(s, &mustache.StaticProvider{}, true)
	if err != nil {
		return nil, nil, fmt.Errorf("invalid template: %w", err)
	}
	seen := map[string]bool{}
	for _, tag := range tmpl.Tags() {
		switch tag.Type() {
		case mustache.Variable:
			if !seen[tag.Name()] {
				seen[tag.Name()] = true
				names = append(names, tag.Name())
			}
		case mustache.Section, mustache.InvertedSection:
			return nil, nil, fmt.Errorf("%w: section %q; use plain {{placeholders}}", ErrUnsupportedTemplate, tag.Name())
		case mustache.Partial:
			return nil, nil, fmt.Errorf("%w: partial %q; use plain {{placeholders}}", ErrUnsupportedTemplate, tag.Name())
		default:
			return nil, nil, fmt.Errorf("%w: tag %q", ErrUnsupportedTemplate, tag.Name())
		}
	}
	return tmpl, names, nil
}

// hasTemplate reports whether s may contain a placeholder; text without "{{" is literal (a
// delimiter change itself needs "{{=").
func hasTemplate(s string) bool { return strings.Contains(s, "{{") }

// HasTemplates reports whether any string in a config (nested maps and lists included) may
// contain a placeholder. A config without any renders to itself whatever the context, so the
// engine need not build one (nor read the client) to render it.
func HasTemplates(v any) bool {
	// Other values (numbers, booleans) the renderer returns as they are.
	return !walkStrings(v, func(s string) bool { return !hasTemplate(s) })
}

// ReadsClient reports whether rendering a config may read the client: whether any of its
// placeholders starts with client or trigger (a client change's trigger.previous falls
// back to the client's values). A malformed template counts as reading it, so that rendering
// reports the template's error as it would otherwise.
func ReadsClient(v any) bool {
	reads := false
	walkStrings(v, func(s string) bool {
		if !hasTemplate(s) {
			return true
		}
		names, err := Placeholders(s)
		if err != nil {
			reads = true
			return false
		}
		for _, name := range names {
			root, _, _ := strings.Cut(name, ".")
			if root == "client" || root == "trigger" {
				reads = true
				return false
			}
		}
		return true
	})
	return reads
}

// walkStrings calls visit with every string in a config (nested maps and lists included)
// until visit returns false.
func walkStrings(v any, visit func(string) bool) bool {
	switch x := v.(type) {
	case string:
		return visit(x)
	case map[string]any:
		for _, e := range x {
			if !walkStrings(e, visit) {
				return false
			}
		}
	case map[string]string:
		for _, e := range x {
			if !visit(e) {
				return false
			}
		}
	case []any:
		for _, e := range x {
			if !walkStrings(e, visit) {
				return false
			}
		}
	case []string:
		for _, e := range x {
			if !visit(e) {
				return false
			}
		}
	}
	return true
}

// Placeholders returns the variable names used in s (e.g. "client.email"), in order of first use,
// without duplicates. It fails on malformed templates and on sections and partials.
func Placeholders(s string) ([]string, error) {
	if !hasTemplate(s) {
		return nil, nil
	}
	_, names, err := parseTemplate(s)
	return names, err
}

// Render renders one string with {{dotted.path}} placeholders. HTML escaping is off: these are
// emails and JSON, not HTML. A variable missing from ctx is an error (wrapping
// ErrMissingVariable); a variable that is present but null renders as "". Lists render joined
// with ", ", objects as JSON, numbers without exponent.
func Render(s string, ctx Context) (string, error) {
	return newRenderer(ctx).render(s)
}

// RenderConfig renders every string in an action config, recursively through maps and lists;
// map keys and non-string values are copied unchanged. The result shares no memory with cfg.
func RenderConfig(cfg map[string]any, ctx Context) (map[string]any, error) {
	if cfg == nil {
		return nil, nil
	}
	out, err := newRenderer(ctx).value(cfg, "", 0)
	if err != nil {
		return nil, err
	}
	return out.(map[string]any), nil
}

// renderer renders many strings against one normalized context.
type renderer struct {
	data map[string]any
}

func newRenderer(ctx Context) *renderer {
	// Values are normalized as they are read (see EvaluateConditions).
	data := map[string]any(ctx)
	if data == nil {
		data = map[string]any{}
	}
	return &renderer{data: data}
}

func (r *renderer) value(v any, path string, depth int) (any, error) {
	if depth > maxValueDepth {
		return nil, fmt.Errorf("render %s: config nests deeper than %d levels", path, maxValueDepth)
	}
	switch x := v.(type) {
	case string:
		out, err := r.render(x)
		if err != nil {
			if path == "" {
				return nil, err
			}
			return nil, fmt.Errorf("render %s: %w", path, err)
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for _, k := range sortedKeys(x) {
			rendered, err := r.value(x[k], Pointer(path, k), depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = rendered
		}
		return out, nil
	case map[string]string:
		out := make(map[string]string, len(x))
		for _, k := range sortedKeys(x) {
			rendered, err := r.render(x[k])
			if err != nil {
				return nil, fmt.Errorf("render %s: %w", Pointer(path, k), err)
			}
			out[k] = rendered
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			rendered, err := r.value(e, Pointer(path, i), depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = rendered
		}
		return out, nil
	case []string:
		out := make([]string, len(x))
		for i, e := range x {
			rendered, err := r.render(e)
			if err != nil {
				return nil, fmt.Errorf("render %s: %w", Pointer(path, i), err)
			}
			out[i] = rendered
		}
		return out, nil
	}
	return v, nil
}

// render resolves every variable strictly first (mustache itself would print "" for a missing
// one, and its switch for that is a racy package global), then lets mustache render a view that
// holds exactly the resolved, formatted values.
func (r *renderer) render(s string) (out string, err error) {
	if !hasTemplate(s) {
		return s, nil
	}
	tmpl, names, err := parseTemplate(s)
	if err != nil {
		return "", err
	}
	view := map[string]any{}
	for _, name := range names {
		v, ok := lookupNormal(r.data, name)
		if !ok {
			return "", fmt.Errorf("%w %q", ErrMissingVariable, name)
		}
		setView(view, strings.Split(name, "."), formatValue(v))
	}
	defer func() {
		if rec := recover(); rec != nil {
			out, err = "", fmt.Errorf("render template: %v", rec)
		}
	}()
	out, err = tmpl.Render(view)
	if err != nil {
		return "", fmt.Errorf("render template: %w", err)
	}
	return out, nil
}

// viewNode is a view map that is also printed itself, for a template that uses both
// {{trigger.data}} and {{trigger.data.id}}. Its own text sits under the key "", which no valid
// path can reach.
type viewNode map[string]any

// String returns the node's own formatted value.
func (n viewNode) String() string {
	s, _ := n[""].(string)
	return s
}

// setView stores a formatted value at a path of the render view.
func setView(view map[string]any, segs []string, text string) {
	cur := view
	for i, seg := range segs {
		last := i == len(segs)-1
		existing, found := cur[seg]
		if last {
			switch node := existing.(type) {
			case map[string]any:
				vn := viewNode(node)
				vn[""] = text
				cur[seg] = vn
			case viewNode:
				node[""] = text
			default:
				cur[seg] = text
			}
			return
		}
		switch node := existing.(type) {
		case map[string]any:
			cur = node
		case viewNode:
			cur = node
		default:
			next := map[string]any{}
			if found {
				vn := viewNode(next)
				vn[""] = existing.(string)
				cur[seg] = vn
			} else {
				cur[seg] = next
			}
			cur = next
		}
	}
}
