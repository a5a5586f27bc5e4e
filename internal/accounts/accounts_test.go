package accounts_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	entuser "github.com/flowline/flowline/ent/user"

	"github.com/flowline/flowline/internal/accounts"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/testsupport"
)

func TestUserCreateCLI(t *testing.T) {
	t.Parallel()
	path := "file:" + filepath.Join(t.TempDir(), "cli.db")
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
	t.Parallel()
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

// TestOneEmailRuleForEveryPath checks that the CLI path and the API's createUser share one
// rule: emails are unique without regard to case, decided by the database, and concurrent
// creations of the same email leave exactly one user.
func TestOneEmailRuleForEveryPath(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		if _, _, err := accounts.Create(context.Background(), db.Client, accounts.NewUser{Email: "ada@example.com", Role: auth.RoleEditor}); err != nil {
			t.Fatalf("create: %v", err)
		}
		api := testsupport.NewAPI(t, db)
		e := api.MustFail(`mutation { createUser(input: {email: "Ada@Example.COM", name: "Ada"}) { id } }`, nil, "CONFLICT")
		if e.Extensions["field"] != "input.email" {
			t.Fatalf("conflict names %v, want input.email", e.Extensions["field"])
		}
		if _, _, err := accounts.Create(context.Background(), db.Client, accounts.NewUser{Email: "ADA@example.com", Role: auth.RoleEditor}); !errors.Is(err, accounts.ErrEmailTaken) {
			t.Fatalf("CLI path accepted a case variant: %v", err)
		}

		// Ten concurrent creations of one new email (in case variants): one wins.
		var wg sync.WaitGroup
		errs := make(chan error, 10)
		for i := range 10 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				email := "grace@example.com"
				if i%2 == 1 {
					email = "Grace@Example.com"
				}
				_, _, err := accounts.Create(context.Background(), db.Client, accounts.NewUser{Email: email, Role: auth.RoleViewer})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		created := 0
		for err := range errs {
			switch {
			case err == nil:
				created++
			case !errors.Is(err, accounts.ErrEmailTaken) && !strings.Contains(err.Error(), "locked"):
				t.Errorf("concurrent create: %v", err)
			}
		}
		n, err := db.Client.User.Query().Where(entuser.EmailKey("grace@example.com")).Count(testsupport.Ctx())
		if err != nil || n != 1 || created != 1 {
			t.Fatalf("%d users stored, %d creations succeeded (%v); want 1 and 1", n, created, err)
		}
	})
}
