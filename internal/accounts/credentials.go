package accounts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/apitoken"
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/authz"
)

// ErrBadCredentials covers every way a password or token can be wrong; callers learn no more.
var ErrBadCredentials = errors.New("invalid or expired token")

// CheckPassword returns the user with this email (auth.EmailKey) and password, or
// ErrBadCredentials. It spends the same time on an unknown email, so timing does not tell
// which emails have accounts.
func CheckPassword(ctx context.Context, db *ent.Client, email, password string) (*ent.User, error) {
	// Nobody is signed in yet: finding the user by email is a system read.
	u, err := db.User.Query().Where(user.EmailKey(auth.EmailKey(email))).
		Only(authz.System(ctx, authz.ReasonAuthenticate))
	if err != nil && !ent.IsNotFound(err) {
		return nil, fmt.Errorf("look up user: %w", err)
	}
	hash := ""
	if u != nil && u.PasswordHash != nil {
		hash = *u.PasswordHash
	}
	if !auth.CheckPassword(hash, password) || u == nil {
		return nil, ErrBadCredentials
	}
	return u, nil
}

// Authenticate turns a bearer token into the viewer it stands for: an API token (by its
// hash; revoked and expired ones refused) or a session JWT (by its signature). The user and
// role are read live, so a deleted or demoted user loses the old rights at once. Any wrong
// token is ErrBadCredentials.
func Authenticate(ctx context.Context, db *ent.Client, tokens auth.Tokens, raw string, logger *slog.Logger) (auth.Viewer, error) {
	sys := authz.System(ctx, authz.ReasonAuthenticate)
	if !auth.LooksLikeAPIToken(raw) {
		claims, err := tokens.Verify(raw)
		if err != nil {
			return auth.Viewer{}, ErrBadCredentials
		}
		id, err := uuid.Parse(claims.UserID)
		if err != nil {
			return auth.Viewer{}, ErrBadCredentials
		}
		u, err := db.User.Query().Where(user.ID(id)).Select(user.FieldRole).Only(sys)
		if ent.IsNotFound(err) {
			return auth.Viewer{}, ErrBadCredentials
		}
		if err != nil {
			return auth.Viewer{}, fmt.Errorf("look up session user: %w", err)
		}
		return auth.Viewer{UserID: claims.UserID, Role: u.Role}, nil
	}
	t, err := db.APIToken.Query().
		Where(apitoken.TokenHash(auth.HashAPIToken(raw))).
		WithUser().
		Only(sys)
	if ent.IsNotFound(err) {
		return auth.Viewer{}, ErrBadCredentials
	}
	if err != nil {
		return auth.Viewer{}, fmt.Errorf("look up API token: %w", err)
	}
	now := time.Now()
	if t.RevokedAt != nil || (t.ExpiresAt != nil && !now.Before(*t.ExpiresAt)) || t.Edges.User == nil {
		return auth.Viewer{}, ErrBadCredentials
	}
	// lastUsedAt is informational: refresh it at most once a minute, so a busy script does
	// not turn every request into a write.
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		if err := t.Update().SetLastUsedAt(now.UTC().Truncate(time.Microsecond)).Exec(sys); err != nil {
			logger.WarnContext(ctx, "record API token use", "error", err)
		}
	}
	return auth.Viewer{UserID: t.UserID.String(), Role: t.Edges.User.Role, TokenID: t.ID.String()}, nil
}
