package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
)

// workflowContext builds the context that conditions and placeholders read, with the client
// as it is now (read afresh at every step; the run's first read takes the copy its claim
// joined a moment before, see joinedClient). A client that no longer exists is left out, so
// placeholders that need it fail the step instead of rendering empty.
func (r *run) workflowContext(ctx context.Context, now time.Time) (workflow.Context, error) {
	wctx, _, err := r.readContext(ctx, now, true)
	return wctx, err
}

// readContext is workflowContext that reads the client only when readClient is set, and returns
// the client it read (nil when it read none or the client no longer exists).
func (r *run) readContext(ctx context.Context, now time.Time, readClient bool) (workflow.Context, *ent.Contact, error) {
	ev := events.WorkflowEvent(r.def.TriggerType, r.ex.TriggerData)
	var client *ent.Contact
	if r.ex.ClientID != nil && readClient {
		c, err := r.joinedClient()
		if c == nil && err == nil {
			c, err = r.e.db.Client.Contact.Query().Where(contact.ID(*r.ex.ClientID), withOwner).Only(ctx)
			if err == nil {
				err = ownerFromJoin(c)
			}
		}
		switch {
		case ent.IsNotFound(err):
		case err != nil:
			return nil, nil, fmt.Errorf("read client %s: %w", *r.ex.ClientID, err)
		default:
			ev.Client, client = events.ClientFields(c), c
		}
	}
	wctx := workflow.BuildContext(ev, r.wf.ID.String(), r.wf.Name, r.c.ID.String(), now)
	r.stepsContext(wctx)
	return wctx, client, nil
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

// The client's owner comes in the client's query, joined, instead of the second query an
// eager WithOwner makes: the context needs only its name and e-mail.
const (
	ownerName  = "owner_name"
	ownerEmail = "owner_email"
)

// withOwner joins the client's owner (if any) and selects its name and e-mail, never NULL:
// SQLite's driver has no scan type for a NULL it cannot type, and a client without an
// owner is told by its owner_id.
func withOwner(s *sql.Selector) {
	o := sql.Table(user.Table).As("owner")
	s.LeftJoin(o).On(s.C(contact.FieldOwnerID), o.C(user.FieldID)).
		AppendSelect(sql.As("COALESCE("+o.C(user.FieldName)+", '')", ownerName),
			sql.As("COALESCE("+o.C(user.FieldEmail)+", '')", ownerEmail))
}

// ownerFromJoin sets c's owner edge from the columns withOwner selected.
func ownerFromJoin(c *ent.Contact) error {
	if c.OwnerID == nil {
		return nil
	}
	name, err := c.Value(ownerName)
	if err != nil {
		return err
	}
	email, err := c.Value(ownerEmail)
	if err != nil {
		return err
	}
	c.Edges.Owner = &ent.User{ID: *c.OwnerID, Name: text(name), Email: text(email)}
	return nil
}

// text is a string column read as an unknown type: a string, or bytes from some drivers.
func text(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return ""
}

// joinedClient is the client row the claim joined (claimRows), as JSON, with its owner's name
// and e-mail.
type joinedClient struct {
	row                   string
	ownerName, ownerEmail string
}

// joinedClient returns the client the claim read, once: the first read of the client in
// this run (before any step of it ran) takes it instead of reading the client again, which
// it was a moment ago; later reads go to the database. Nil when the claim joined none.
func (r *run) joinedClient() (*ent.Contact, error) {
	j := r.c.client
	r.c.client = nil
	if j == nil {
		return nil, nil
	}
	c := &ent.Contact{}
	if err := json.Unmarshal([]byte(j.row), c); err != nil {
		return nil, fmt.Errorf("decode the claimed client: %w", err)
	}
	if r.ex.ClientID == nil || c.ID != *r.ex.ClientID {
		return nil, nil
	}
	// As ent scans them: in UTC.
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	if c.OwnerID != nil {
		c.Edges.Owner = &ent.User{ID: *c.OwnerID, Name: j.ownerName, Email: j.ownerEmail}
	}
	return c, nil
}
