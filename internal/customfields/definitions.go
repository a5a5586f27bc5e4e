package customfields

import (
	"fmt"
	"slices"
	"strings"

	"github.com/flowline/flowline/ent/schema"
)

// DefError names the input field of a refused definition ("key", "options") and why.
type DefError struct {
	Field string
	Msg   string
}

func (e *DefError) Error() string { return e.Field + ": " + e.Msg }

// CheckKey checks a new field's key.
func CheckKey(key string) *DefError {
	if !schema.CustomFieldKeyPattern.MatchString(key) {
		return &DefError{"key", fmt.Sprintf("%q must match %s", key, schema.CustomFieldKeyPattern)}
	}
	return nil
}

// CheckLabel checks a label.
func CheckLabel(label string) *DefError {
	if strings.TrimSpace(label) == "" {
		return &DefError{"label", "the label must not be blank"}
	}
	if len([]rune(label)) > 200 {
		return &DefError{"label", "the label is at most 200 characters"}
	}
	return nil
}

// CheckOptions checks the options of a field of type t: a SELECT takes 1 to
// MaxCustomFieldOptions non-empty unique options, the other types none.
func CheckOptions(t Type, options []string) *DefError {
	if t != Select {
		if len(options) > 0 {
			return &DefError{"options", fmt.Sprintf("a %s field takes no options", t)}
		}
		return nil
	}
	if len(options) == 0 || len(options) > schema.MaxCustomFieldOptions {
		return &DefError{"options", fmt.Sprintf("a SELECT field takes 1 to %d options, got %d", schema.MaxCustomFieldOptions, len(options))}
	}
	for i, o := range options {
		if strings.TrimSpace(o) == "" {
			return &DefError{"options", fmt.Sprintf("option %d is empty", i)}
		}
		if slices.Index(options, o) != i {
			return &DefError{"options", fmt.Sprintf("option %q is given twice", o)}
		}
	}
	return nil
}
