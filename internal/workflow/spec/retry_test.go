package spec

import (
	"testing"
	"time"
)

func TestEffective(t *testing.T) {
	tests := []struct {
		name string
		in   *RetryPolicy
		want RetryPolicy
	}{
		{name: "nil", in: nil, want: RetryPolicy{MaxAttempts: 3, InitialBackoff: "1s", MaxBackoff: "1m"}},
		{name: "partial", in: &RetryPolicy{MaxAttempts: 5}, want: RetryPolicy{MaxAttempts: 5, InitialBackoff: "1s", MaxBackoff: "1m"}},
		{name: "full", in: &RetryPolicy{MaxAttempts: 2, InitialBackoff: "2s", MaxBackoff: "10s"}, want: RetryPolicy{MaxAttempts: 2, InitialBackoff: "2s", MaxBackoff: "10s"}},
		{name: "invalid falls back", in: &RetryPolicy{InitialBackoff: "soon", MaxBackoff: "-1s"}, want: RetryPolicy{MaxAttempts: 3, InitialBackoff: "1s", MaxBackoff: "1m"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.Effective(); got != tt.want {
				t.Fatalf("Effective() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestBackoff(t *testing.T) {
	p := RetryPolicy{InitialBackoff: "1s", MaxBackoff: "10s"}
	tests := []struct {
		name    string
		policy  RetryPolicy
		attempt int
		rnd     func() float64
		want    time.Duration
	}{
		{name: "first attempt", policy: p, attempt: 1, want: time.Second},
		{name: "doubles", policy: p, attempt: 3, want: 4 * time.Second},
		{name: "capped", policy: p, attempt: 5, want: 10 * time.Second},
		{name: "huge attempt stays capped", policy: p, attempt: 1 << 30, want: 10 * time.Second},
		{name: "attempt below one", policy: p, attempt: 0, want: time.Second},
		{name: "defaults", policy: RetryPolicy{}, attempt: 2, want: 2 * time.Second},
		{name: "defaults capped at a minute", policy: RetryPolicy{}, attempt: 10, want: time.Minute},
		{name: "equal jitter low", policy: p, attempt: 3, rnd: func() float64 { return 0 }, want: 2 * time.Second},
		{name: "equal jitter high", policy: p, attempt: 3, rnd: func() float64 { return 1 }, want: 4 * time.Second},
		{name: "equal jitter middle", policy: p, attempt: 3, rnd: func() float64 { return 0.5 }, want: 3 * time.Second},
		{name: "bad random clamped", policy: p, attempt: 1, rnd: func() float64 { return -3 }, want: 500 * time.Millisecond},
		{name: "huge max does not overflow", policy: RetryPolicy{InitialBackoff: "1s", MaxBackoff: "2000000h"}, attempt: 200, want: 2000000 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.policy.Backoff(tt.attempt, tt.rnd); got != tt.want {
				t.Fatalf("Backoff(%d) = %v, want %v", tt.attempt, got, tt.want)
			}
		})
	}
}
