package auth

import (
	"strings"
	"testing"
)

func TestNewAPIToken(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		plain, hash, err := NewAPIToken()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(plain, "flw_") || !LooksLikeAPIToken(plain) {
			t.Fatalf("token %q does not look like an API token", plain)
		}
		if hash != HashAPIToken(plain) || len(hash) != 64 || strings.Contains(hash, plain) {
			t.Fatalf("hash %q is not the SHA-256 hex of the token", hash)
		}
		if seen[plain] {
			t.Fatal("duplicate token")
		}
		seen[plain] = true
	}
}

func TestHashAPIToken(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// Expected values computed independently with sha256sum.
		{"flw_test", "1dcb148623236fe2e35bc452f6979d45d70f51542694efa1618da6d74a8509ef"},
		{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := HashAPIToken(tt.in); got != tt.want {
				t.Fatalf("HashAPIToken(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestLooksLikeAPIToken(t *testing.T) {
	good, _, err := NewAPIToken()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"fresh token", good, true},
		{"no prefix", strings.TrimPrefix(good, "flw_"), false},
		{"other prefix", "ghp_" + strings.TrimPrefix(good, "flw_"), false},
		{"too short", good[:len(good)-1], false},
		{"too long", good + "A", false},
		{"bad character", good[:len(good)-1] + "+", false},
		{"jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LooksLikeAPIToken(tt.s); got != tt.want {
				t.Fatalf("LooksLikeAPIToken(%q) = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}
