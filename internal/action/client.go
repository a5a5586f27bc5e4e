package action

import (
	"context"
	"fmt"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
)

// LoadClient reads the step's client in env.Tx, locked on PostgreSQL (FOR NO KEY UPDATE:
// inserts that reference the client, such as another step's task, do not wait). A run
// without a client, or whose client is gone, fails permanently.
func LoadClient(ctx context.Context, env Env, s Step) (*ent.Contact, error) {
	return readClient(ctx, env, s, env.LockRows())
}

// PeekClient reads the step's client without locking it, for a step that may find it has
// nothing to do: before the step has written anything the read needs no transaction
// (database.ReadOutside), so such a step is its log row and advance alone. A step that
// then changes the client reads it again with LoadClient and decides on that.
func PeekClient(ctx context.Context, env Env, s Step) (*ent.Contact, error) {
	return readClient(database.ReadOutside(ctx), env, s, false)
}

func readClient(ctx context.Context, env Env, s Step, lock bool) (*ent.Contact, error) {
	if s.ClientID == nil {
		return nil, Permanentf("this execution has no client to act on")
	}
	q := env.Tx.Contact.Query().Where(contact.ID(*s.ClientID))
	if lock {
		q.Unique(false).Where(database.ForNoKeyUpdate)
	}
	c, err := q.Only(ctx)
	if ent.IsNotFound(err) {
		return nil, Permanentf("client %s no longer exists", *s.ClientID)
	}
	if err != nil {
		return nil, fmt.Errorf("read client %s: %w", *s.ClientID, err)
	}
	return c, nil
}

// ClientWritten raises the events of a client write made by a step, one level deeper, and
// describes the write for the log row.
func ClientWritten(ctx context.Context, env Env, s Step, before, after *ent.Contact) (map[string]any, error) {
	evs := events.ClientUpdated(before, after, events.StepCause(s.IdempotencyKey(), s.Depth))
	started, err := env.Raiser.RaiseAll(ctx, env.Tx, evs)
	if err != nil {
		return nil, err
	}
	changed, previous := events.ClientChanges(before, after)
	ids := make([]string, len(started))
	for i, ex := range started {
		ids[i] = ex.ID.String()
	}
	return map[string]any{
		"clientId":            after.ID.String(),
		"changedFields":       changed,
		"previous":            previous,
		"triggeredExecutions": ids,
		"changed":             len(changed) > 0,
	}, nil
}

// ClientWriteOutput is the output shape of a step that wrote a client (see ClientWritten).
func ClientWriteOutput() map[string]workflow.FieldType {
	return map[string]workflow.FieldType{
		"clientId":            workflow.FieldString,
		"changedFields":       workflow.FieldStringList,
		"previous":            workflow.FieldAny,
		"triggeredExecutions": workflow.FieldStringList,
		"changed":             workflow.FieldBool,
	}
}
