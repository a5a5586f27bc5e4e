package workflowstore

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

// NotFoundError is an ErrNotFound that says what was missing. Field names the input that
// pointed at it when that is not the workflow's own id ("version").
type NotFoundError struct{ Msg, Field string }

func (e *NotFoundError) Error() string { return e.Msg }

// Is makes errors.Is(err, ErrNotFound) hold.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

func notFoundf(format string, args ...any) error {
	return &NotFoundError{Msg: fmt.Sprintf(format, args...) + " not found"}
}
