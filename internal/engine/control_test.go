package engine_test

import (
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

const (
	cancelMutation = `mutation($id: ID!) { cancelExecution(id: $id) { id status } }`
	retryMutation  = `mutation($id: ID!, $from: RetryFrom) { retryExecution(id: $id, from: $from) { id status currentStep } }`
	countsQuery    = `{ clients { totalCount } workflowExecutions { totalCount } tasks { totalCount } }`
)

// counts reads how many clients, executions and tasks exist.
func (a *api) counts() (clients, executions, tasks int) {
	a.t.Helper()
	var out struct {
		Clients, WorkflowExecutions, Tasks struct{ TotalCount int }
	}
	a.MustData(countsQuery, nil, &out)
	return out.Clients.TotalCount, out.WorkflowExecutions.TotalCount, out.Tasks.TotalCount
}

// blockingServer is a webhook peer that holds its first request until the caller gives up
// on it (then answers nothing) and answers every later one with 200. arrived is closed when
// the first request arrives; abandoned when its caller gave up.
type blockingServer struct {
	*testsupport.HTTPPeer
	arrived, abandoned chan struct{}
}

// idempotencyKeys returns the Idempotency-Key of every request so far.
func (s *blockingServer) idempotencyKeys() []string {
	var keys []string
	for _, r := range s.Requests() {
		keys = append(keys, r.Header.Get("Idempotency-Key"))
	}
	return keys
}

func startBlockingServer(t *testing.T) *blockingServer {
	t.Helper()
	s := &blockingServer{arrived: make(chan struct{}), abandoned: make(chan struct{})}
	var first sync.Once
	s.HTTPPeer = testsupport.StartHTTPPeer(t, "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
		held := false
		first.Do(func() { held = true })
		if held {
			close(s.arrived)
			<-r.Context().Done() // the peer read the whole body, so it sees the caller hang up
			close(s.abandoned)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	return s
}

// slowWebhookWorkflow creates a MANUAL workflow whose one step is a webhook to srv (the first
// call blocks) and a client to run it for.
func slowWebhookWorkflow(a *api, srv *blockingServer) (wf, client string) {
	owner := a.createUser("owner@example.com")
	client = a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
	wf = a.createWorkflow(owner, "slow", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
		{Type: spec.ActionSendWebhook, Config: map[string]any{"url": srv.URL + "/slow", "body": map[string]any{}}},
	}})
	return wf, client
}

// waitChan waits for ch to close, failing the test after waitTimeout.
func waitChan(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(waitTimeout):
		t.Fatalf("timed out waiting for %s", what)
	}
}

// TestRollbackCreatesNoExecution: a mutation that fails after createClient succeeded rolls
// the whole operation back, including the execution the client's event created; the same
// createClient alone commits the client and an execution that runs.
func TestRollbackCreatesNoExecution(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		owner := a.createUser("owner@example.com")
		wf := a.createWorkflow(owner, "every client", spec.Definition{
			TriggerType: spec.TriggerClientCreated,
			Actions:     []spec.Action{{Type: spec.ActionCreateTask, Config: map[string]any{"title": "Call {{client.name}}"}}},
		})
		res := a.Do(`mutation {
			ok: createClient(input: {name: "Ada", email: "ada@example.com"}) { id }
			bad: createClient(input: {name: "Bob", email: "not an email"}) { id } }`, nil)
		if len(res.Errors) == 0 {
			t.Fatal("the second createClient should fail")
		}
		// No wait is needed to see the absence: the mutation's transaction ended before its
		// response, so an execution it wrongly committed would be visible now, and without an
		// execution the engine has nothing to run (no task can appear later).
		if clients, executions, tasks := a.counts(); clients != 0 || executions != 0 || tasks != 0 {
			t.Fatalf("after rollback: %d clients, %d executions, %d tasks; want none", clients, executions, tasks)
		}
		// The same mutation alone commits both, and the execution runs.
		a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		if clients, executions, _ := a.counts(); clients != 1 || executions != 1 {
			t.Fatalf("after a committed createClient: %d clients, %d executions", clients, executions)
		}
		a.waitStatus(a.executionsOf(wf)[0].ID, "COMPLETED")
		if titles := a.taskTitles(); len(titles) != 1 || titles[0] != "Call Ada" {
			t.Fatalf("tasks = %v, want the one of the committed client", titles)
		}
	})
}

// TestCancel: cancelling a delayed execution means it never wakes; cancelling a running one
// stops it before its next step (interrupting its webhook); finished executions cannot be
// cancelled.
func TestCancel(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		srv := startBlockingServer(t)
		a := newAPI(t, db)
		cfg := testConfig(t)
		cfg.Webhooks = allowLoopback()
		// One worker: the executions run one after the other in claim order, which is what
		// lets the test prove that a cancelled one did not run (see settle).
		cfg.Workers = 1
		startEngine(t, db, cfg)
		owner := a.createUser("owner@example.com")
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		task := spec.Action{Type: spec.ActionCreateTask, Config: map[string]any{"title": "after"}}

		// Delayed: parked PENDING with a later run time, cancelled, and it never wakes.
		delayed := a.createWorkflow(owner, "delayed", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Type: spec.ActionDelay, Config: map[string]any{"minutes": 0.05}}, task,
		}})
		id := a.trigger(delayed, client, nil)
		parked := a.waitFor(id, "parked in its delay", func(ex execution) bool { return ex.Status == "PENDING" && ex.CurrentStep == 1 })
		var out struct{ CancelExecution struct{ ID, Status string } }
		a.MustData(cancelMutation, map[string]any{"id": id}, &out)
		if out.CancelExecution.Status != "CANCELLED" {
			t.Fatalf("cancelExecution returned %s", out.CancelExecution.Status)
		}
		// Wait for a second execution of the same workflow, parked after the cancelled one and
		// so waking later, to wake and complete: the only worker claims due executions oldest
		// run time first, so had the cancelled one still been runnable it would have been
		// claimed and run to its end before this one.
		later := a.trigger(delayed, client, nil)
		if ex := a.waitStatus(later, "COMPLETED"); !ex.RunAt.After(parked.RunAt) {
			t.Fatalf("the second execution woke at %v, not after the cancelled one's %v", ex.RunAt, parked.RunAt)
		}
		if ex := a.execution(id); ex.Status != "CANCELLED" || len(ex.Logs) != 1 {
			t.Fatalf("cancelled delayed execution woke up: %+v", ex)
		}
		if titles := a.taskTitles(); len(titles) != 1 {
			t.Fatalf("%d tasks, want only the second execution's", len(titles))
		}

		// Running: its webhook is interrupted and the next step never runs.
		running := a.createWorkflow(owner, "running", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Type: spec.ActionSendWebhook, Config: map[string]any{"url": srv.URL + "/slow", "body": map[string]any{}}}, task,
		}})
		id = a.trigger(running, client, nil)
		waitChan(t, srv.arrived, "the webhook request")
		if ex := a.execution(id); ex.Status != "RUNNING" {
			t.Fatalf("execution with a request in flight is %s", ex.Status)
		}
		a.MustData(cancelMutation, map[string]any{"id": id}, nil)
		waitChan(t, srv.abandoned, "the worker to abandon the webhook after the cancel")
		ex := a.waitFor(id, "logged the interrupted attempt", func(ex execution) bool { return len(ex.Logs) == 1 })
		if ex.Status != "CANCELLED" || ex.Logs[0].Status != "FAILED" || ex.Logs[0].OutputData["interrupted"] != true ||
			!strings.Contains(deref(ex.Logs[0].ErrorMessage), "interrupted") {
			t.Fatalf("cancelled running execution: %+v", ex)
		}
		// Wait until the only worker has let go of the cancelled execution (it runs a sentinel
		// after it): a step run after the cancel would have written its task by then.
		a.settle(client)
		if titles := a.taskTitles(); len(titles) != 1 {
			t.Fatalf("a step ran after cancel: %d tasks, want 1 (the delayed part's)", len(titles))
		}
		if ex := a.execution(id); ex.Status != "CANCELLED" || len(ex.Logs) != 1 {
			t.Fatalf("cancelled running execution went on: %s with logs %v", ex.Status, statuses(ex.Logs))
		}

		// Finished or unknown executions cannot be cancelled.
		e := a.MustFail(cancelMutation, map[string]any{"id": id}, "CONFLICT")
		if !strings.Contains(e.Message, "CANCELLED") || len(e.Path) == 0 {
			t.Errorf("CONFLICT error: %+v", e)
		}
		a.MustFail(cancelMutation, map[string]any{"id": "01900000-0000-7000-8000-000000000000"}, "NOT_FOUND")
	})
}

// TestRetryFromFailedStep: a FAILED execution retried from the failed step runs on its
// original definition (even after the workflow was edited) and does not repeat the steps that
// succeeded; retried from the start, it runs every step again.
func TestRetryFromFailedStep(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		var healthy atomic.Bool
		srv := startHookServer(t, func(string, int) int {
			if healthy.Load() {
				return http.StatusOK
			}
			return http.StatusBadRequest
		})
		a := newAPI(t, db)
		cfg := testConfig(t)
		cfg.Webhooks = allowLoopback()
		startEngine(t, db, cfg)
		owner := a.createUser("owner@example.com")
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		wf := a.createWorkflow(owner, "three steps", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Type: spec.ActionCreateTask, Config: map[string]any{"title": "original"}},
			{Type: spec.ActionSendWebhook, Config: map[string]any{"url": srv.URL + "/hook", "body": map[string]any{}}},
			{Type: spec.ActionLogActivity, Config: map[string]any{"message": "done"}},
		}})

		id := a.trigger(wf, client, nil)
		failed := a.waitStatus(id, "FAILED")
		if failed.CurrentStep != 1 || !strings.Contains(deref(failed.ErrorMessage), "step 1 (SEND_WEBHOOK)") {
			t.Fatalf("failed execution: step %d, error %q", failed.CurrentStep, deref(failed.ErrorMessage))
		}
		other := a.trigger(wf, client, nil)
		a.waitStatus(other, "FAILED")
		// Editing the workflow does not change the failed executions' definition.
		a.MustData(`mutation($id: ID!, $in: UpdateWorkflowInput!) { updateWorkflow(id: $id, input: $in) { version } }`,
			map[string]any{"id": wf, "in": map[string]any{"actions": []any{
				map[string]any{"type": "CREATE_TASK", "config": map[string]any{"title": "edited"}},
			}}}, nil)
		a.MustFail(retryMutation, map[string]any{"id": "01900000-0000-7000-8000-000000000000"}, "NOT_FOUND")

		healthy.Store(true)
		var out struct{ RetryExecution struct{ Status string } }
		a.MustData(retryMutation, map[string]any{"id": id}, &out)
		if out.RetryExecution.Status != "PENDING" {
			t.Fatalf("retryExecution returned %s", out.RetryExecution.Status)
		}
		done := a.waitStatus(id, "COMPLETED")
		want := "0:CREATE_TASK:SUCCESS#1 1:SEND_WEBHOOK:FAILED#1 1:SEND_WEBHOOK:SUCCESS#1 2:LOG_ACTIVITY:SUCCESS#1"
		if got := strings.Join(statuses(done.Logs), " "); got != want {
			t.Fatalf("logs = %s\nwant   %s", got, want)
		}
		if done.ErrorMessage != nil {
			t.Errorf("completed retry keeps errorMessage %q", *done.ErrorMessage)
		}
		if titles := a.taskTitles(); strings.Join(titles, ",") != "original,original" {
			t.Fatalf("tasks after retry from the failed step = %v, want the two original ones (one per run)", titles)
		}
		e := a.MustFail(retryMutation, map[string]any{"id": id}, "CONFLICT")
		if !strings.Contains(e.Message, "COMPLETED") {
			t.Errorf("CONFLICT message %q does not name the status", e.Message)
		}

		// From the start, every original step runs again, the task included.
		a.MustData(retryMutation, map[string]any{"id": other, "from": "START"}, nil)
		again := a.waitStatus(other, "COMPLETED")
		want = "0:CREATE_TASK:SUCCESS#1 0:CREATE_TASK:SUCCESS#1 1:SEND_WEBHOOK:FAILED#1 1:SEND_WEBHOOK:SUCCESS#1 2:LOG_ACTIVITY:SUCCESS#1"
		if got := strings.Join(statuses(again.Logs), " "); got != want {
			t.Fatalf("logs after retry from START = %s\nwant   %s", got, want)
		}
		if titles := a.taskTitles(); strings.Join(titles, ",") != "original,original,original" {
			t.Fatalf("tasks after retry from START = %v", titles)
		}
	})
}

// taskTitles lists every task's title.
func (a *api) taskTitles() []string {
	a.t.Helper()
	var out struct {
		Tasks struct {
			Edges []struct{ Node struct{ Title string } }
		}
	}
	a.MustData(`{ tasks { edges { node { title } } } }`, nil, &out)
	var titles []string
	for _, e := range out.Tasks.Edges {
		titles = append(titles, e.Node.Title)
	}
	return titles
}

// TestDelaySurvivesRestart: DELAY parks the execution as PENDING with its wake time; an
// engine stopped meanwhile and a new one started later run the next step at (not before) the
// wake time.
func TestDelaySurvivesRestart(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		stop := startEngine(t, db, testConfig(t))
		owner := a.createUser("owner@example.com")
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		wf := a.createWorkflow(owner, "later", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Type: spec.ActionDelay, Config: map[string]any{"minutes": 0.03}},
			{Type: spec.ActionCreateTask, Config: map[string]any{"title": "after the delay"}},
		}})
		id := a.trigger(wf, client, nil)
		parked := a.waitFor(id, "parked", func(ex execution) bool { return ex.Status == "PENDING" && ex.CurrentStep == 1 })
		stop()
		startEngine(t, db, testConfig(t))

		done := a.waitStatus(id, "COMPLETED")
		if got := strings.Join(statuses(done.Logs), " "); got != "0:DELAY:SUCCESS#1 1:CREATE_TASK:SUCCESS#1" {
			t.Fatalf("logs = %s", got)
		}
		until, err := time.Parse(time.RFC3339Nano, done.Logs[0].OutputData["until"].(string))
		if err != nil || !until.Equal(parked.RunAt) {
			t.Fatalf("delay until %v (%v), runAt was %v", until, err, parked.RunAt)
		}
		if ms := done.Logs[0].OutputData["delayMs"].(float64); ms < 1700 || ms > 1900 {
			t.Errorf("delayMs = %v, want 1800", ms)
		}
		if done.Logs[1].ExecutedAt.Before(until) {
			t.Fatalf("the step after the delay ran at %v, before the wake time %v", done.Logs[1].ExecutedAt, until)
		}
	})
}

// TestLoopGuard: a workflow whose UPDATE_CLIENT re-triggers itself (A changes the status,
// which starts A again) runs at causation depths 0 to 5; the event at depth 6 starts nothing
// and is recorded as a FAILED "loop limit reached" execution.
func TestLoopGuard(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		wf, client := a.startPingPong()

		var exs []execution
		waitUntil(t, "the loop to stop", func() bool {
			exs = a.executionsOf(wf)
			for _, ex := range exs {
				if !isFinal(ex.Status) {
					return false
				}
			}
			return len(exs) > 0 && exs[len(exs)-1].Status == "FAILED"
		})
		// Wait until the engine has gone past everything due (see settle): a refused record
		// that ran anyway, or an execution past the limit, would show by then.
		a.settle(client)
		exs = a.executionsOf(wf)
		if len(exs) != 7 {
			t.Fatalf("want 7 executions (depths 0-5 run, depth 6 refused), got %d", len(exs))
		}
		for depth, ex := range exs {
			if ex.Depth != depth {
				t.Fatalf("execution %d has depth %d", depth, ex.Depth)
			}
			want := "COMPLETED"
			if depth == 6 {
				want = "FAILED"
			}
			if ex.Status != want {
				t.Fatalf("depth %d: %s, want %s", depth, ex.Status, want)
			}
		}
		refused := exs[6]
		if deref(refused.ErrorMessage) != "loop limit reached" || len(refused.Logs) != 0 || refused.StartedAt != nil {
			t.Fatalf("refused execution: %+v", refused)
		}
		var c struct{ Node struct{ Status string } }
		a.MustData(`query($id: ID!) { node(id: $id) { ... on Client { status } } }`, map[string]any{"id": client}, &c)
		if c.Node.Status != "ACTIVE" {
			t.Errorf("client status after six toggles = %s, want ACTIVE", c.Node.Status)
		}
	})
}

// TestGracefulShutdownReleasesLeases: a stopping engine lets a running step finish within
// the shutdown timeout, then interrupts it, records the interrupted attempt and gives the
// execution back at once (PENDING, not waiting for its lease to expire); the next engine
// finishes it.
func TestGracefulShutdownReleasesLeases(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		srv := startBlockingServer(t)
		a := newAPI(t, db)
		cfg := testConfig(t)
		cfg.Webhooks = allowLoopback()
		cfg.ShutdownTimeout = 300 * time.Millisecond
		cfg.LeaseDuration = time.Minute // a release must not wait for the lease to expire
		stop := startEngine(t, db, cfg)
		wf, client := slowWebhookWorkflow(a, srv)
		id := a.trigger(wf, client, nil)
		waitChan(t, srv.arrived, "the webhook request")
		stop()

		released := a.execution(id)
		if released.Status != "PENDING" || released.Attempt != 1 || len(released.Logs) != 1 ||
			!strings.Contains(deref(released.Logs[0].ErrorMessage), "interrupted") {
			t.Fatalf("after shutdown: %+v", released)
		}
		next := testConfig(t)
		next.Webhooks = allowLoopback()
		startEngine(t, db, next)
		done := a.waitStatus(id, "COMPLETED")
		if done.Attempt != 2 {
			t.Fatalf("attempt = %d, want 2", done.Attempt)
		}
		// The interrupted try counts: the step's next log row is its second attempt.
		if len(done.Logs) != 2 || done.Logs[0].Attempt != 1 || done.Logs[1].Attempt != 2 || done.Logs[1].Status != "SUCCESS" {
			t.Fatalf("step attempts: %v", statuses(done.Logs))
		}
	})
}

// TestExecutionTimeout: an execution that runs longer than the execution timeout fails, its
// running step interrupted.
func TestExecutionTimeout(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		srv := startBlockingServer(t)
		a := newAPI(t, db)
		cfg := testConfig(t)
		cfg.Webhooks = allowLoopback()
		cfg.ExecutionTimeout = 500 * time.Millisecond
		cfg.Workers = 1 // so that settle proves the worker let go of the execution
		startEngine(t, db, cfg)
		owner := a.createUser("owner@example.com")
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		wf := a.createWorkflow(owner, "slow", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Type: spec.ActionSendWebhook, Config: map[string]any{"url": srv.URL + "/slow", "body": map[string]any{}},
				OnError: spec.OnErrorContinue, Retry: &spec.RetryPolicy{MaxAttempts: 5}},
			{Type: spec.ActionCreateTask, Config: map[string]any{"title": "never"}},
		}})
		ex := a.waitStatus(a.trigger(wf, client, nil), "FAILED")
		if !strings.Contains(deref(ex.ErrorMessage), "timed out") || len(ex.Logs) != 1 || ex.Logs[0].Status != "FAILED" {
			t.Fatalf("timed-out execution: %+v", ex)
		}
		// Wait until the only worker has let go of the failed execution (it runs a sentinel
		// after it): a step run after the timeout would have written its task by then.
		a.settle(client)
		if _, _, tasks := a.counts(); tasks != 0 {
			t.Fatalf("a step ran after the timeout")
		}
	})
}
