package workflow_test

import (
	"regexp"
	"testing"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

func TestBuiltinTemplates(t *testing.T) {
	templates := BuiltinTemplates()
	if len(templates) < 8 {
		t.Fatalf("got %d templates, want at least 8", len(templates))
	}
	slug := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, tpl := range templates {
		t.Run(tpl.Key, func(t *testing.T) {
			if !slug.MatchString(tpl.Key) || seen[tpl.Key] {
				t.Fatalf("key %q is not a unique slug", tpl.Key)
			}
			seen[tpl.Key] = true
			if tpl.Name == "" || tpl.Description == "" {
				t.Fatal("template lacks a name or description")
			}
			if err := Validate(tpl.Definition); err != nil {
				t.Fatalf("Validate() = %v", err)
			}
			if w := LoopWarnings(tpl.Definition); len(w) > 0 {
				t.Fatalf("loop warnings: %q", w)
			}
			// A run on a matching sample event renders and decodes every step.
			ev := sampleEvent(tpl.Definition.TriggerType)
			res := Simulate(tpl.Definition, ev, nil, testNow)
			for _, s := range res.Steps {
				if s.Error != "" {
					t.Fatalf("step %d would fail: %s", s.Index, s.Error)
				}
			}
		})
	}
	// Each call builds a fresh library: a caller's edits do not leak into the next install.
	templates[0].Definition.Actions[0].Config["to"] = "changed@example.com"
	if BuiltinTemplates()[0].Definition.Actions[0].Config["to"] == "changed@example.com" {
		t.Fatal("BuiltinTemplates shares state between calls")
	}
}
