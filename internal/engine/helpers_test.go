package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// waitTimeout bounds every wait for asynchronous work. It is generous on purpose: tests
// assert what happens, never how fast.
const waitTimeout = 60 * time.Second

// testConfig is an engine configuration with short intervals, so tests finish quickly.
func testConfig(t testing.TB) engine.Config {
	return engine.Config{
		Workers:         4,
		PollInterval:    50 * time.Millisecond,
		LeaseDuration:   2 * time.Second,
		ShutdownTimeout: 5 * time.Second,
		Logger:          testLogger(t),
	}
}

// startEngine runs an engine over db until the test ends (or stop is called) and returns a
// stop function that waits for it.
func startEngine(t testing.TB, db *testsupport.DB, cfg engine.Config) (stop func()) {
	t.Helper()
	return runEngine(t, engine.New(db.DB, cfg))
}

// runEngine runs eng until the test ends or stop is called.
func runEngine(t testing.TB, eng *engine.Engine) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = eng.Run(ctx)
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			<-done
		})
	}
	t.Cleanup(stop)
	return stop
}

// testLogger sends the engine's warnings and errors to the test log.
func testLogger(t testing.TB) *slog.Logger {
	w := &testWriter{t: t}
	t.Cleanup(func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.done = true
	})
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// testWriter writes log lines to t.Log until the test has finished.
type testWriter struct {
	mu   sync.Mutex
	t    testing.TB
	done bool
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.t.Log(strings.TrimSpace(string(p)))
	}
	return len(p), nil
}

// api wraps testsupport.APIClient with the GraphQL operations these tests need.
type api struct {
	*testsupport.APIClient
	t testing.TB
	// sentinels counts the sentinel workflows settle created.
	sentinels int
}

func newAPI(t testing.TB, db *testsupport.DB) *api {
	return &api{APIClient: testsupport.NewAPI(t, db), t: t}
}

// createUser creates a user and returns its id.
func (a *api) createUser(email string) string {
	a.t.Helper()
	var out struct{ CreateUser struct{ ID string } }
	a.MustData(`mutation($in: CreateUserInput!) { createUser(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"email": email, "name": "User " + email}}, &out)
	return out.CreateUser.ID
}

// createWorkflow creates an active workflow through the API, after checking that the
// definition passes the definition language's validation (which createWorkflow enforces).
func (a *api) createWorkflow(owner, name string, def spec.Definition) string {
	a.t.Helper()
	if err := workflow.Validate(def); err != nil {
		a.t.Fatalf("test workflow %q is invalid: %v", name, err)
	}
	actions := make([]any, len(def.Actions))
	for i, ac := range def.Actions {
		actions[i] = toJSON(a.t, ac)
	}
	// The workflow's author is whoever creates it: owner when given, else the admin.
	c := a.APIClient
	if owner != "" {
		c = a.APIClient.As(a.DB.Client.User.GetX(testsupport.Ctx(), uuid.MustParse(owner)))
	}
	in := map[string]any{
		"name": name, "triggerType": string(def.TriggerType),
		"triggerConfig": orEmpty(def.TriggerConfig), "conditions": orEmpty(def.Conditions), "actions": actions,
	}
	for k, rule := range map[string]any{"debounce": def.Debounce, "concurrency": def.Concurrency, "throttle": def.Throttle} {
		if v := toJSON(a.t, rule); v != nil {
			in[k] = v
		}
	}
	var out struct{ CreateWorkflow struct{ ID string } }
	c.MustData(`mutation($in: CreateWorkflowInput!) { createWorkflow(input: $in) { id } }`, map[string]any{"in": in}, &out)
	return out.CreateWorkflow.ID
}

// createClient creates a client and returns its id.
func (a *api) createClient(in map[string]any) string {
	a.t.Helper()
	var out struct{ CreateClient struct{ ID string } }
	a.MustData(`mutation($in: CreateClientInput!) { createClient(input: $in) { id } }`, map[string]any{"in": in}, &out)
	return out.CreateClient.ID
}

// trigger starts a MANUAL workflow and returns the execution id.
func (a *api) trigger(workflowID, clientID string, data map[string]any) string {
	a.t.Helper()
	vars := map[string]any{"id": workflowID, "data": data}
	if clientID != "" {
		vars["client"] = clientID
	}
	var out struct{ TriggerWorkflow struct{ ID, Status string } }
	a.MustData(`mutation($id: ID!, $client: ID, $data: Map) { triggerWorkflow(id: $id, clientId: $client, data: $data) { id status } }`, vars, &out)
	if out.TriggerWorkflow.Status != "PENDING" {
		a.t.Fatalf("triggerWorkflow returned status %s, want PENDING", out.TriggerWorkflow.Status)
	}
	return out.TriggerWorkflow.ID
}

// execution is an execution as the API shows it, with its logs.
type execution struct {
	ID           string
	Status       string
	CurrentStep  int
	ErrorMessage *string
	Depth        int
	Attempt      int
	StartedAt    *time.Time
	CompletedAt  *time.Time
	RunAt        time.Time
	TriggerData  map[string]any
	ExitReason   *string
	ExitMessage  *string
	Outputs      map[string]any
	Logs         []logRow
}

// logRow is one WorkflowExecutionLog.
type logRow struct {
	StepIndex    int
	ActionType   string
	Status       string
	InputData    map[string]any
	OutputData   map[string]any
	ErrorMessage *string
	Attempt      int
	DurationMs   int
	ExecutedAt   time.Time
	Path         string
	StepKey      *string
	Iteration    *int
	Branch       *string
	Run          int
}

const executionFields = `id status currentStep errorMessage depth attempt startedAt completedAt runAt triggerData exitReason exitMessage outputs
  logs(first: 100, orderBy: [{field: STEP_INDEX, direction: ASC}, {field: EXECUTED_AT, direction: ASC}]) { edges { node { stepIndex actionType status inputData outputData errorMessage attempt durationMs executedAt path stepKey iteration branch run } } }`

// execution reads one execution with its logs.
func (a *api) execution(id string) execution {
	a.t.Helper()
	var out struct {
		Node *struct {
			execution
			Logs struct{ Edges []struct{ Node logRow } }
		}
	}
	a.MustData(`query($id: ID!) { node(id: $id) { ... on WorkflowExecution { `+executionFields+` } } }`, map[string]any{"id": id}, &out)
	if out.Node == nil {
		a.t.Fatalf("execution %s not found", id)
	}
	ex := out.Node.execution
	for _, e := range out.Node.Logs.Edges {
		ex.Logs = append(ex.Logs, e.Node)
	}
	return ex
}

// executionsOf lists a workflow's executions, oldest first.
func (a *api) executionsOf(workflowID string) []execution {
	a.t.Helper()
	var out struct {
		Node struct {
			Executions struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
	}
	a.MustData(`query($id: ID!) { node(id: $id) { ... on Workflow {
		executions(first: 100, orderBy: [{field: CREATED_AT, direction: ASC}]) { edges { node { id } } } } } }`,
		map[string]any{"id": workflowID}, &out)
	var exs []execution
	for _, e := range out.Node.Executions.Edges {
		exs = append(exs, a.execution(e.Node.ID))
	}
	return exs
}

// waitFor polls until cond holds for the execution, or fails the test after waitTimeout.
func (a *api) waitFor(id string, what string, cond func(execution) bool) execution {
	a.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		ex := a.execution(id)
		if cond(ex) {
			return ex
		}
		if time.Now().After(deadline) {
			a.t.Fatalf("execution %s: still not %s after %s: %+v", id, what, waitTimeout, ex)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitStatus waits until the execution has one of the final statuses.
func (a *api) waitStatus(id string, status string) execution {
	a.t.Helper()
	ex := a.waitFor(id, status, func(ex execution) bool { return isFinal(ex.Status) })
	if ex.Status != status {
		a.t.Fatalf("execution %s ended %s (error %v), want %s; logs %+v", id, ex.Status, deref(ex.ErrorMessage), status, ex.Logs)
	}
	return ex
}

func isFinal(status string) bool {
	return status == "COMPLETED" || status == "FAILED" || status == "CANCELLED"
}

// waitUntil polls cond until it holds or fails the test after waitTimeout.
func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("still not %s after %s", what, waitTimeout)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func toJSON(t testing.TB, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// statuses summarises log rows as "0:CREATE_TASK:SUCCESS#1" strings, for assertions.
func statuses(logs []logRow) []string {
	out := make([]string, len(logs))
	for i, l := range logs {
		out[i] = fmt.Sprintf("%d:%s:%s#%d", l.StepIndex, l.ActionType, l.Status, l.Attempt)
	}
	return out
}

// manualRun starts an engine with cfg over db and creates what most single-workflow tests
// need: an owner, the client Ada and an active MANUAL workflow running actions. It returns
// the API client and the workflow's and client's ids.
func manualRun(t *testing.T, db *testsupport.DB, cfg engine.Config, actions ...spec.Action) (a *api, wf, client string) {
	t.Helper()
	a = newAPI(t, db)
	startEngine(t, db, cfg)
	owner := a.createUser("owner@example.com")
	client = a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
	wf = a.createWorkflow(owner, "w", spec.Definition{TriggerType: spec.TriggerManual, Actions: actions})
	return a, wf, client
}

// settle returns once the engine has gone past everything that is due now, so that a test
// can then assert that something did not happen. It triggers a one-step MANUAL sentinel
// workflow for client and waits for the sentinel to end. Workers claim due executions
// oldest run time first, so by then every execution that was due before the sentinel has
// been claimed; with cfg.Workers == 1 its run has also ended, since the only worker took the
// sentinel after letting go of it.
func (a *api) settle(client string) {
	a.t.Helper()
	a.sentinels++
	wf := a.createWorkflow("", fmt.Sprintf("sentinel %d", a.sentinels), spec.Definition{
		TriggerType: spec.TriggerManual,
		Actions:     []spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "sentinel"}}},
	})
	// Any end will do (a short execution timeout may fail it): it was claimed and run.
	a.waitFor(a.trigger(wf, client, nil), "finished", func(ex execution) bool { return isFinal(ex.Status) })
}

// startPingPong creates a workflow whose UPDATE_CLIENT re-triggers itself (it sets the
// status back to the old one on every status change) and starts the loop by changing a new
// client's status. It returns the workflow and client ids.
func (a *api) startPingPong() (wf, client string) {
	a.t.Helper()
	owner := a.createUser("owner@example.com")
	wf = a.createWorkflow(owner, "ping-pong", spec.Definition{
		TriggerType: spec.TriggerClientStatusChanged,
		Actions: []spec.Action{{Type: spec.ActionUpdateClient, Config: map[string]any{
			"set": map[string]any{"status": "{{trigger.oldStatus}}"},
		}}},
	})
	client = a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
	a.MustData(`mutation($id: ID!) { updateClient(id: $id, input: {status: ACTIVE}) { id } }`, map[string]any{"id": client}, nil)
	return wf, client
}
