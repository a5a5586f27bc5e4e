package delivery

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// PermanentError marks a failure that retrying will not fix.
type PermanentError struct {
	Err error
}

// Error returns the message of the wrapped error.
func (e *PermanentError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped error.
func (e *PermanentError) Unwrap() error { return e.Err }

// permanent wraps err in a *PermanentError.
func permanent(err error) error { return &PermanentError{Err: err} }

// permanentf formats an error and marks it permanent.
func permanentf(format string, args ...any) error {
	return permanent(fmt.Errorf(format, args...))
}

// IsPermanent reports whether err (or an error it wraps) is a *PermanentError. A nil error
// is not permanent.
func IsPermanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p)
}

// StatusError reports a webhook answered with a status other than 2xx. RetryAfter is the
// delay the peer asked for in a Retry-After header (429, 503), or zero.
type StatusError struct {
	StatusCode int
	RetryAfter time.Duration
}

// Error names the status code.
func (e *StatusError) Error() string {
	return fmt.Sprintf("webhook answered %d %s", e.StatusCode, http.StatusText(e.StatusCode))
}

// retryableStatus reports whether a non-2xx status is worth retrying: server errors,
// request timeout and too many requests.
func retryableStatus(code int) bool {
	return code >= 500 || code == http.StatusRequestTimeout || code == http.StatusTooManyRequests
}
