package events

import (
	"fmt"
	"time"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Cause says who made a change: its causation depth and a suffix that makes the events'
// dedupe keys unique to this change.
type Cause struct {
	Depth int
	// Ref identifies the change: the client's new updatedAt for a person's change, or
	// the step's idempotency key for a change made by a workflow step.
	Ref string
}

// UserCause is the cause of a change made through the API to a record now at version
// updatedAt.
func UserCause(updatedAt time.Time) Cause {
	return Cause{Depth: 0, Ref: updatedAt.UTC().Format(time.RFC3339Nano)}
}

// StepCause is the cause of a change made by a workflow step (stepRef is the step's
// idempotency key) of an execution at depth.
func StepCause(stepRef string, depth int) Cause {
	return Cause{Depth: depth + 1, Ref: stepRef}
}

// ClientCreated is the CLIENT_CREATED event for a new client.
func ClientCreated(c *ent.Contact) Event {
	id := c.ID
	return Event{
		Type:     spec.TriggerClientCreated,
		Key:      fmt.Sprintf("%s:%s", spec.TriggerClientCreated, c.ID),
		ClientID: &id,
		Client:   ClientFields(c),
	}
}

// ClientUpdated returns the events of a client change: CLIENT_UPDATED with the changed
// fields and, when the status changed, CLIENT_STATUS_CHANGED with the old and new status.
// A change that changed nothing raises nothing.
func ClientUpdated(before, after *ent.Contact, cause Cause) []Event {
	changed, previous := ClientChanges(before, after)
	if len(changed) == 0 {
		return nil
	}
	id := after.ID
	client := ClientFields(after)
	out := []Event{{
		Type:          spec.TriggerClientUpdated,
		Key:           fmt.Sprintf("%s:%s:%s", spec.TriggerClientUpdated, id, cause.Ref),
		Depth:         cause.Depth,
		ClientID:      &id,
		Client:        client,
		Previous:      previous,
		ChangedFields: changed,
	}}
	if before.Status != after.Status {
		out = append(out, Event{
			Type:          spec.TriggerClientStatusChanged,
			Key:           fmt.Sprintf("%s:%s:%s", spec.TriggerClientStatusChanged, id, cause.Ref),
			Depth:         cause.Depth,
			ClientID:      &id,
			Client:        client,
			Previous:      previous,
			ChangedFields: changed,
			OldStatus:     string(before.Status),
			NewStatus:     string(after.Status),
		})
	}
	return out
}

// DocumentUploaded is the DOCUMENT_UPLOADED event for a registered document of client c.
func DocumentUploaded(d *ent.Document, c *ent.Contact) Event {
	id := d.ClientID
	return Event{
		Type:     spec.TriggerDocumentUploaded,
		Key:      fmt.Sprintf("%s:%s", spec.TriggerDocumentUploaded, d.ID),
		ClientID: &id,
		Client:   ClientFields(c),
		Document: DocumentFields(d),
	}
}

// TaskCompleted is the TASK_COMPLETED event for a task; c is the task's client or nil.
func TaskCompleted(t *ent.Task, c *ent.Contact) Event {
	ev := Event{
		Type: spec.TriggerTaskCompleted,
		Key:  fmt.Sprintf("%s:%s", spec.TriggerTaskCompleted, t.ID),
		Task: TaskFields(t),
	}
	if c != nil {
		id := c.ID
		ev.ClientID, ev.Client = &id, ClientFields(c)
	}
	return ev
}
