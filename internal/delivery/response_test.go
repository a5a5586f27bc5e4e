package delivery

import (
	"strings"
	"testing"
	"time"
)

func TestReadLimited(t *testing.T) {
	tests := []struct {
		name          string
		in            string
		limit         int
		want          string
		wantTruncated bool
	}{
		{"short", "hello", 10, "hello", false},
		{"exact", "hello", 5, "hello", false},
		{"cut", "hello world", 5, "hello", true},
		{"cut inside a rune", "aé", 2, "a", true},
		{"cut after a rune", "éa", 2, "é", true},
		{"binary kept", "\xff\xfe\xfd\xfc", 3, "\xff\xfe\xfd", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, truncated := readLimited(strings.NewReader(tt.in), tt.limit)
			if got != tt.want || truncated != tt.wantTruncated {
				t.Fatalf("readLimited = %q, %v; want %q, %v", got, truncated, tt.want, tt.wantTruncated)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"30", 30 * time.Second},
		{"-5", 0},
		{"soon", 0},
		{"Sun, 01 Jun 2025 12:01:00 GMT", time.Minute},
		{"Sun, 01 Jun 2025 11:00:00 GMT", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := parseRetryAfter(tt.in, now); got != tt.want {
				t.Fatalf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
