package workflow_test

import (
	"sort"
	"time"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

// testNow is the fixed clock of the tests.
var testNow = time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)

// sampleEvent returns a complete event of the given type, with a VIP client owned by Olivia.
func sampleEvent(t TriggerType) Event {
	ev := Event{
		Type: t,
		Client: map[string]any{
			"id": "11111111-1111-4111-8111-1111111111c1", "name": "Ada Lovelace", "email": "Ada@Example.com", "phone": nil,
			"status": "ACTIVE", "tags": []string{"vip", "gold"}, "ownerId": "u1",
			"owner":     map[string]any{"id": "u1", "name": "Olivia Owner", "email": "olivia@crm.test"},
			"createdAt": time.Date(2023, 5, 1, 8, 0, 0, 0, time.UTC),
			"updatedAt": time.Date(2024, 2, 1, 8, 0, 0, 0, time.UTC),
		},
	}
	switch t {
	case TriggerClientUpdated:
		ev.ChangedFields = []string{"email"}
		ev.Previous = map[string]any{"email": "ada@old.test"}
	case TriggerClientStatusChanged:
		ev.OldStatus, ev.NewStatus = "LEAD", "ACTIVE"
		ev.ChangedFields = []string{"status"}
		ev.Previous = map[string]any{"status": "LEAD"}
	case TriggerDocumentUploaded:
		ev.Document = map[string]any{"id": "d1", "name": "contract.pdf", "contentType": "application/pdf", "sizeBytes": 2048, "clientId": "11111111-1111-4111-8111-1111111111c1"}
	case TriggerTaskCompleted:
		ev.Task = map[string]any{
			"id": "t1", "title": "Send proposal", "priority": "HIGH", "clientId": "11111111-1111-4111-8111-1111111111c1", "assigneeId": "u1",
			"dueAt": time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC), "completedAt": testNow,
		}
	case TriggerManual, TriggerWebhook:
		ev.Data = map[string]any{"orderId": "o-42", "amount": 99.5, "items": []any{"a", "b"}}
	case TriggerScheduled:
		ev.Client = nil
		ev.Data = map[string]any{"scheduledAt": "2024-03-01T09:30:00Z", "caughtUp": false}
	case TriggerClientDate:
		ev.Data = map[string]any{"field": "custom.renewalDate", "date": "2024-03-04", "dueAt": "2024-03-01T08:00:00Z", "caughtUp": false}
	default:
		// CLIENT_CREATED: the client is the whole event.
	}
	return ev
}

func sampleContext(t TriggerType) Context {
	return BuildContext(sampleEvent(t), "wf1", "Sample workflow", "ex1", testNow)
}

func problemPaths(err error) []string {
	var paths []string
	for _, p := range Problems(err) {
		paths = append(paths, p.Path)
	}
	sort.Strings(paths)
	return paths
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
