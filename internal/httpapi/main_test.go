package httpapi_test

import (
	"os"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/flowline/flowline/internal/auth"
)

// TestMain lowers the bcrypt cost once, before any test runs (tests check behaviour, not
// hashing cost), so that the tests may run in parallel without writing a global under each
// other.
func TestMain(m *testing.M) {
	auth.PasswordCost = bcrypt.MinCost
	os.Exit(m.Run())
}
