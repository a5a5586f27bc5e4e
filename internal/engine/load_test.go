package engine_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/activity"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// lockedBuf is a log destination shared by goroutines.
type lockedBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// TestAPIAndEnginesUnderLoad: 16 API clients each rename their own client 25 times while two
// engines of 8 workers run the three-step workflow every change triggers. Nothing gives way
// under the load (on SQLite, writers queue instead of failing with "database is locked"):
//   - every API call succeeds;
//   - every change starts exactly one execution: the 400 renames, plus the 16 first ADD_TAG
//     steps, which change each client's tags once (later ones change nothing);
//   - every execution completes, each step once: one SUCCESS log row per step and no FAILED
//     row, one task and one activity per execution (internal actions are exactly once);
//   - each client ends with its last name and the tag, once;
//   - the engines log no error.
func TestAPIAndEnginesUnderLoad(t *testing.T) {
	t.Parallel()
	// The dialects run one after the other, as in every testsupport.Each test, not in parallel:
	// the two load runs must not add up to twice the load the assertions are meant for.
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		var engineLog lockedBuf
		cfg := testConfig(t)
		cfg.Workers = 8
		// No lease may expire here (a takeover logs a FAILED try, which the test forbids): on a
		// loaded 2-core machine SQLite's single writer can hold a step past the usual 2 s.
		cfg.LeaseDuration = 15 * time.Second
		cfg.Logger = slog.New(slog.NewTextHandler(&engineLog, &slog.HandlerOptions{Level: slog.LevelWarn}))
		startEngine(t, db, cfg)
		startEngine(t, db, cfg) // a second engine, with its own lease owner name
		owner := a.createUser("owner@example.com")
		wf := a.createWorkflow(owner, "3 steps", spec.Definition{TriggerType: spec.TriggerClientUpdated, Actions: []spec.Action{
			{Type: spec.ActionLogActivity, Config: map[string]any{"message": "{{client.name}}"}},
			{Type: spec.ActionCreateTask, Config: map[string]any{"title": "t {{client.name}}"}},
			{Type: spec.ActionAddTag, Config: map[string]any{"tag": "seen"}},
		}})
		const G, N = 16, 25 // API clients, renames each
		var ids []string
		for g := range G {
			ids = append(ids, a.createClient(map[string]any{"name": fmt.Sprintf("c%d", g), "email": fmt.Sprintf("c%d@example.com", g)}))
		}
		var wg sync.WaitGroup
		var apiErrs sync.Map
		for g := range G {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range N {
					// Do, not MustData: a failure must not end the test from this goroutine.
					res := a.Do(`mutation($id: ID!, $n: String!) { updateClient(id: $id, input: {name: $n}) { id } }`,
						map[string]any{"id": ids[g], "n": fmt.Sprintf("c%d-%d", g, i)})
					if res.Status != 200 || len(res.Errors) > 0 {
						apiErrs.Store(fmt.Sprintf("status %d: %v", res.Status, res.Errors), true)
					}
				}
			}()
		}
		wg.Wait()
		apiErrs.Range(func(k, _ any) bool { t.Errorf("API error under load: %v", k); return true })

		ctx := testsupport.Ctx()
		const want = G*N + G
		// Executions are created by the renames (all returned by now) and by the ADD_TAG
		// steps of running executions, in the step's transaction: once none is PENDING or
		// RUNNING, no more can appear, and the counts below are final.
		waitUntil(t, "every execution ended", func() bool {
			n := db.Client.WorkflowExecution.Query().Where(workflowexecution.StatusIn(
				workflowexecution.StatusPENDING, workflowexecution.StatusRUNNING)).CountX(ctx)
			return n == 0
		})
		exs := db.Client.WorkflowExecution.Query().Where(workflowexecution.WorkflowID(uuid.MustParse(wf))).AllX(ctx)
		if len(exs) != want {
			t.Errorf("%d executions, want %d (%d renames + %d first tags)", len(exs), want, G*N, G)
		}
		for _, ex := range exs {
			if ex.Status != workflowexecution.StatusCOMPLETED {
				t.Errorf("execution %s ended %s: %s", ex.ID, ex.Status, deref(ex.ErrorMessage))
			}
		}

		logs := db.Client.WorkflowExecutionLog.Query().AllX(ctx)
		steps := map[string]int{} // "<execution>/<step>" -> SUCCESS rows
		for _, l := range logs {
			if l.Status != workflowexecutionlog.StatusSUCCESS {
				t.Errorf("execution %s step %d logged %s: %s", l.ExecutionID, l.StepIndex, l.Status, deref(l.ErrorMessage))
				continue
			}
			steps[fmt.Sprintf("%s/%d", l.ExecutionID, l.StepIndex)]++
		}
		for _, ex := range exs {
			for step := range 3 {
				if n := steps[fmt.Sprintf("%s/%d", ex.ID, step)]; n != 1 {
					t.Errorf("execution %s step %d succeeded %d times, want once", ex.ID, step, n)
				}
			}
		}
		if n := db.Client.Task.Query().CountX(ctx); n != len(exs) {
			t.Errorf("%d tasks for %d executions, want one each", n, len(exs))
		}
		if n := db.Client.Activity.Query().Where(activity.KindEQ("workflow")).CountX(ctx); n != len(exs) {
			t.Errorf("%d workflow activities for %d executions, want one each", n, len(exs))
		}
		for g, id := range ids {
			c := db.Client.Contact.GetX(ctx, uuid.MustParse(id))
			if wantName := fmt.Sprintf("c%d-%d", g, N-1); c.Name != wantName || !slices.Equal(c.Tags, []string{"seen"}) {
				t.Errorf("client %d ended as %q tagged %v, want %q tagged [seen]", g, c.Name, c.Tags, wantName)
			}
		}
		if s := engineLog.String(); strings.Contains(s, "level=ERROR") || strings.Contains(s, "locked") || strings.Contains(s, "BUSY") {
			t.Errorf("the engines logged errors under load:\n%.4000s", s)
		}
	})
}
