package changes_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestPostgresBusPacksEvents: a batch goes as few notifications as the payload limit allows
// (65 events each), and the listener gets every event, in order.
func TestPostgresBusPacksEvents(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "postgres")
	bus := changes.NewPostgresBus(db.SQL, db.URL)
	ctx, cancel := context.WithCancel(context.Background())
	deliveries := make(chan []changes.Event, 64)
	listening := make(chan struct{}, 1)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		_ = bus.Listen(ctx, func(e []changes.Event) { deliveries <- e }, func() {
			select {
			case listening <- struct{}{}:
			default:
			}
		})
	}()
	t.Cleanup(func() { cancel(); <-stopped })
	select {
	case <-listening:
	case <-time.After(wait):
		t.Fatal("the listener did not start")
	}

	sent := make([]changes.Event, 150)
	mine := map[uuid.UUID]bool{}
	for i := range sent {
		sent[i] = changes.Event{Kind: changes.LogAdded, ID: uuid.New(), Execution: uuid.New()}
		mine[sent[i].ID] = true
	}
	if err := bus.Publish(ctx, sent); err != nil {
		t.Fatal(err)
	}
	// Other tests share the database and its channel: only this test's events count.
	var got []changes.Event
	notifications := 0
	for len(got) < len(sent) {
		select {
		case batch := <-deliveries:
			counted := false
			for _, e := range batch {
				if mine[e.ID] {
					got = append(got, e)
					counted = true
				}
			}
			if counted {
				notifications++
			}
		case <-time.After(wait):
			t.Fatalf("received %d of %d events", len(got), len(sent))
		}
	}
	for i, e := range got {
		if e.ID != sent[i].ID || e.Execution != sent[i].Execution || e.Kind != sent[i].Kind {
			t.Fatalf("event %d: got %+v, want %+v", i, e, sent[i])
		}
	}
	if notifications != 3 {
		t.Fatalf("%d notifications for 150 events, want 3", notifications)
	}
}
