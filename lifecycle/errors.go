package lifecycle

import (
	"errors"
	"fmt"
)

// ErrNotFound reports a workflow, version or template that does not exist.
var ErrNotFound = errors.New("not found")

// ConflictError reports a change refused because of the workflow's current state: a stale
// expectedVersion, for instance.
type ConflictError struct{ Msg string }

func (e *ConflictError) Error() string { return e.Msg }

func conflictf(format string, args ...any) error {
	return &ConflictError{Msg: fmt.Sprintf(format, args...)}
}

func notFoundf(format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), ErrNotFound)
}
