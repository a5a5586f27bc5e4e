package events

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Targeted returns a MANUAL or WEBHOOK event for one workflow. ref identifies the request
// (an idempotency key supplied by the caller, or a fresh id); c is the client the run is about,
// or nil; data is the caller's payload.
func Targeted(t spec.TriggerType, workflowID uuid.UUID, ref string, c *ent.Contact, data map[string]any) Event {
	if data == nil {
		data = map[string]any{}
	}
	id := workflowID
	ev := Event{
		Type:       t,
		Key:        fmt.Sprintf("%s:%s", t, ref),
		WorkflowID: &id,
		Data:       data,
	}
	if c != nil {
		cid := c.ID
		ev.ClientID, ev.Client = &cid, ClientFields(c)
	}
	return ev
}
