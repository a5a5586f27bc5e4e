package auth

import (
	"os"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// TestMain lowers the bcrypt cost so the password tests stay fast.
func TestMain(m *testing.M) {
	PasswordCost = bcrypt.MinCost
	os.Exit(m.Run())
}
