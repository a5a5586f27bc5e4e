package spec

import "time"

// Retry defaults, applied when an action's retry policy (or a field of it) is unset. Effective
// writes the default backoffs as "1s" and "1m".
const (
	DefaultMaxAttempts    = 3
	DefaultInitialBackoff = time.Second
	DefaultMaxBackoff     = time.Minute
)

// Effective returns the policy with defaults filled in: 3 attempts, initialBackoff 1s,
// maxBackoff 1m. A nil receiver yields the defaults; unparsable durations (which validation
// rejects) also fall back to the defaults.
func (p *RetryPolicy) Effective() RetryPolicy {
	out := RetryPolicy{MaxAttempts: DefaultMaxAttempts, InitialBackoff: "1s", MaxBackoff: "1m"}
	if p == nil {
		return out
	}
	if p.MaxAttempts > 0 {
		out.MaxAttempts = p.MaxAttempts
	}
	if d, err := time.ParseDuration(p.InitialBackoff); err == nil && d > 0 {
		out.InitialBackoff = p.InitialBackoff
	}
	if d, err := time.ParseDuration(p.MaxBackoff); err == nil && d > 0 {
		out.MaxBackoff = p.MaxBackoff
	}
	return out
}

// Durations returns the initial and maximum backoff as durations, falling back to the defaults
// for unset or unparsable values; the maximum is never below the initial backoff.
func (p *RetryPolicy) Durations() (initial, maximum time.Duration) {
	initial, maximum = DefaultInitialBackoff, DefaultMaxBackoff
	if d, err := time.ParseDuration(p.InitialBackoff); err == nil && d > 0 {
		initial = d
	}
	if d, err := time.ParseDuration(p.MaxBackoff); err == nil && d > 0 {
		maximum = d
	}
	if maximum < initial {
		maximum = initial
	}
	return initial, maximum
}

// Backoff returns the wait before the next try after failed attempt number attempt (starting at
// 1): initialBackoff doubled per attempt, capped at maxBackoff, with "equal jitter": half of it
// fixed and half random, so retries from many executions spread out but never come back
// immediately. rnd returns a value in [0, 1) (e.g. rand.Float64); nil means no jitter, which
// tests use. Unset fields take the defaults.
func (p *RetryPolicy) Backoff(attempt int, rnd func() float64) time.Duration {
	initial, maximum := p.Durations()
	if attempt < 1 {
		attempt = 1
	}
	d := initial
	for i := 1; i < attempt && d < maximum; i++ {
		if d > maximum/2 { // doubling would pass the cap (or overflow)
			d = maximum
			break
		}
		d *= 2
	}
	if rnd == nil {
		return d
	}
	r := rnd()
	if !(r >= 0) { // also catches NaN
		r = 0
	}
	if r > 1 {
		r = 1
	}
	half := d / 2
	return half + time.Duration(float64(d-half)*r)
}
