// Package accounts is everything about stored users and their credentials: creating users
// (one path, one case-insensitive email rule that a unique index enforces), checking a
// password or a bearer token, the development admin of the quick start and the
// `flowline user create` command for bootstrap and automation.
package accounts

import (
	"context"
	"errors"
	"fmt"
	"net/mail"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/workflowstore"
)

// NewUser describes a user to create.
type NewUser struct {
	Email, Name string
	Role        auth.Role
	// Password is optional; without one the user signs in with API tokens only.
	Password string
	// Token asks for an API token, returned in clear once.
	Token bool
}

// ErrEmailTaken means a user with the same email, without regard to case, exists.
var ErrEmailTaken = errors.New("a user with this email already exists")

// PasswordError is a password that cannot be used (too short, too long).
type PasswordError struct{ Err error }

// Error returns the reason.
func (e *PasswordError) Error() string { return e.Err.Error() }

// Unwrap returns the reason.
func (e *PasswordError) Unwrap() error { return e.Err }

// Insert creates a user in db with the rights ctx carries: the one way users are created
// (the API's createUser, the CLI and the development admin all call it). An empty Role
// means the default, EDITOR. A taken email is ErrEmailTaken, decided by the unique index on
// auth.EmailKey(email), so two concurrent inserts cannot both succeed.
func Insert(ctx context.Context, db *ent.Client, u NewUser) (*ent.User, error) {
	create := db.User.Create().SetEmail(u.Email).SetName(u.Name)
	if u.Role != "" {
		create.SetRole(u.Role)
	}
	if u.Password != "" {
		hash, err := auth.HashPassword(u.Password)
		if err != nil {
			return nil, &PasswordError{Err: err}
		}
		create.SetPasswordHash(hash)
	}
	created, err := create.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, fmt.Errorf("%w: %q", ErrEmailTaken, u.Email)
	}
	if err != nil {
		return nil, fmt.Errorf("create user: %w", err)
	}
	return created, nil
}

// Create writes u (as the system: nobody is signed in) and returns it with its API token
// when asked for one.
func Create(ctx context.Context, db *ent.Client, u NewUser) (*ent.User, string, error) {
	ctx = authz.System(ctx, authz.ReasonBootstrap)
	if addr, err := mail.ParseAddress(u.Email); err != nil || addr.Address != u.Email {
		return nil, "", fmt.Errorf("%q is not a valid email address", u.Email)
	}
	if !u.Role.IsValid() {
		return nil, "", fmt.Errorf("role must be ADMIN, EDITOR or VIEWER, got %q", u.Role)
	}
	if u.Name == "" {
		u.Name = u.Email
	}
	var (
		created *ent.User
		token   string
	)
	err := database.InTx(ctx, db, func(tx *ent.Client) error {
		var err error
		if created, err = Insert(ctx, tx, u); err != nil {
			return err
		}
		if !u.Token {
			return nil
		}
		plain, hash, err := auth.NewAPIToken()
		if err != nil {
			return err
		}
		if err := tx.APIToken.Create().SetName("created by flowline user create").
			SetTokenHash(hash).SetUserID(created.ID).Exec(ctx); err != nil {
			return fmt.Errorf("create API token: %w", err)
		}
		token = plain
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return created, token, nil
}

// DevAdminEmail is the development admin the quick start creates.
const DevAdminEmail = "admin@flowline.local"

// EnsureDevAdmin creates an ADMIN with an API token when the database has no users yet (the
// template library's author aside) and returns the token; otherwise it returns "". Callers
// use it only in development with the embedded database.
func EnsureDevAdmin(ctx context.Context, db *ent.Client) (string, error) {
	sys := authz.System(ctx, authz.ReasonBootstrap)
	n, err := db.User.Query().Where(user.EmailNEQ(workflowstore.LibraryAuthorEmail)).Count(sys)
	if err != nil {
		return "", fmt.Errorf("count users: %w", err)
	}
	if n > 0 {
		return "", nil
	}
	_, token, err := Create(ctx, db, NewUser{Email: DevAdminEmail, Name: "Development admin", Role: auth.RoleAdmin, Token: true})
	return token, err
}
