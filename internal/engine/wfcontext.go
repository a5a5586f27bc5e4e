package engine

import (
	"context"
	"fmt"
	"time"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
)

// workflowContext builds the context that conditions and placeholders read, with the client
// as it is now (read afresh at every step). A client that no longer exists is left out, so
// placeholders that need it fail the step instead of rendering empty.
func (r *run) workflowContext(ctx context.Context, now time.Time) (workflow.Context, error) {
	ev := events.WorkflowEvent(r.def.TriggerType, r.ex.TriggerData)
	if r.ex.ClientID != nil {
		c, err := r.e.db.Client.Contact.Query().Where(contact.ID(*r.ex.ClientID)).WithOwner().Only(ctx)
		switch {
		case ent.IsNotFound(err):
		case err != nil:
			return nil, fmt.Errorf("read client %s: %w", *r.ex.ClientID, err)
		default:
			ev.Client = events.ClientFields(c)
		}
	}
	wctx := workflow.BuildContext(ev, r.wf.ID.String(), r.wf.Name, r.c.ID.String(), now)
	r.stepsContext(wctx)
	return wctx, nil
}

// actionStep describes step i to the action package.
func (r *run) actionStep(i int, now time.Time) action.Step {
	return action.Step{
		ExecutionID: r.c.ID,
		WorkflowID:  r.wf.ID,
		CreatorID:   r.wf.CreatedByID,
		ClientID:    r.ex.ClientID,
		Index:       i,
		Depth:       r.ex.Depth,
		Now:         now,
		Run:         r.ex.Run,
		Items:       r.items(),
	}
}

// env is what internal actions write with: the step's transaction.
func (r *run) env(tx *ent.Client) action.Env {
	return action.Env{Tx: tx, Raiser: r.e.raiser, MessageIDDomain: r.e.cfg.MessageIDDomain}
}
