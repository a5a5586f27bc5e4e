package action

import (
	"errors"
	"fmt"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/privacy"
	"github.com/flowline/flowline/internal/delivery"
)

// PermanentError marks a step failure that retrying cannot fix: a missing client, an unknown
// assignee, a config that does not render.
type PermanentError struct{ Err error }

// Error returns the wrapped error's message.
func (e *PermanentError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped error.
func (e *PermanentError) Unwrap() error { return e.Err }

// Permanent marks err as permanent; nil stays nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &PermanentError{Err: err}
}

// Permanentf formats a permanent error.
func Permanentf(format string, args ...any) error { return Permanent(fmt.Errorf(format, args...)) }

// IsPermanent reports whether a step error is not worth retrying: errors marked with
// Permanent, permanent delivery failures (4xx answers, refused addresses) and ent's
// validation and constraint errors, which a retry would repeat.
func IsPermanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p) || delivery.IsPermanent(err) ||
		ent.IsValidationError(err) || ent.IsConstraintError(err) ||
		errors.Is(err, privacy.Deny) // the workflow's creator may not do this: retrying changes nothing
}
