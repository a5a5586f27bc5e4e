package changes

import (
	"fmt"
	"strings"

	"github.com/google/uuid"
)

// Kind is what changed.
type Kind byte

// The kinds of change; each is the first byte of an event's wire form.
const (
	// ExecutionChanged: an execution was created or its status or position changed.
	ExecutionChanged Kind = 'x'
	// LogAdded: a log row was written for an execution.
	LogAdded Kind = 'l'
	// WorkflowChanged: a workflow was created, edited, (de)activated or got a new version.
	WorkflowChanged Kind = 'w'
)

// Event names one changed row by id. Execution is the execution of a LogAdded event;
// Workflow the workflow of an ExecutionChanged or LogAdded event when the writer knew it
// (else uuid.Nil: the Hub looks it up). sig, set only by the Hub's sweep, is the state the
// sweep saw, so a subscriber that already sent that state skips the reload.
type Event struct {
	Kind      Kind
	ID        uuid.UUID
	Execution uuid.UUID
	Workflow  uuid.UUID
	sig       string
	// seq numbers the hub's dispatches: subscribers that reload the same rows for the same
	// dispatch may share one load (Source.Load's gen).
	seq uint64
}

// String is the event's wire form: "<kind>:<id>[:<execution>][:<workflow>]" with empty
// parts for unknown ids, under 120 bytes (NOTIFY payloads must stay under 8,000).
func (e Event) String() string {
	var b strings.Builder
	b.Grow(120)
	b.WriteByte(byte(e.Kind))
	for _, id := range []uuid.UUID{e.ID, e.Execution, e.Workflow} {
		b.WriteByte(':')
		if id != uuid.Nil {
			b.WriteString(id.String())
		}
	}
	return b.String()
}

// Parse reads an event's wire form.
func Parse(s string) (Event, error) {
	parts := strings.Split(s, ":")
	if len(parts) != 4 || len(parts[0]) != 1 {
		return Event{}, fmt.Errorf("parse change event %q: want <kind>:<id>:<execution>:<workflow>", s)
	}
	e := Event{Kind: Kind(parts[0][0])}
	switch e.Kind {
	case ExecutionChanged, LogAdded, WorkflowChanged:
	default:
		return Event{}, fmt.Errorf("parse change event %q: unknown kind", s)
	}
	for i, dst := range []*uuid.UUID{&e.ID, &e.Execution, &e.Workflow} {
		if parts[i+1] == "" {
			continue
		}
		id, err := uuid.Parse(parts[i+1])
		if err != nil {
			return Event{}, fmt.Errorf("parse change event %q: %w", s, err)
		}
		*dst = id
	}
	if e.ID == uuid.Nil {
		return Event{}, fmt.Errorf("parse change event %q: no id", s)
	}
	return e, nil
}

// encodeBatch joins events one per line (a NATS message carries a batch).
func encodeBatch(events []Event) []byte {
	var b strings.Builder
	for i, e := range events {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.String())
	}
	return []byte(b.String())
}

// decodeBatch reads what encodeBatch wrote, skipping lines it cannot parse (from a newer
// or foreign publisher) rather than dropping the whole batch.
func decodeBatch(data []byte) []Event {
	var events []Event
	for line := range strings.SplitSeq(string(data), "\n") {
		if e, err := Parse(line); err == nil {
			events = append(events, e)
		}
	}
	return events
}
