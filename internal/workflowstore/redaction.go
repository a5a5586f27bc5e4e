package workflowstore

import (
	"fmt"
	"sort"
	"strings"

	"github.com/flowline/flowline/internal/workflow"
)

// The API shows secret config values (webhook Authorization headers, secret URL parameters)
// as "***". Two rules keep those secrets where they belong:
//
//   - An edit that sends "***" back keeps the stored value, but only while the webhook still
//     goes to the same URL: otherwise anyone allowed to edit could redirect a secret to a
//     server of their own. "***" left over is refused, so the user enters the value again.
//   - A copy made by someone other than the source's author (a template used by another
//     editor, say) gets its secrets blanked: secrets are never handed from one user to another.

// restoreRedacted puts stored secrets back where an edit sends "***": from the stored action
// the edited one continues (see sourceOf).
func restoreRedacted(edited, stored []workflow.Action) []workflow.Action {
	if edited == nil {
		return nil
	}
	out := make([]workflow.Action, len(edited))
	copy(out, edited)
	for i := range out {
		src := sourceOf(out[i], i, stored)
		if src == nil {
			continue
		}
		cfg, _ := restoreValue(matchHeaderCase(out[i].Config, src.Config), src.Config).(map[string]any)
		out[i].Config = cfg
		if u, ok := out[i].Config["url"].(string); ok {
			if old, ok := src.Config["url"].(string); ok && u == workflow.RedactURL(old) {
				out[i].Config["url"] = old
			}
		}
	}
	// Nested blocks keep the secrets of the same block of the step at the same place.
	for i := range out {
		if i >= len(stored) || stored[i].Type != out[i].Type {
			continue
		}
		src := stored[i]
		out[i].Then = restoreRedacted(out[i].Then, src.Then)
		out[i].Else = restoreRedacted(out[i].Else, src.Else)
		out[i].Default = restoreRedacted(out[i].Default, src.Default)
		out[i].Body = restoreRedacted(out[i].Body, src.Body)
		if out[i].Cases != nil {
			cases := append([]workflow.Case(nil), out[i].Cases...)
			for j := range cases {
				var old []workflow.Action
				if j < len(src.Cases) {
					old = src.Cases[j].Actions
				}
				cases[j].Actions = restoreRedacted(cases[j].Actions, old)
			}
			out[i].Cases = cases
		}
	}
	return out
}

// sourceOf finds the stored action whose secrets an edited action at index i may keep: the
// one at the same index when it has the same type (and, for a webhook, the same URL), else,
// for a webhook moved elsewhere in the list, a stored webhook to the same URL. Secrets never
// follow a webhook to a new URL.
func sourceOf(a workflow.Action, i int, stored []workflow.Action) *workflow.Action {
	if i < len(stored) && stored[i].Type == a.Type &&
		(a.Type != workflow.ActionSendWebhook || sameTarget(a.Config, stored[i].Config)) {
		return &stored[i]
	}
	if a.Type != workflow.ActionSendWebhook {
		return nil
	}
	for j := range stored {
		if stored[j].Type == a.Type && sameTarget(a.Config, stored[j].Config) {
			return &stored[j]
		}
	}
	return nil
}

// matchHeaderCase returns edited with its header names spelled as in stored where they differ
// only in case (HTTP header names are case-insensitive), so "***" finds its stored value.
func matchHeaderCase(edited, stored map[string]any) map[string]any {
	eh, ok1 := edited["headers"].(map[string]any)
	sh, ok2 := stored["headers"].(map[string]any)
	if !ok1 || !ok2 {
		return edited
	}
	renamed := make(map[string]any, len(eh))
	changed := false
	for k, v := range eh {
		name := k
		if _, exact := sh[k]; !exact {
			for sk := range sh {
				if strings.EqualFold(sk, k) {
					name, changed = sk, true
					break
				}
			}
		}
		renamed[name] = v
	}
	if !changed {
		return edited
	}
	out := make(map[string]any, len(edited))
	for k, v := range edited {
		out[k] = v
	}
	out["headers"] = renamed
	return out
}

// sameTarget reports whether an edited webhook config still sends to the stored URL (as
// stored, or as the API showed it).
func sameTarget(edited, stored map[string]any) bool {
	u, _ := edited["url"].(string)
	old, _ := stored["url"].(string)
	return u == old || u == workflow.RedactURL(old)
}

// restoreValue returns edited with every "***" replaced by the stored value at the same
// place; it copies the maps it changes, never the caller's.
func restoreValue(edited, stored any) any {
	switch e := edited.(type) {
	case string:
		if e == workflow.Redacted && stored != nil {
			return stored
		}
		return e
	case map[string]any:
		s, _ := stored.(map[string]any)
		out := make(map[string]any, len(e))
		for k, v := range e {
			out[k] = restoreValue(v, s[k])
		}
		return out
	case []any:
		s, _ := stored.([]any)
		out := make([]any, len(e))
		for i, v := range e {
			var sv any
			if i < len(s) {
				sv = s[i]
			}
			out[i] = restoreValue(v, sv)
		}
		return out
	}
	return edited
}

// leftoverRedactions reports "***" that could not be restored in webhook configs.
func leftoverRedactions(actions []workflow.Action) error {
	var problems []workflow.Problem
	workflow.Walk(actions, func(at string, a *workflow.Action) {
		if a.Type != workflow.ActionSendWebhook {
			return
		}
		for _, path := range redactedPaths(a.Config, at+"/config") {
			problems = append(problems, workflow.Problem{Path: path, Message: "this secret is hidden (***); enter its value again: " +
				"hidden secrets are kept only while the webhook URL stays the same"})
		}
	})
	if len(problems) == 0 {
		return nil
	}
	return &workflow.ValidationError{Problems: problems}
}

func redactedPaths(v any, path string) []string {
	switch x := v.(type) {
	case string:
		if strings.Contains(x, workflow.Redacted) {
			return []string{path}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []string
		for _, k := range keys {
			out = append(out, redactedPaths(x[k], path+"/"+escapePointer(k))...)
		}
		return out
	case []any:
		var out []string
		for i, e := range x {
			out = append(out, redactedPaths(e, fmt.Sprintf("%s/%d", path, i))...)
		}
		return out
	}
	return nil
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// blankSecrets returns actions with every secret value emptied, for copies that change hands.
func blankSecrets(actions []workflow.Action) []workflow.Action {
	return workflow.MapActions(workflow.RedactActions(actions), func(a workflow.Action) workflow.Action {
		a.Config, _ = blank(a.Config).(map[string]any)
		return a
	})
}

func blank(v any) any {
	switch x := v.(type) {
	case string:
		return strings.ReplaceAll(x, workflow.Redacted, "")
	case map[string]any:
		for k, e := range x {
			x[k] = blank(e)
		}
	case []any:
		for i, e := range x {
			x[i] = blank(e)
		}
	}
	return v
}
