package delivery

import (
	"errors"
	"net/url"
	"strings"
)

// redactURL returns only the scheme and host of u. Webhook URLs often carry secrets in
// their user info, path or query (chat-service hooks, for example), so nothing else of them
// goes into errors or logs.
func redactURL(u *url.URL) string {
	return u.Scheme + "://" + u.Host
}

// redactURLError rewrites the URL inside a *url.Error (the HTTP client wraps every transport
// error in one, including redirect targets) to its scheme and host.
func redactURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil {
			ue.URL = redactURL(u)
		} else {
			ue.URL = "(url withheld)"
		}
	}
	return err
}

// redactingError hides secrets in the message of an error produced by a library that might
// echo them. Unwrap keeps errors.Is and errors.As working.
type redactingError struct {
	err     error
	secrets []string
}

// Error returns the wrapped message with every secret replaced by "***".
func (e *redactingError) Error() string {
	msg := e.err.Error()
	for _, s := range e.secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "***")
		}
	}
	return msg
}

// Unwrap returns the wrapped error.
func (e *redactingError) Unwrap() error { return e.err }

// redact wraps err so that its message never shows any of secrets.
func redact(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	return &redactingError{err: err, secrets: secrets}
}
