package engine

import (
	"context"
	"fmt"

	"entgo.io/ent/dialect/sql"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/internal/auth"
)

// The engine's own bookkeeping (claims, leases, fenced updates, step logs) runs as the
// system: see authz.ReasonEngineBookkeeping, set once in Engine.Run. A step's effects (the
// task it creates, the client it updates, the email it queues) run as the workflow's creator
// instead, so a workflow can never do more than its author may: asCreator is the one place
// that identity is given.

// creatorRole is the column the workflow's query adds: its creator's role.
const creatorRole = "creator_role"

// loadWorkflow reads workflow id and the viewer its steps act as, in one query: the workflow
// joined to its creator, of whom only the role is needed. Without definition it reads only
// the workflow's id, name and creator.
func (e *Engine) loadWorkflow(ctx context.Context, id uuid.UUID, definition bool) (*ent.Workflow, auth.Viewer, error) {
	q := e.db.Client.Workflow.Query()
	if !definition {
		// A run follows its execution's snapshot of the definition and names the workflow:
		// the workflow's own definition columns (JSON, decoded on every read) are not read.
		q.Select(workflow.FieldID, workflow.FieldName, workflow.FieldCreatedByID)
	}
	wf, err := q.Where(workflow.ID(id), func(s *sql.Selector) {
		u := sql.Table(user.Table)
		s.Join(u).On(s.C(workflow.FieldCreatedByID), u.C(user.FieldID)).
			AppendSelect(sql.As(u.C(user.FieldRole), creatorRole))
	}).Only(ctx)
	if err != nil {
		return nil, auth.Viewer{}, fmt.Errorf("load workflow %s and its creator: %w", id, err)
	}
	v, err := wf.Value(creatorRole)
	if err != nil {
		return nil, auth.Viewer{}, fmt.Errorf("load creator of workflow %s: %w", id, err)
	}
	return wf, auth.Viewer{UserID: wf.CreatedByID.String(), Role: auth.Role(text(v))}, nil
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
