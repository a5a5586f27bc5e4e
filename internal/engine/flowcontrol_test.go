package engine_test

import (
	"encoding/json"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/activity"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// fakeClock is an engine clock the test moves by hand.
type fakeClock struct{ ns atomic.Int64 }

func newFakeClock(t time.Time) *fakeClock {
	c := &fakeClock{}
	c.set(t)
	return c
}

func (c *fakeClock) set(t time.Time) { c.ns.Store(t.UnixNano()) }
func (c *fakeClock) now() time.Time  { return time.Unix(0, c.ns.Load()).UTC() }

// executionsOfWorkflow reads a workflow's executions straight from the database, oldest first.
func executionsOfWorkflow(t testing.TB, db *testsupport.DB, wf string) []*ent.WorkflowExecution {
	t.Helper()
	return db.Client.WorkflowExecution.Query().
		Where(workflowexecution.WorkflowID(uuid.MustParse(wf))).
		Order(ent.Asc(workflowexecution.FieldCreatedAt), ent.Asc(workflowexecution.FieldID)).
		AllX(testsupport.Ctx())
}

// TestDebounceCollapsesRapidUpdates: five quick updates of one client make ONE pending
// execution whose start moves to the debounce period after the last update and whose trigger
// data is the last update's; another client's update is its own execution. Run with a clock
// past the period, the execution runs once, with the last data.
func TestDebounceCollapsesRapidUpdates(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		a := newAPI(t, db)
		owner := a.createUser("owner@example.com")
		wf := a.createWorkflow(owner, "debounced", spec.Definition{
			TriggerType: spec.TriggerClientUpdated, TriggerConfig: map[string]any{"fields": []any{"name"}},
			Debounce: &spec.Debounce{Period: "10m"},
			Actions: []spec.Action{{Type: spec.ActionLogActivity,
				Config: map[string]any{"message": "renamed from {{trigger.previous.name}}"}}},
		})
		ada := a.createClient(map[string]any{"name": "n0", "email": "ada@example.com"})
		bob := a.createClient(map[string]any{"name": "b0", "email": "bob@example.com"})
		var lastUpdate time.Time
		for _, name := range []string{"n1", "n2", "n3", "n4", "n5"} {
			a.MustData(`mutation($id: ID!, $name: String!) { updateClient(id: $id, input: {name: $name}) { id } }`,
				map[string]any{"id": ada, "name": name}, nil)
			lastUpdate = time.Now()
		}
		a.MustData(`mutation($id: ID!) { updateClient(id: $id, input: {name: "b1"}) { id } }`, map[string]any{"id": bob}, nil)

		exs := executionsOfWorkflow(t, db, wf)
		if len(exs) != 2 {
			t.Fatalf("%d executions, want one per client", len(exs))
		}
		first := exs[0]
		if first.ClientID.String() != ada || first.Status != workflowexecution.StatusPENDING {
			t.Fatalf("first execution: client %v status %s", first.ClientID, first.Status)
		}
		if prev := first.TriggerData["previous"].(map[string]any)["name"]; prev != "n4" {
			t.Fatalf("trigger data previous.name = %v, want the last update's n4", prev)
		}
		if d := first.RunAt.Sub(lastUpdate); d < 9*time.Minute || d > 10*time.Minute {
			t.Fatalf("runAt is %s after the last update, want the 10m period", d)
		}
		if first.DebounceKey == nil || *first.DebounceKey != ada {
			t.Fatalf("debounce key = %v, want the client id", first.DebounceKey)
		}

		cfg := testConfig(t)
		// A clock past the period; it moves on, so leases stay alive for the reaper's real one.
		cfg.Now = func() time.Time { return time.Now().Add(11 * time.Minute) }
		startEngine(t, db, cfg)
		done := a.waitStatus(first.ID.String(), "COMPLETED")
		a.waitStatus(exs[1].ID.String(), "COMPLETED")
		if len(done.Logs) != 1 {
			t.Fatalf("logs %+v, want one step", done.Logs)
		}
		msgs := db.Client.Activity.Query().Where(activity.ClientID(uuid.MustParse(ada))).
			Where(activity.MessageHasPrefix("renamed")).Select(activity.FieldMessage).StringsX(ctx)
		if len(msgs) != 1 || msgs[0] != "renamed from n4" {
			t.Fatalf("activities %q, want one run with the last trigger's data", msgs)
		}
		if got := executionsOfWorkflow(t, db, wf)[0]; got.DebounceKey != nil {
			t.Fatalf("a started execution keeps its debounce key %q", *got.DebounceKey)
		}
		// After the start, an update is a new execution, not merged into the finished one.
		a.MustData(`mutation($id: ID!) { updateClient(id: $id, input: {name: "n6"}) { id } }`, map[string]any{"id": ada}, nil)
		if n := len(executionsOfWorkflow(t, db, wf)); n != 3 {
			t.Fatalf("%d executions after a later update, want 3", n)
		}
	})
}

// holdingPeer is a webhook receiver that holds every request until the test lets it go, and
// counts the requests in flight per client.
type holdingPeer struct {
	*testsupport.HTTPPeer
	arrived  chan heldRequest
	mu       sync.Mutex
	inflight map[string]int
	maxSeen  map[string]int
}

type heldRequest struct {
	client string
	done   chan struct{}
}

func startHoldingPeer(t *testing.T) *holdingPeer {
	p := &holdingPeer{arrived: make(chan heldRequest, 16), inflight: map[string]int{}, maxSeen: map[string]int{}}
	p.HTTPPeer = testsupport.StartHTTPPeer(t, "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
		var body struct{ Client string }
		_ = json.Unmarshal(testsupport.RequestOf(r).Body, &body)
		p.mu.Lock()
		p.inflight[body.Client]++
		p.maxSeen[body.Client] = max(p.maxSeen[body.Client], p.inflight[body.Client])
		p.mu.Unlock()
		h := heldRequest{client: body.Client, done: make(chan struct{})}
		p.arrived <- h
		select {
		case <-h.done:
		case <-r.Context().Done():
		}
		p.mu.Lock()
		p.inflight[body.Client]--
		p.mu.Unlock()
		w.WriteHeader(http.StatusOK)
	})
	return p
}

// next waits for the next request to arrive.
func (p *holdingPeer) next(t *testing.T) heldRequest {
	t.Helper()
	select {
	case h := <-p.arrived:
		return h
	case <-time.After(waitTimeout):
		t.Fatal("no webhook request arrived")
		return heldRequest{}
	}
}

func (p *holdingPeer) max(client string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.maxSeen[client]
}

// concurrencyWorkflow is a MANUAL workflow limited to one RUNNING execution per client whose
// middle step is a webhook to peer (held until the test releases it).
func concurrencyWorkflow(a *api, owner, url string) string {
	return a.createWorkflow(owner, "serial per client", spec.Definition{
		TriggerType: spec.TriggerManual,
		Concurrency: &spec.Concurrency{Limit: 1, Key: "{{client.id}}"},
		Actions: []spec.Action{
			{Type: spec.ActionLogActivity, Config: map[string]any{"message": "start {{execution.id}}"}},
			{Type: spec.ActionSendWebhook, Config: map[string]any{"url": url + "/hold", "body": map[string]any{"client": "{{client.id}}"}}},
			{Type: spec.ActionLogActivity, Config: map[string]any{"message": "end {{execution.id}}"}},
		},
	})
}

// runningOf counts the RUNNING executions of a workflow for a client.
func runningOf(t testing.TB, db *testsupport.DB, wf, client string) int {
	return db.Client.WorkflowExecution.Query().Where(
		workflowexecution.WorkflowID(uuid.MustParse(wf)), workflowexecution.ClientID(uuid.MustParse(client)),
		workflowexecution.StatusEQ(workflowexecution.StatusRUNNING)).CountX(testsupport.Ctx())
}

// assertSerial checks that the executions' runs did not overlap: each started after the one
// before had completed, in the order they were created (they were all due at creation).
func assertSerial(t *testing.T, exs []*ent.WorkflowExecution) {
	t.Helper()
	byStart := append([]*ent.WorkflowExecution(nil), exs...)
	sort.Slice(byStart, func(i, j int) bool { return byStart[i].StartedAt.Before(*byStart[j].StartedAt) })
	for i := 1; i < len(byStart); i++ {
		if byStart[i].StartedAt.Before(*byStart[i-1].CompletedAt) {
			t.Fatalf("execution %s started at %s, before %s completed at %s", byStart[i].ID, byStart[i].StartedAt,
				byStart[i-1].ID, byStart[i-1].CompletedAt)
		}
	}
}

// TestConcurrencyOnePerClientRunsSerially: three triggers for one client on a workflow
// limited to one RUNNING execution per client, with three worker processes: they run one
// after the other, oldest first, and all complete; another client's execution is not held up
// behind them. While a run is held at its webhook, the database shows exactly one RUNNING
// execution for the client, and the webhook receiver never sees two of its requests at once.
func TestConcurrencyOnePerClientRunsSerially(t *testing.T) {
	t.Parallel()
	bin := flowlineBinary(t)
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		peer := startHoldingPeer(t)
		a := newAPI(t, db)
		owner := a.createUser("owner@example.com")
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		bob := a.createClient(map[string]any{"name": "Bob", "email": "bob@example.com"})
		wf := concurrencyWorkflow(a, owner, peer.URL)
		for range 3 {
			startWorkerProcess(t, bin, db.URL)
		}
		var adas []string
		for range 3 {
			adas = append(adas, a.trigger(wf, ada, nil))
		}
		bobs := a.trigger(wf, bob, nil)

		// Ada's first run and Bob's, the latter claimed past Ada's two waiting executions.
		held := map[string]heldRequest{}
		for range 2 {
			h := peer.next(t)
			held[h.client] = h
		}
		if _, ok := held[bob]; !ok {
			t.Fatalf("held requests %v, want one of Ada's and Bob's", held)
		}
		for i := range 3 {
			if i > 0 {
				h := peer.next(t)
				if h.client != ada {
					t.Fatalf("request for %s, want Ada's next run", h.client)
				}
				held[ada] = h
			}
			if n := runningOf(t, db, wf, ada); n != 1 {
				t.Fatalf("%d RUNNING executions for Ada while one is held, want 1", n)
			}
			close(held[ada].done)
		}
		close(held[bob].done)
		for _, id := range append(adas, bobs) {
			a.waitStatus(id, "COMPLETED")
		}
		if m := peer.max(ada); m != 1 {
			t.Fatalf("the receiver saw %d of Ada's requests at once, want 1", m)
		}
		var exs []*ent.WorkflowExecution
		for _, id := range adas {
			exs = append(exs, db.Client.WorkflowExecution.GetX(testsupport.Ctx(), uuid.MustParse(id)))
		}
		assertSerial(t, exs)
		for i := 1; i < len(exs); i++ {
			if exs[i].StartedAt.Before(*exs[i-1].StartedAt) {
				t.Fatalf("execution %d started before execution %d: not in order", i, i-1)
			}
		}
	})
}

// TestConcurrencySlotOfKilledWorkerIsFreedByLease: the worker running a client's execution is
// killed (SIGKILL) mid-run; the client's next execution waits until the dead worker's lease
// expires, then both run (one at a time) on another process, and neither is lost.
func TestConcurrencySlotOfKilledWorkerIsFreedByLease(t *testing.T) {
	t.Parallel()
	bin := flowlineBinary(t)
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		peer := startHoldingPeer(t)
		a := newAPI(t, db)
		owner := a.createUser("owner@example.com")
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		wf := concurrencyWorkflow(a, owner, peer.URL)
		first := startWorkerProcess(t, bin, db.URL)
		one := a.trigger(wf, ada, nil)
		peer.next(t) // the first run, held at its webhook
		two := a.trigger(wf, ada, nil)
		first.kill(t)
		lease := *db.Client.WorkflowExecution.GetX(ctx, uuid.MustParse(one)).LeaseExpiresAt

		startWorkerProcess(t, bin, db.URL)
		for range 2 {
			h := peer.next(t)
			if n := runningOf(t, db, wf, ada); n != 1 {
				t.Fatalf("%d RUNNING executions for Ada, want 1", n)
			}
			close(h.done)
		}
		a.waitStatus(one, "COMPLETED")
		a.waitStatus(two, "COMPLETED")
		second := db.Client.WorkflowExecution.GetX(ctx, uuid.MustParse(two))
		if second.StartedAt.Before(lease) {
			t.Fatalf("the second execution started at %s, before the killed worker's lease expired at %s", second.StartedAt, lease)
		}
		if got := db.Client.WorkflowExecution.GetX(ctx, uuid.MustParse(one)); got.Attempt != 2 {
			t.Fatalf("the killed worker's execution was claimed %d times, want 2", got.Attempt)
		}
	})
}

// TestThrottleStartsLimitPerWindow: ten triggers of a workflow throttled to two starts a
// minute: two start in the current window, the eight others are put off to the next windows
// (two each), none is lost, and each window counts at most two starts. The engine runs on a
// fake clock moved window by window.
func TestThrottleStartsLimitPerWindow(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		a := newAPI(t, db)
		owner := a.createUser("owner@example.com")
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		wf := a.createWorkflow(owner, "throttled", spec.Definition{
			TriggerType: spec.TriggerManual,
			Throttle:    &spec.Throttle{Limit: 2, Period: "1m"},
			Actions:     []spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "ran"}}},
		})
		for range 10 {
			a.trigger(wf, ada, nil)
		}
		// A clock in the future (leases stay alive for the reaper's real clock), 1s into a window.
		window := time.Now().UTC().Add(5 * time.Minute).Truncate(time.Minute)
		clock := newFakeClock(window.Add(time.Second))
		cfg := testConfig(t)
		cfg.Now = clock.now
		startEngine(t, db, cfg)
		for w := 1; w <= 5; w++ {
			waitUntil(t, "the window's starts done and the rest put off", func() bool {
				exs := executionsOfWorkflow(t, db, wf)
				completed := 0
				for _, ex := range exs {
					switch {
					case ex.Status == workflowexecution.StatusCOMPLETED:
						completed++
					case ex.Status != workflowexecution.StatusPENDING || !ex.RunAt.After(clock.now()):
						return false // running, or still due in this window
					}
				}
				return completed == 2*w
			})
			for _, ex := range executionsOfWorkflow(t, db, wf) {
				if ex.Status == workflowexecution.StatusPENDING && !ex.RunAt.Equal(window.Add(time.Minute)) {
					t.Fatalf("window %d: a waiting execution runs at %s, want the next window %s", w, ex.RunAt, window.Add(time.Minute))
				}
			}
			window = window.Add(time.Minute)
			clock.set(window.Add(time.Second))
		}
		perWindow := map[time.Time]int{}
		for _, ex := range executionsOfWorkflow(t, db, wf) {
			if ex.ThrottleWindow == nil || ex.Status != workflowexecution.StatusCOMPLETED {
				t.Fatalf("execution %s: status %s, window %v", ex.ID, ex.Status, ex.ThrottleWindow)
			}
			perWindow[ex.ThrottleWindow.UTC()]++
		}
		if len(perWindow) != 5 {
			t.Fatalf("starts per window %v, want 2 in each of 5 windows", perWindow)
		}
		for w, n := range perWindow {
			if n != 2 {
				t.Fatalf("window %s had %d starts, want 2", w, n)
			}
		}
		if n := db.Client.Activity.Query().Where(activity.MessageEQ("ran")).CountX(ctx); n != 10 {
			t.Fatalf("%d runs, want 10", n)
		}
	})
}
