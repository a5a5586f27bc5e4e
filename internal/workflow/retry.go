package workflow

import (
	"time"

	"github.com/flowline/flowline/internal/workflow/spec"
)

// Retry defaults and bounds. The methods RetryPolicy.Effective and RetryPolicy.Backoff live in
// package spec, with the type they are declared on.
const (
	DefaultMaxAttempts    = spec.DefaultMaxAttempts
	DefaultInitialBackoff = spec.DefaultInitialBackoff
	DefaultMaxBackoff     = spec.DefaultMaxBackoff
	MaxRetryAttempts      = 10
	minBackoff            = 100 * time.Millisecond
	maxBackoffLimit       = time.Hour
)

// validateRetry checks attempts and backoffs against the bounds.
func validateRetry(path string, r *RetryPolicy, p *problems) {
	if r == nil {
		return
	}
	if r.MaxAttempts < 0 || r.MaxAttempts > MaxRetryAttempts {
		p.addf(Pointer(path, "maxAttempts"), "maxAttempts must be between 1 and %d, got %d", MaxRetryAttempts, r.MaxAttempts)
	}
	initial, initialOK := parseBackoff(Pointer(path, "initialBackoff"), r.InitialBackoff, DefaultInitialBackoff, p)
	maximum, maximumOK := parseBackoff(Pointer(path, "maxBackoff"), r.MaxBackoff, DefaultMaxBackoff, p)
	if initialOK && maximumOK && initial > maximum {
		at := Pointer(path, "maxBackoff")
		if r.MaxBackoff == "" {
			at = Pointer(path, "initialBackoff")
		}
		p.addf(at, "initialBackoff (%s) must not exceed maxBackoff (%s)", initial, maximum)
	}
}

func parseBackoff(path, s string, def time.Duration, p *problems) (time.Duration, bool) {
	if s == "" {
		return def, true
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		p.addf(path, "must be a duration like \"2s\" or \"1m\", got %q", s)
		return 0, false
	}
	if d < minBackoff || d > maxBackoffLimit {
		p.addf(path, "must be between 100ms and 1h, got %s", s)
		return 0, false
	}
	return d, true
}
