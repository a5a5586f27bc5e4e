package graph

import (
	"context"

	"github.com/google/uuid"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/internal/apierr"
	"github.com/flowline/flowline/internal/auth"
)

// caller returns the authenticated user's id. The HTTP layer refuses unauthenticated
// requests before they get here (login aside), so a missing caller is a refusal, not a crash.
func caller(ctx context.Context) (uuid.UUID, auth.Viewer, error) {
	v, id, ok := auth.Caller(ctx)
	if !ok {
		return uuid.Nil, v, unauthenticated(ctx)
	}
	return id, v, nil
}

func unauthenticated(ctx context.Context) *gqlerror.Error {
	return inputError(ctx, apierr.Unauthenticated, "", "authentication required")
}

// forbidden reports an action the caller's role does not allow.
func forbidden(ctx context.Context, format string, args ...any) *gqlerror.Error {
	return inputError(ctx, apierr.Forbidden, "", format, args...)
}

// requireRole refuses callers without one of roles, for operations whose writes happen as
// the system (starting a workflow by hand) and so are not covered by a privacy policy.
func requireRole(ctx context.Context, roles ...auth.Role) error {
	_, v, err := caller(ctx)
	if err != nil {
		return err
	}
	for _, r := range roles {
		if v.Role == r {
			return nil
		}
	}
	return forbidden(ctx, "your role (%s) does not allow this", v.Role)
}
