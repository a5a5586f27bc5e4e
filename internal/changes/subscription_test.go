package changes_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/testsupport"
)

// wait bounds every wait for something that must happen; absence is proven with sentinels.
const wait = 30 * time.Second

// setup is a test server with subscriptions and an engine over a fresh database.
type setup struct {
	api *testsupport.APIClient
	db  *testsupport.DB
}

func newSetup(t *testing.T, db *testsupport.DB, live testsupport.LiveOptions) setup {
	t.Helper()
	api := testsupport.NewAPIWith(t, db, testsupport.APIOptions{Live: &live})
	return setup{api: api, db: db}
}

// runEngine runs the execution engine until the test ends.
func runEngine(t *testing.T, db *testsupport.DB) {
	t.Helper()
	eng := engine.New(db.DB, engine.Config{Workers: 2, PollInterval: 50 * time.Millisecond, LeaseDuration: 5 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = eng.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
}

// manualWorkflow creates an active MANUAL workflow of one CREATE_TASK step as c's user.
func manualWorkflow(t *testing.T, c *testsupport.APIClient, name string) string {
	t.Helper()
	var out struct{ CreateWorkflow struct{ ID string } }
	c.MustData(`mutation($in: CreateWorkflowInput!) { createWorkflow(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"name": name, "triggerType": "MANUAL", "isActive": true,
		"actions": []any{map[string]any{"type": "CREATE_TASK", "config": map[string]any{"title": "Follow up"}}},
	}}, &out)
	return out.CreateWorkflow.ID
}

// settledWorkflow is manualWorkflow for tests that count a subscription's events: the
// creation's event is published after the commit, so it waits until the hub has dispatched
// it, and a subscription made next cannot receive it.
func settledWorkflow(t *testing.T, c *testsupport.APIClient, name string) string {
	t.Helper()
	id := manualWorkflow(t, c, name)
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := c.Live.WaitDispatched(ctx, uuid.MustParse(id)); err != nil {
		t.Fatalf("the creation of workflow %s was never dispatched: %v", name, err)
	}
	return id
}

func trigger(t *testing.T, c *testsupport.APIClient, workflowID string) string {
	t.Helper()
	var out struct{ TriggerWorkflow struct{ ID string } }
	c.MustData(`mutation($id: ID!) { triggerWorkflow(id: $id) { id } }`, map[string]any{"id": workflowID}, &out)
	return out.TriggerWorkflow.ID
}

func bearer(t *testing.T, c *testsupport.APIClient) map[string]any {
	t.Helper()
	return map[string]any{"Authorization": c.Header.Get("Authorization")}
}

func dial(t *testing.T, c *testsupport.APIClient) *testsupport.WSClient {
	t.Helper()
	ws, err := testsupport.DialWS(t, c.Server.URL, testsupport.WSOptions{Init: bearer(t, c)})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	return ws
}

type execEvent struct {
	ExecutionUpdated struct {
		ID       string
		Status   string
		Workflow struct{ Name string }
		Logs     struct {
			Edges []struct{ Node struct{ Status string } }
		}
	}
}

func decode[T any](t *testing.T, m testsupport.WSMessage) T {
	t.Helper()
	var v T
	if m.Type != "next" && m.Type != "data" {
		t.Fatalf("want a next message, got %s %s", m.Type, m.Payload)
	}
	var body struct {
		Data   json.RawMessage
		Errors []any
	}
	if err := json.Unmarshal(m.Payload, &body); err != nil || len(body.Errors) > 0 {
		t.Fatalf("bad payload %s (%v)", m.Payload, err)
	}
	if err := json.Unmarshal(body.Data, &v); err != nil {
		t.Fatalf("decode %s: %v", body.Data, err)
	}
	return v
}

const executionUpdated = `subscription($wf: ID, $ex: ID, $st: [WorkflowExecutionStatus!]) {
  executionUpdated(workflowId: $wf, executionId: $ex, status: $st) {
    id status workflow { name } logs(first: 5) { edges { node { status } } }
  }
}`

// untilStatus reads execution events until one has status, returning it.
func untilStatus(t *testing.T, msgs <-chan testsupport.WSMessage, id, status string) execEvent {
	t.Helper()
	for {
		ev := decode[execEvent](t, testsupport.Next(t, msgs, wait))
		if ev.ExecutionUpdated.ID == id && ev.ExecutionUpdated.Status == status {
			return ev
		}
	}
}

func TestSubscribersFollowAnExecution(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := newSetup(t, db, testsupport.LiveOptions{})
		wf := manualWorkflow(t, s.api, "Live")
		for _, legacy := range []bool{false, true} {
			ws, err := testsupport.DialWS(t, s.api.Server.URL, testsupport.WSOptions{Init: bearer(t, s.api), Legacy: legacy})
			if err != nil {
				t.Fatalf("dial (legacy %v): %v", legacy, err)
			}
			_, execs := ws.Subscribe(executionUpdated, map[string]any{"wf": wf})
			_, logs := ws.Subscribe(`subscription($wf: ID) { executionLogAdded(workflowId: $wf) { status actionType execution { id } } }`, map[string]any{"wf": wf})
			// graphql-transport-ws does not acknowledge a subscribe: wait for the hub to
			// hold it before causing events.
			waitSubscribers(t, s, 2*(map[bool]int{false: 1, true: 2}[legacy]))
			id := trigger(t, s.api, wf)
			if legacy {
				runEngine(t, db)
			} else {
				ev := untilStatus(t, execs, id, "PENDING")
				if ev.ExecutionUpdated.Workflow.Name != "Live" {
					t.Fatalf("nested workflow name = %q", ev.ExecutionUpdated.Workflow.Name)
				}
				runEngine(t, db)
			}
			done := untilStatus(t, execs, id, "COMPLETED")
			if n := len(done.ExecutionUpdated.Logs.Edges); n != 1 || done.ExecutionUpdated.Logs.Edges[0].Node.Status != "SUCCESS" {
				t.Fatalf("nested logs of the completed execution = %+v", done.ExecutionUpdated.Logs)
			}
			log := decode[struct {
				ExecutionLogAdded struct {
					Status, ActionType string
					Execution          struct{ ID string }
				}
			}](t, testsupport.Next(t, logs, wait))
			if log.ExecutionLogAdded.Execution.ID != id || log.ExecutionLogAdded.ActionType != "CREATE_TASK" {
				t.Fatalf("log event = %+v", log)
			}
		}
	})
}

// waitSubscribers waits until the hub has at least n subscriptions.
func waitSubscribers(t *testing.T, s setup, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := s.api.Live.WaitSubscriptions(ctx, n); err != nil {
		t.Fatalf("only %d subscriptions registered, want %d", s.api.Live.Subscriptions(), n)
	}
}

func TestSubscriptionsNeedAToken(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	s := newSetup(t, db, testsupport.LiveOptions{})
	for name, init := range map[string]map[string]any{
		"no token":        nil,
		"made-up token":   {"Authorization": "Bearer flw_madeup"},
		"not bearer":      {"Authorization": "Basic abc"},
		"expired session": {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"},
	} {
		_, err := testsupport.DialWS(t, s.api.Server.URL, testsupport.WSOptions{Init: init})
		if err == nil || !strings.Contains(err.Error(), "4403") {
			t.Errorf("%s: dial error = %v, want close 4403", name, err)
		}
	}
	// The upgrade's own header works too (non-browser clients).
	if _, err := testsupport.DialWS(t, s.api.Server.URL, testsupport.WSOptions{Header: s.api.Header}); err != nil {
		t.Errorf("token in the upgrade header: %v", err)
	}
	// SSE authenticates by header, like queries.
	res := s.api.Anonymous().Raw(http.MethodPost, "/query", "application/json", []byte(`{"query":"subscription { workflowChanged { id } }"}`))
	if res.Status != http.StatusUnauthorized {
		t.Errorf("anonymous SSE: status %d", res.Status)
	}
	// Browsers from origins outside CORS_ORIGINS are refused before the upgrade.
	_, err := testsupport.DialWS(t, s.api.Server.URL, testsupport.WSOptions{Init: bearer(t, s.api), Header: http.Header{"Origin": {"https://evil.example"}}})
	if err == nil || !strings.Contains(err.Error(), "403") {
		t.Errorf("foreign origin: %v", err)
	}
}

// A subscriber receives only rows it may read: an editor subscribed to every execution
// sees its own, never the admin's, which ran first (the editor's own run is the sentinel).
func TestSubscribersSeeOnlyWhatTheyMayRead(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := newSetup(t, db, testsupport.LiveOptions{})
		editor := s.api.As(s.api.NewUser(auth.RoleEditor))
		adminWF, editorWF := manualWorkflow(t, s.api, "Admin's"), manualWorkflow(t, editor, "Editor's")
		adminWS, editorWS := dial(t, s.api), dial(t, editor)
		_, adminMsgs := adminWS.Subscribe(executionUpdated, nil)
		_, editorMsgs := editorWS.Subscribe(executionUpdated, nil)
		_, editorWFs := editorWS.Subscribe(`subscription { workflowChanged { id name } }`, nil)
		waitSubscribers(t, s, 3)
		runEngine(t, db)
		adminRun := trigger(t, s.api, adminWF)
		untilStatus(t, adminMsgs, adminRun, "COMPLETED")
		s.api.MustData(`mutation($id: ID!) { updateWorkflow(id: $id, input: {name: "Admin's, renamed"}) { id } }`, map[string]any{"id": adminWF}, nil)
		editorRun := trigger(t, editor, editorWF)
		first := decode[execEvent](t, testsupport.Next(t, editorMsgs, wait))
		if first.ExecutionUpdated.ID != editorRun {
			t.Fatalf("the editor's first event is about %s, not its own run %s", first.ExecutionUpdated.ID, editorRun)
		}
		editor.MustData(`mutation($id: ID!) { updateWorkflow(id: $id, input: {name: "Editor's, renamed"}) { id } }`, map[string]any{"id": editorWF}, nil)
		wfEvent := decode[struct{ WorkflowChanged struct{ ID, Name string } }](t, testsupport.Next(t, editorWFs, wait))
		if wfEvent.WorkflowChanged.ID != editorWF {
			t.Fatalf("the editor saw workflow %s change, want only its own %s", wfEvent.WorkflowChanged.ID, editorWF)
		}
		// Naming a row the caller may not read is refused at once.
		_, refused := editorWS.Subscribe(`subscription($id: ID) { workflowChanged(id: $id) { id } }`, map[string]any{"id": adminWF})
		wantError(t, testsupport.Next(t, refused, wait), "NOT_FOUND")
	})
}

// Events leave only after commit: a rolled-back execution is never announced; the
// committed one after it is the first event.
func TestRolledBackChangesAreNeverSent(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := newSetup(t, db, testsupport.LiveOptions{})
		wf := manualWorkflow(t, s.api, "Rollback")
		ws := dial(t, s.api)
		_, msgs := ws.Subscribe(executionUpdated, nil)
		waitSubscribers(t, s, 1)
		tx, err := db.Client.Tx(testsupport.Ctx())
		if err != nil {
			t.Fatal(err)
		}
		ghost := tx.WorkflowExecution.Create().SetWorkflowID(mustParse(t, wf)).SaveX(testsupport.Ctx())
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		sentinel := trigger(t, s.api, wf)
		first := decode[execEvent](t, testsupport.Next(t, msgs, wait))
		if first.ExecutionUpdated.ID != sentinel {
			t.Fatalf("first event is about %s (rolled back: %s), want the committed %s", first.ExecutionUpdated.ID, ghost.ID, sentinel)
		}
	})
}

func TestSubscriptionLimits(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	s := newSetup(t, db, testsupport.LiveOptions{Hub: changes.HubConfig{PerConnection: 2, PerCaller: 3}, ConnectionsPerCaller: 2})
	first := dial(t, s.api)
	for range 2 {
		first.Subscribe(`subscription { workflowChanged { id } }`, nil)
	}
	waitSubscribers(t, s, 2)
	_, third := first.Subscribe(`subscription { workflowChanged { id } }`, nil)
	wantError(t, testsupport.Next(t, third, wait), "TOO_MANY_SUBSCRIPTIONS")
	second := dial(t, s.api)
	second.Subscribe(`subscription { workflowChanged { id } }`, nil)
	waitSubscribers(t, s, 3)
	_, fourth := second.Subscribe(`subscription { workflowChanged { id } }`, nil)
	if m := wantError(t, testsupport.Next(t, fourth, wait), "TOO_MANY_SUBSCRIPTIONS"); !strings.Contains(m, "per caller") {
		t.Fatalf("fourth subscription of one caller: %s", m)
	}
	if _, err := testsupport.DialWS(t, s.api.Server.URL, testsupport.WSOptions{Init: bearer(t, s.api)}); err == nil || !strings.Contains(err.Error(), "4429") {
		t.Fatalf("third connection of one caller: %v", err)
	}
	// Another caller is not affected.
	other := s.api.As(s.api.NewUser(auth.RoleEditor))
	dial(t, other)
}

func mustParse(t *testing.T, s string) uuid.UUID {
	t.Helper()
	id, err := uuid.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// wantError checks that a subscription answered an error with code (an execution error
// arrives as a next message with errors; a request error as an error message) and returns
// its message.
func wantError(t *testing.T, m testsupport.WSMessage, code string) string {
	t.Helper()
	var errs []struct {
		Message    string
		Extensions struct{ Code string }
	}
	var body struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	switch m.Type {
	case "next", "data":
		_ = json.Unmarshal(m.Payload, &body)
		errs = body.Errors
	case "error":
		_ = json.Unmarshal(m.Payload, &errs)
	}
	if len(errs) == 0 || errs[0].Extensions.Code != code {
		t.Fatalf("want an error coded %s, got %s %s", code, m.Type, m.Payload)
	}
	return errs[0].Message
}

// Every change is sent whatever the subscriber selects: its state is read even when the
// selection leaves it out (an execution followed by id only; a workflow by name).
func TestChangesAreSentWhateverIsSelected(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	s := newSetup(t, db, testsupport.LiveOptions{})
	wf := settledWorkflow(t, s.api, "Selected")
	ws := dial(t, s.api)
	_, execs := ws.Subscribe(`subscription($wf: ID) { executionUpdated(workflowId: $wf) { id } }`, map[string]any{"wf": wf})
	_, wfs := ws.Subscribe(`subscription($id: ID) { workflowChanged(id: $id) { name } }`, map[string]any{"id": wf})
	waitSubscribers(t, s, 2)
	id := trigger(t, s.api, wf)
	testsupport.Next(t, execs, wait)
	s.api.MustData(`mutation($id: ID!) { cancelExecution(id: $id) { id } }`, map[string]any{"id": id}, nil)
	if ev := decode[struct{ ExecutionUpdated struct{ ID string } }](t, testsupport.Next(t, execs, wait)); ev.ExecutionUpdated.ID != id {
		t.Fatalf("second event = %+v", ev)
	}
	for _, name := range []string{"First", "Second"} {
		s.api.MustData(`mutation($id: ID!, $n: String!) { updateWorkflow(id: $id, input: {name: $n}) { id } }`, map[string]any{"id": wf, "n": name}, nil)
		renamedTo(t, wfs, name)
	}
}

// Fields that CollectFields maps to no column (workflowId, outputs) do not empty the others.
func TestEventsCarryEveryField(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	s := newSetup(t, db, testsupport.LiveOptions{})
	wf := settledWorkflow(t, s.api, "Full")
	ws := dial(t, s.api)
	_, msgs := ws.Subscribe(`subscription($wf: ID) { executionUpdated(workflowId: $wf) { workflowId createdAt status outputs } }`, map[string]any{"wf": wf})
	_, wfs := ws.Subscribe(`subscription($id: ID) { workflowChanged(id: $id) { webhookPath name isActive } }`, map[string]any{"id": wf})
	waitSubscribers(t, s, 2)
	trigger(t, s.api, wf)
	ev := decode[struct {
		ExecutionUpdated struct{ WorkflowID, CreatedAt, Status string }
	}](t, testsupport.Next(t, msgs, wait))
	if ev.ExecutionUpdated.WorkflowID != wf || ev.ExecutionUpdated.CreatedAt == "" || strings.HasPrefix(ev.ExecutionUpdated.CreatedAt, "0001") || ev.ExecutionUpdated.Status != "PENDING" {
		t.Fatalf("event = %+v", ev)
	}
	s.api.MustData(`mutation($id: ID!) { updateWorkflow(id: $id, input: {name: "Full, renamed"}) { id } }`, map[string]any{"id": wf}, nil)
	w := decode[struct {
		WorkflowChanged struct {
			Name     string
			IsActive bool
		}
	}](t, renamedTo(t, wfs, "Full, renamed"))
	if !w.WorkflowChanged.IsActive {
		t.Fatalf("workflow event = %+v", w)
	}
}

// renamedTo returns the first workflowChanged event that carries name. The workflow's
// creation (and earlier renames) are published asynchronously, so under load their events
// can reach a subscription made after them, carrying the name the row had when reloaded.
func renamedTo(t *testing.T, wfs <-chan testsupport.WSMessage, name string) testsupport.WSMessage {
	t.Helper()
	var seen []string
	for range 5 {
		msg := testsupport.Next(t, wfs, wait)
		ev := decode[struct{ WorkflowChanged struct{ Name string } }](t, msg)
		if ev.WorkflowChanged.Name == name {
			return msg
		}
		seen = append(seen, ev.WorkflowChanged.Name)
	}
	t.Fatalf("no workflowChanged event named %q; saw %q", name, seen)
	return testsupport.WSMessage{}
}

// Subscriptions need a streaming transport, and SSE carries nothing else.
func TestSubscriptionsNeedAStream(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	s := newSetup(t, db, testsupport.LiveOptions{})
	s.api.MustFail(`subscription { workflowChanged { id } }`, nil, "BAD_REQUEST")
	req, _ := http.NewRequest(http.MethodPost, s.api.Server.URL+"/query", strings.NewReader(`{"query":"{ me { id } }"}`))
	req.Header = s.api.Header.Clone()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	res, err := s.api.Server.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if !strings.Contains(string(body), "SSE carries subscriptions only") {
		t.Fatalf("a query over SSE answered %d %s", res.StatusCode, body)
	}
}

// Operations over a WebSocket spend their caller's rate-limit tokens, like HTTP requests.
func TestWebSocketOperationsAreRateLimited(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	api := testsupport.NewAPIWith(t, db, testsupport.APIOptions{RateLimit: 0.001, RateBurst: 3, Live: &testsupport.LiveOptions{}})
	ws := dial(t, api) // the upgrade spends the address's budget, not the caller's
	var codes []string
	for range 4 {
		_, msgs := ws.Subscribe(`query { me { id } }`, nil)
		m := testsupport.Next(t, msgs, wait)
		var body struct {
			Errors []struct{ Extensions struct{ Code string } }
		}
		_ = json.Unmarshal(m.Payload, &body)
		code := "ok"
		if len(body.Errors) > 0 {
			code = body.Errors[0].Extensions.Code
		}
		codes = append(codes, code)
	}
	if strings.Join(codes, ",") != "ok,ok,ok,RATE_LIMITED" {
		t.Fatalf("four queries over one WebSocket (burst 3) answered %v", codes)
	}
}

// Subscribers with the same permissions and selection share one reload per event: twenty
// tabs of one dashboard cost one query, not twenty.
func TestSameSubscriptionsShareOneReload(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := newSetup(t, db, testsupport.LiveOptions{})
		wf := settledWorkflow(t, s.api, "Shared")
		var streams []<-chan testsupport.WSMessage
		for range 2 {
			ws := dial(t, s.api)
			for range 10 {
				_, msgs := ws.Subscribe(`subscription($id: ID) { workflowChanged(id: $id) { name } }`, map[string]any{"id": wf})
				streams = append(streams, msgs)
			}
		}
		waitSubscribers(t, s, 20)
		stop := db.Statements.Record()
		s.api.MustData(`mutation($id: ID!) { updateWorkflow(id: $id, input: {name: "Seen by twenty"}) { id } }`, map[string]any{"id": wf}, nil)
		for _, msgs := range streams {
			if ev := decode[struct{ WorkflowChanged struct{ Name string } }](t, testsupport.Next(t, msgs, wait)); ev.WorkflowChanged.Name != "Seen by twenty" {
				t.Fatalf("event = %+v", ev)
			}
		}
		reloads := 0
		for _, st := range stop() {
			if strings.HasPrefix(st.Query, "SELECT") && strings.Contains(st.Query, "updated_at") && strings.Contains(st.Query, " IN (") {
				reloads++
			}
		}
		if reloads != 1 {
			t.Fatalf("%d reloads for 20 identical subscriptions, want 1", reloads)
		}
	})
}
