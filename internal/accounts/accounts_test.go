package accounts_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/accounts"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/testsupport"
)

func TestUserCreateCLI(t *testing.T) {
	auth.PasswordCost = 4
	path := filepath.Join(t.TempDir(), "cli.db")
	var out, errOut bytes.Buffer
	err := accounts.RunCLI(context.Background(),
		[]string{"create", "-email", "ops@example.com", "-role", "admin", "-token", "-password-stdin", "-database-url", path},
		func(string) string { return "" }, strings.NewReader("a long password\n"), &out, &errOut)
	if err != nil {
		t.Fatalf("user create: %v (%s)", err, errOut.String())
	}
	token := strings.TrimSpace(out.String())
	if !auth.LooksLikeAPIToken(token) || !strings.Contains(errOut.String(), "ADMIN") {
		t.Fatalf("stdout %q stderr %q", out.String(), errOut.String())
	}
	// A second user with the same email is refused.
	if err := accounts.RunCLI(context.Background(), []string{"create", "-email", "ops@example.com", "-database-url", path},
		func(string) string { return "" }, strings.NewReader(""), &out, &errOut); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("duplicate: %v", err)
	}
	if err := accounts.RunCLI(context.Background(), []string{"create", "-email", "x@example.com", "-role", "ROOT", "-database-url", path},
		func(string) string { return "" }, strings.NewReader(""), &out, &errOut); err == nil {
		t.Fatal("an unknown role was accepted")
	}
}

func TestDevAdminOnlyOnEmptyDatabase(t *testing.T) {
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		token, err := accounts.EnsureDevAdmin(context.Background(), db.Client)
		if err != nil || !auth.LooksLikeAPIToken(token) {
			t.Fatalf("first start: %q %v", token, err)
		}
		api := testsupport.NewAPI(t, db).Anonymous()
		api.Header.Set("Authorization", "Bearer "+token)
		var me struct{ Me struct{ Email, Role string } }
		api.MustData(`{ me { email role } }`, nil, &me)
		if me.Me.Email != accounts.DevAdminEmail || me.Me.Role != "ADMIN" {
			t.Fatalf("dev admin: %+v", me)
		}
		if again, err := accounts.EnsureDevAdmin(context.Background(), db.Client); err != nil || again != "" {
			t.Fatalf("second start made another admin: %q %v", again, err)
		}
	})
}
