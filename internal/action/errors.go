package action

import (
	"errors"
	"fmt"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/privacy"
	"github.com/flowline/flowline/internal/delivery"
)

// Permanent marks err as a failure that retrying cannot fix (a missing client, an unknown
// assignee, a config that does not render); nil stays nil. It is delivery's PermanentError,
// the one permanent-error type.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &delivery.PermanentError{Err: err}
}

// Permanentf formats a permanent error.
func Permanentf(format string, args ...any) error { return Permanent(fmt.Errorf(format, args...)) }

// IsPermanent reports whether a step error is not worth retrying: errors marked permanent
// (by an action or by delivery: 4xx answers, refused addresses) and ent's validation and
// constraint errors, which a retry would repeat.
func IsPermanent(err error) bool {
	return delivery.IsPermanent(err) ||
		ent.IsValidationError(err) || ent.IsConstraintError(err) ||
		errors.Is(err, privacy.Deny) // the workflow's creator may not do this: retrying changes nothing
}
