package auth

import (
	"fmt"
	"sync"

	"golang.org/x/crypto/bcrypt"
)

// defaultPasswordCost is the bcrypt work factor used in production.
const defaultPasswordCost = 12

// PasswordCost is the bcrypt work factor used by HashPassword. Production keeps the default
// of 12; tests may lower it (bcrypt.MinCost) to stay fast.
var PasswordCost = defaultPasswordCost

// Password length limits. bcrypt only looks at the first 72 bytes, so longer passwords are
// refused rather than silently truncated.
const (
	MinPasswordLen = 8
	MaxPasswordLen = 72
)

// Errors returned by HashPassword for passwords outside the accepted length.
var (
	ErrPasswordTooShort = fmt.Errorf("password must be at least %d bytes", MinPasswordLen)
	ErrPasswordTooLong  = fmt.Errorf("password must be at most %d bytes", MaxPasswordLen)
)

// HashPassword returns the bcrypt hash of pw at PasswordCost. It refuses passwords shorter
// than MinPasswordLen or longer than MaxPasswordLen bytes.
func HashPassword(pw string) (string, error) {
	if err := checkPasswordLen(pw); err != nil {
		return "", err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(pw), PasswordCost)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(hash), nil
}

// CheckPassword reports whether pw matches the bcrypt hash. An empty hash (for example an
// unknown user at login) is compared against a dummy hash, so the call takes as long as a
// real check and response timing does not reveal which accounts exist.
func CheckPassword(hash, pw string) bool {
	if hash == "" {
		_ = bcrypt.CompareHashAndPassword(dummyHash(), []byte(pw))
		return false
	}
	if checkPasswordLen(pw) != nil {
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

func checkPasswordLen(pw string) error {
	switch {
	case len(pw) < MinPasswordLen:
		return ErrPasswordTooShort
	case len(pw) > MaxPasswordLen:
		return ErrPasswordTooLong
	}
	return nil
}

var dummyHashes sync.Map // bcrypt cost (int) -> []byte

// dummyHash returns a hash of a fixed password at the current PasswordCost, computed once
// per cost.
func dummyHash() []byte {
	cost := PasswordCost
	if h, ok := dummyHashes.Load(cost); ok {
		return h.([]byte)
	}
	h, err := bcrypt.GenerateFromPassword([]byte("flowline-dummy-password"), cost)
	if err != nil {
		// Only an out-of-range cost can fail; fall back to a valid constant-cost hash.
		h, _ = bcrypt.GenerateFromPassword([]byte("flowline-dummy-password"), bcrypt.DefaultCost)
	}
	dummyHashes.Store(cost, h)
	return h
}
