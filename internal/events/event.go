package events

import (
	"errors"
	"strings"

	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Event is one CRM occurrence that may start workflows.
type Event struct {
	// Type is the trigger type the event matches.
	Type spec.TriggerType
	// Key identifies this occurrence; with a workflow id it forms the execution's dedupe key,
	// so raising the same event twice starts each workflow once. It should be deterministic for
	// the occurrence ("CLIENT_CREATED:<clientId>").
	Key string
	// Depth is the causation depth: 0 for a person's change, the execution's depth + 1 for a
	// change made by an execution.
	Depth int
	// WorkflowID, when set, limits the event to one workflow (MANUAL and WEBHOOK runs).
	WorkflowID *uuid.UUID
	// ClientID is the client the event is about, if any; the execution is linked to it.
	ClientID *uuid.UUID
	// Client holds the client's fields after the change (see ClientFields), for matching.
	Client map[string]any
	// Previous holds changed client fields before the change (CLIENT_UPDATED,
	// CLIENT_STATUS_CHANGED).
	Previous map[string]any
	// ChangedFields lists the client fields that changed (CLIENT_UPDATED).
	ChangedFields []string
	// OldStatus and NewStatus describe a CLIENT_STATUS_CHANGED event.
	OldStatus, NewStatus string
	// Document describes a DOCUMENT_UPLOADED event (see DocumentFields).
	Document map[string]any
	// Task describes a TASK_COMPLETED event (see TaskFields).
	Task map[string]any
	// Data is the payload of a MANUAL or WEBHOOK run.
	Data map[string]any
}

// workflowEvent returns the event as the definition language sees it.
func (ev Event) workflowEvent() workflow.Event {
	return workflow.Event{
		Type:          ev.Type,
		OldStatus:     ev.OldStatus,
		NewStatus:     ev.NewStatus,
		ChangedFields: ev.ChangedFields,
		Client:        ev.Client,
		Previous:      ev.Previous,
		Document:      ev.Document,
		Task:          ev.Task,
		Data:          ev.Data,
	}
}

// MaxTriggerDataBytes caps the caller's payload stored as an execution's trigger.data (as
// JSON): triggerWorkflow's data and an incoming webhook's body alike.
const MaxTriggerDataBytes = 64 << 10

// Keys of the trigger data stored with an execution.
const (
	keyType          = "type"
	keyEvent         = "eventKey"
	keyDepth         = "depth"
	keyOldStatus     = "oldStatus"
	keyNewStatus     = "newStatus"
	keyChangedFields = "changedFields"
	keyPrevious      = "previous"
	keyDocument      = "document"
	keyTask          = "task"
	keyData          = "data"
)

// TriggerData is what an execution stores about the event that started it (the API shows it
// as WorkflowExecution.triggerData). The client itself is not copied: the engine reads it
// afresh at every step.
func (ev Event) TriggerData() map[string]any {
	out := map[string]any{keyType: string(ev.Type), keyEvent: ev.Key, keyDepth: ev.Depth}
	if ev.OldStatus != "" || ev.NewStatus != "" {
		out[keyOldStatus] = ev.OldStatus
		out[keyNewStatus] = ev.NewStatus
	}
	if ev.ChangedFields != nil {
		out[keyChangedFields] = ev.ChangedFields
	}
	if ev.Previous != nil {
		out[keyPrevious] = ev.Previous
	}
	if ev.Document != nil {
		out[keyDocument] = ev.Document
	}
	if ev.Task != nil {
		out[keyTask] = ev.Task
	}
	if ev.Data != nil {
		out[keyData] = ev.Data
	}
	return out
}

// WorkflowEvent rebuilds the definition-language event from an execution's trigger data,
// which TriggerData wrote, so its shape is right. Client is left nil: the caller reads the
// client at step time and sets it.
func WorkflowEvent(triggerType spec.TriggerType, data map[string]any) workflow.Event {
	ev, _ := DecodeTriggerData(triggerType, data)
	return ev
}

// DecodeTriggerData reads trigger data in TriggerData's shape (an execution's triggerData, or
// a simulation's sample) into the event it describes. Values of the wrong type are left out
// and named in the error; the rest of the event is still returned.
func DecodeTriggerData(triggerType spec.TriggerType, data map[string]any) (workflow.Event, error) {
	ev := workflow.Event{Type: triggerType}
	var wrong []string
	str := func(key string, dst *string) {
		switch v := data[key].(type) {
		case nil:
		case string:
			*dst = v
		default:
			wrong = append(wrong, key+" must be a string")
		}
	}
	obj := func(key string, dst *map[string]any) {
		switch v := data[key].(type) {
		case nil:
		case map[string]any:
			*dst = v
		default:
			wrong = append(wrong, key+" must be an object")
		}
	}
	str(keyOldStatus, &ev.OldStatus)
	str(keyNewStatus, &ev.NewStatus)
	switch list := data[keyChangedFields].(type) {
	case nil:
	case []string:
		ev.ChangedFields = list
	case []any:
		for _, f := range list {
			s, ok := f.(string)
			if !ok {
				wrong = append(wrong, keyChangedFields+" must be a list of strings")
				break
			}
			ev.ChangedFields = append(ev.ChangedFields, s)
		}
	default:
		wrong = append(wrong, keyChangedFields+" must be a list of strings")
	}
	obj(keyPrevious, &ev.Previous)
	obj(keyDocument, &ev.Document)
	obj(keyTask, &ev.Task)
	obj(keyData, &ev.Data)
	if len(wrong) > 0 {
		return ev, errors.New(strings.Join(wrong, "; "))
	}
	return ev, nil
}
