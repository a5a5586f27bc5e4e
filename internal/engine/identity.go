package engine

import (
	"context"
	"fmt"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/auth"
)

// The engine's own bookkeeping (claims, leases, fenced updates, step logs) runs as the
// system: see authz.ReasonEngineBookkeeping, set once in Engine.Run. A step's effects (the
// task it creates, the client it updates, the email it queues) run as the workflow's creator
// instead, so a workflow can never do more than its author may: asCreator is the one place
// that identity is given.

// creatorOf reads the viewer the workflow's steps act as.
func (e *Engine) creatorOf(ctx context.Context, wf *ent.Workflow) (auth.Viewer, error) {
	u, err := e.db.Client.User.Get(ctx, wf.CreatedByID)
	if err != nil {
		return auth.Viewer{}, fmt.Errorf("load creator of workflow %s: %w", wf.ID, err)
	}
	return auth.Viewer{UserID: u.ID.String(), Role: u.Role}, nil
}

// asCreator returns a context with ctx's deadline and cancellation, but with the values of
// the engine's user context (so none of the system's privileges) and the creator as viewer.
func (r *run) asCreator(ctx context.Context) context.Context {
	return valuesOf{Context: ctx, values: auth.WithViewer(r.e.userCtx, r.creator)}
}

// valuesOf is a context whose cancellation comes from one context and whose values come from
// another.
type valuesOf struct {
	context.Context
	values context.Context
}

// Value looks key up in the values context.
func (c valuesOf) Value(key any) any { return c.values.Value(key) }
