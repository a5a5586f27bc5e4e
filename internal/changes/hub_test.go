package changes_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/testsupport"
)

// dropBus loses every event it is given, as a crashed publisher or a dropped connection
// would: only the hub's sweep can find final statuses.
type dropBus struct{ *changes.LocalBus }

func (dropBus) Publish(context.Context, []changes.Event) error { return nil }

// A subscriber that does not read is cut off with ErrTooSlow once its buffer is full; the
// others get every event, so the slow one held up nobody.
func TestSlowSubscribersAreCutOff(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	bus := changes.NewLocalBus()
	hub := testsupport.StartLive(t, db, testsupport.LiveOptions{Bus: bus, Hub: changes.HubConfig{Buffer: 4}})
	ctx := context.Background()
	slow, err := hub.Subscribe(ctx, "slow", changes.Filter{Kind: changes.WorkflowChanged})
	if err != nil {
		t.Fatal(err)
	}
	fast, err := hub.Subscribe(ctx, "fast", changes.Filter{Kind: changes.WorkflowChanged})
	if err != nil {
		t.Fatal(err)
	}
	// One event at a time, each read by the fast subscriber before the next is sent.
	for i := range 20 {
		id := uuid.New()
		_ = bus.Publish(ctx, []changes.Event{{Kind: changes.WorkflowChanged, ID: id}})
		select {
		case e := <-fast.Events():
			if e.ID != id {
				t.Fatalf("event %d: got %s, want %s", i, e.ID, id)
			}
		case <-time.After(wait):
			t.Fatalf("the fast subscriber did not get event %d", i)
		}
	}
	select {
	case <-slow.Gone():
	default:
		t.Fatal("the slow subscriber was not cut off")
	}
	if !errors.Is(slow.Err(), changes.ErrTooSlow) {
		t.Fatalf("slow.Err() = %v", slow.Err())
	}
	if n := hub.Subscriptions(); n != 1 {
		t.Fatalf("%d subscriptions left, want the fast one", n)
	}
}

// A final status whose notification was lost reaches the subscriber through the sweep.
func TestSweepFindsLostFinalStatuses(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := newSetup(t, db, testsupport.LiveOptions{Bus: dropBus{changes.NewLocalBus()}, Hub: changes.HubConfig{SweepInterval: 20 * time.Millisecond}})
		wf := manualWorkflow(t, s.api, "Swept")
		id := trigger(t, s.api, wf)
		ws := dial(t, s.api)
		_, msgs := ws.Subscribe(executionUpdated, map[string]any{"ex": id, "st": []string{"COMPLETED", "FAILED"}})
		waitSubscribers(t, s, 1)
		db.Client.WorkflowExecution.UpdateOneID(mustParse(t, id)).
			SetStatus(workflowexecution.StatusFAILED).SetErrorMessage("lost").SetCompletedAt(time.Now()).
			ExecX(testsupport.Ctx())
		if ev := decode[execEvent](t, testsupport.Next(t, msgs, wait)); ev.ExecutionUpdated.ID != id || ev.ExecutionUpdated.Status != "FAILED" {
			t.Fatalf("event = %+v", ev)
		}
		// The same state swept again is not sent again: the next event is a new one.
		waitCtx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		if err := s.api.Live.WaitSweeps(waitCtx, s.api.Live.Sweeps()+3); err != nil {
			t.Fatal("three more sweeps did not happen")
		}
		db.Client.WorkflowExecution.UpdateOneID(mustParse(t, id)).
			SetStatus(workflowexecution.StatusCOMPLETED).SetCompletedAt(time.Now()).
			ExecX(testsupport.Ctx())
		if ev := decode[execEvent](t, testsupport.Next(t, msgs, wait)); ev.ExecutionUpdated.Status != "COMPLETED" {
			t.Fatalf("after three sweeps the next event is %+v, want the new COMPLETED", ev)
		}
	})
}

// An event committed by one process reaches a subscriber connected to another, through
// PostgreSQL LISTEN/NOTIFY and through NATS.
func TestEventsCrossProcesses(t *testing.T) {
	t.Parallel()
	for _, bus := range []string{"postgres", "nats"} {
		t.Run(bus, func(t *testing.T) {
			t.Parallel()
			dbA := testsupport.Open(t, "postgres")
			dbB := testsupport.Reopen(t, dbA)
			var natsURL string
			open := func(db *testsupport.DB) changes.Bus {
				if bus == "postgres" {
					return changes.NewPostgresBus(db.SQL, db.URL)
				}
				b, err := changes.NewNATSBus(natsURL)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = b.Close() })
				return b
			}
			if bus == "nats" {
				natsURL = testsupport.NATSURL(t)
			}
			a := newSetup(t, dbA, testsupport.LiveOptions{Bus: open(dbA)})
			b := newSetup(t, dbB, testsupport.LiveOptions{Bus: open(dbB)})
			wf := manualWorkflow(t, a.api, "Across")
			ws := dial(t, b.api)
			_, msgs := ws.Subscribe(executionUpdated, map[string]any{"wf": wf})
			waitSubscribers(t, b, 1)
			runEngine(t, dbA)
			id := trigger(t, a.api, wf)
			done := untilStatus(t, msgs, id, "COMPLETED")
			if done.ExecutionUpdated.Workflow.Name != "Across" {
				t.Fatalf("event = %+v", done)
			}
		})
	}
}
