package graph

import (
	"context"
	"net/mail"
	"strings"

	"github.com/google/uuid"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/schema"
	"github.com/flowline/flowline/ent/user"
)

// Limits on list inputs that would otherwise be unbounded.
const (
	maxNodesPerRequest = 100
	maxTags            = 50
	maxTagLength       = 64
)

// requireUser reports NOT_FOUND (pointing at field) when no user has id.
func requireUser(ctx context.Context, db *ent.Client, id uuid.UUID, field string) error {
	ok, err := db.User.Query().Where(user.ID(id)).Exist(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return notFound(ctx, field, "user "+id.String())
	}
	return nil
}

// checkRetentionDays refuses a workflow retention outside the range the retention job
// accepts; nil (left out) is fine.
func checkRetentionDays(ctx context.Context, field string, days *int) *gqlerror.Error {
	if days != nil && (*days < schema.MinRetentionDays || *days > schema.MaxRetentionDays) {
		return badInput(ctx, field, "retentionDays must be from %d to %d days, got %d",
			schema.MinRetentionDays, schema.MaxRetentionDays, *days)
	}
	return nil
}

// checkEmail accepts a bare address ("ada@example.com"), the form CRM records store.
func checkEmail(ctx context.Context, field, email string) *gqlerror.Error {
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || addr.Name != "" {
		return badInput(ctx, field, "%q is not a valid email address", email)
	}
	return nil
}

// normalizeTags trims tags, drops empty and duplicate ones and enforces the limits.
func normalizeTags(ctx context.Context, field string, tags []string) ([]string, *gqlerror.Error) {
	if tags == nil {
		return nil, nil
	}
	if len(tags) > maxTags {
		return nil, badInput(ctx, field, "at most %d tags, got %d", maxTags, len(tags))
	}
	seen := make(map[string]bool, len(tags))
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" || seen[t] {
			continue
		}
		if len(t) > maxTagLength {
			return nil, badInput(ctx, field, "a tag is at most %d characters, got %d", maxTagLength, len(t))
		}
		seen[t] = true
		out = append(out, t)
	}
	return out, nil
}
