package workflow

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Problem is one validation problem. Path is a JSON pointer into the GraphQL input, e.g.
// "/actions/1/config/to", "/triggerConfig/cron" or "/conditions/all/0/operator", so a client can
// show the message next to the offending value.
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// ValidationError carries every problem found in a definition or a config. Validation never stops
// at the first problem, so users can fix everything in one round trip.
type ValidationError struct {
	Problems []Problem
	// Total counts every problem found, including those beyond the reported list.
	Total int
}

// Error joins the problems into one line; the API exposes the structured list separately.
func (e *ValidationError) Error() string {
	if e == nil || len(e.Problems) == 0 {
		return "validation failed"
	}
	var b strings.Builder
	b.WriteString("validation failed: ")
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		if p.Path != "" {
			b.WriteString(p.Path)
			b.WriteString(": ")
		}
		b.WriteString(p.Message)
	}
	return b.String()
}

// Problems returns the problems carried by err when it wraps a *ValidationError, and nil otherwise.
func Problems(err error) []Problem {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Problems
	}
	return nil
}

// maxProblems bounds the list so that a pathological input (thousands of bad actions) cannot
// produce a response larger than the input itself.
const maxProblems = 100

// problems collects Problems while a validator walks a definition.
type problems struct {
	list    []Problem
	dropped int
}

func (p *problems) addf(path, format string, args ...any) {
	if len(p.list) >= maxProblems {
		p.dropped++
		return
	}
	p.list = append(p.list, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

// err returns nil when nothing was found, and a *ValidationError otherwise.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	list := append([]Problem(nil), p.list...)
	if p.dropped > 0 {
		list = append(list, Problem{Message: fmt.Sprintf("%d more problems not shown (at most %d are reported)", p.dropped, maxProblems)})
	}
	return &ValidationError{Problems: list, Total: len(p.list) + p.dropped}
}

// pointerEscaper escapes a JSON pointer's reference token. It is built once: a replacer of
// single bytes allocates a 256-entry table, which made Pointer, called for every field of
// every step's config at run time, a third of the engine's allocations.
var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// Pointer appends reference tokens to a JSON pointer, escaping "~" and "/" as RFC 6901 requires.
func Pointer(base string, tokens ...any) string {
	var b strings.Builder
	b.WriteString(base)
	for _, t := range tokens {
		b.WriteByte('/')
		switch v := t.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case string:
			_, _ = pointerEscaper.WriteString(&b, v)
		default:
			fmt.Fprint(&b, v)
		}
	}
	return b.String()
}
