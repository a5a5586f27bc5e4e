package auth

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func TestHashPassword(t *testing.T) {
	tests := []struct {
		name    string
		pw      string
		wantErr error
	}{
		{"empty", "", ErrPasswordTooShort},
		{"seven bytes", "1234567", ErrPasswordTooShort},
		{"eight bytes", "12345678", nil},
		{"seventy-two bytes", strings.Repeat("a", 72), nil},
		{"seventy-three bytes", strings.Repeat("a", 73), ErrPasswordTooLong},
		{"multibyte counted in bytes", strings.Repeat("é", 37), ErrPasswordTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hash, err := HashPassword(tt.pw)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("HashPassword error = %v, want %v", err, tt.wantErr)
			}
			if tt.wantErr != nil {
				return
			}
			if cost, err := bcrypt.Cost([]byte(hash)); err != nil || cost != PasswordCost {
				t.Fatalf("cost = %d, %v; want %d", cost, err, PasswordCost)
			}
			if !CheckPassword(hash, tt.pw) {
				t.Fatal("CheckPassword rejected the right password")
			}
		})
	}
}

func TestCheckPassword(t *testing.T) {
	hash, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		hash string
		pw   string
		want bool
	}{
		{"right password", hash, "correct horse battery", true},
		{"wrong password", hash, "correct horse battery!", false},
		{"empty password", hash, "", false},
		{"unknown user (empty hash)", "", "correct horse battery", false},
		{"garbage hash", "not-a-hash", "correct horse battery", false},
		{"too long password", hash, strings.Repeat("x", 100), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CheckPassword(tt.hash, tt.pw); got != tt.want {
				t.Fatalf("CheckPassword = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDefaultCostIsTwelve(t *testing.T) {
	// TestMain lowers PasswordCost; this guards the production default in the source.
	if got := defaultPasswordCost; got != 12 {
		t.Fatalf("default bcrypt cost = %d, want 12", got)
	}
}
