package httpapi_test

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/accounts"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/testsupport"
)

func TestAuthentication(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		admin := testsupport.NewAPI(t, db)
		anon := admin.Anonymous()
		if _, _, err := accounts.Create(testsupport.Ctx(), db.Client, accounts.NewUser{
			Email: "ed@example.com", Role: auth.RoleEditor, Password: "correct horse battery",
		}); err != nil {
			t.Fatal(err)
		}

		t.Run("no token is 401 UNAUTHENTICATED", func(t *testing.T) {
			res := anon.Do(`{ workflows { totalCount } }`, nil)
			if res.Status != http.StatusUnauthorized || len(res.Errors) != 1 || res.Errors[0].Code() != "UNAUTHENTICATED" {
				t.Fatalf("got %+v", res)
			}
		})
		t.Run("login is allowed without a token, and only login", func(t *testing.T) {
			res := anon.Do(`mutation { login(email: "ed@example.com", password: "wrong password") { token } }`, nil)
			if len(res.Errors) != 1 || res.Errors[0].Code() != "UNAUTHENTICATED" || strings.Contains(res.Errors[0].Message, "ed@example.com") {
				t.Fatalf("wrong password: %+v", res)
			}
			res = anon.Do(`mutation { login(email: "ed@example.com", password: "x") { token } createUser(input: {email: "h@example.com", name: "H"}) { id } }`, nil)
			if res.Status != http.StatusUnauthorized {
				t.Fatalf("login smuggling another mutation: %+v", res)
			}
			// Several password checks in one request (aliases) are refused before any runs.
			res = anon.Do(`mutation { a: login(email: "ed@example.com", password: "x") { token } b: login(email: "ed@example.com", password: "y") { token } }`, nil)
			if res.Status != http.StatusUnauthorized {
				t.Fatalf("aliased logins: %+v", res)
			}
			var login struct {
				Login struct {
					Token     string
					ExpiresAt time.Time
					User      struct{ Email, Role string }
				}
			}
			// The fields under login are read as the user who just signed in, private ones too.
			anon.MustData(`mutation { login(email: "ed@example.com", password: "correct horse battery") { token expiresAt user { email role apiTokens { id } } } }`, nil, &login)
			if login.Login.User.Role != "EDITOR" || time.Until(login.Login.ExpiresAt) > time.Hour || login.Login.Token == "" {
				t.Fatalf("login: %+v", login)
			}
			session := admin.Anonymous()
			session.Header.Set("Authorization", "Bearer "+login.Login.Token)
			var me struct{ Me struct{ Email string } }
			session.MustData(`{ me { email } }`, nil, &me)
			if me.Me.Email != "ed@example.com" {
				t.Fatalf("me: %+v", me)
			}
		})
		t.Run("API tokens: shown once, listed without secret, revocable", func(t *testing.T) {
			var created struct {
				CreateAPIToken struct {
					Token    string
					APIToken struct{ ID, Name string } `json:"apiToken"`
				} `json:"createApiToken"`
			}
			admin.MustData(`mutation { createApiToken(name: "ci script") { token apiToken { id name } } }`, nil, &created)
			tok := created.CreateAPIToken.Token
			if !strings.HasPrefix(tok, "flw_") {
				t.Fatalf("token %q", tok)
			}
			script := admin.Anonymous()
			script.Header.Set("Authorization", "Bearer "+tok)
			var me struct {
				Me struct {
					Email     string
					APITokens []map[string]any `json:"apiTokens"`
				}
			}
			script.MustData(`{ me { email apiTokens { id name createdAt lastUsedAt revokedAt expiresAt } } }`, nil, &me)
			if me.Me.Email != admin.User.Email || len(me.Me.APITokens) != 1 || me.Me.APITokens[0]["lastUsedAt"] == nil {
				t.Fatalf("me via API token: %+v", me)
			}
			admin.MustData(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": created.CreateAPIToken.APIToken.ID}, nil)
			if res := script.Do(`{ me { email } }`, nil); res.Status != http.StatusUnauthorized {
				t.Fatalf("revoked token still works: %+v", res)
			}
		})
		t.Run("a session follows the user's current role and existence", func(t *testing.T) {
			u := admin.NewUser(auth.RoleAdmin)
			session := admin.As(u)
			session.MustData(`{ me { id } }`, nil, nil)
			db.Client.User.UpdateOne(u).SetRole(auth.RoleViewer).ExecX(testsupport.Ctx())
			session.MustFail(`mutation { createUser(input: {email: "esc@example.com", name: "E", role: ADMIN}) { id } }`, nil, "FORBIDDEN")
			db.Client.User.DeleteOne(u).ExecX(testsupport.Ctx())
			if res := session.Do(`{ me { id } }`, nil); res.Status != http.StatusUnauthorized {
				t.Fatalf("a deleted user's session still works: %+v", res)
			}
		})
		t.Run("bad tokens are refused before any resolver", func(t *testing.T) {
			expired := testsupport.TestTokens
			expired.Now = func() time.Time { return time.Now().Add(-2 * time.Hour) }
			old, _, err := expired.Issue(admin.User.ID.String(), "ADMIN")
			if err != nil {
				t.Fatal(err)
			}
			wrongAud := testsupport.TestTokens
			wrongAud.Audience = "someone-else"
			foreign, _, err := wrongAud.Issue(admin.User.ID.String(), "ADMIN")
			if err != nil {
				t.Fatal(err)
			}
			enc := base64.RawURLEncoding.EncodeToString
			none := enc([]byte(`{"alg":"none","typ":"JWT"}`)) + "." +
				enc([]byte(`{"sub":"`+admin.User.ID.String()+`","role":"ADMIN","aud":"flowline","iss":"flowline","exp":9999999999}`)) + "."
			for name, header := range map[string]string{
				"alg none":          "Bearer " + none,
				"expired":           "Bearer " + old,
				"wrong audience":    "Bearer " + foreign,
				"garbage":           "Bearer not.a.token",
				"unknown API token": "Bearer flw_" + strings.Repeat("A", 43),
				"other scheme":      "Basic YWRtaW46YWRtaW4=",
				"megabyte of dots":  "Bearer " + strings.Repeat(".", 1<<20),
			} {
				c := admin.Anonymous()
				c.Header.Set("Authorization", header)
				res := c.Do(`mutation { createUser(input: {email: "intruder@example.com", name: "I", role: ADMIN}) { id } }`, nil)
				if res.Status != http.StatusUnauthorized && res.Status != http.StatusRequestHeaderFieldsTooLarge {
					t.Errorf("%s: status %d %+v", name, res.Status, res.Errors)
				}
			}
			if n := db.Client.User.Query().Where(user.Email("intruder@example.com")).CountX(testsupport.Ctx()); n != 0 {
				t.Fatalf("a refused request wrote users: %d", n)
			}
		})
	})
}
