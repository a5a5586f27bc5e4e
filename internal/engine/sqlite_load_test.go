package engine_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

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

func TestAPIAndEnginesUnderLoad(t *testing.T) {
	for _, d := range []string{"sqlite3", "postgres"} {
		t.Run(d, func(t *testing.T) {
			db := testsupport.Open(t, d)
			a := newAPI(t, db)
			var buf lockedBuf
			cfg := testConfig(t)
			cfg.Workers = 8
			cfg.Logger = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn}))
			startEngine(t, db, cfg)
			cfg2 := cfg
			startEngine(t, db, cfg2)
			owner := a.createUser("owner@example.com")
			a.createWorkflow(owner, "3 steps", spec.Definition{TriggerType: spec.TriggerClientUpdated, Actions: []spec.Action{
				{Type: spec.ActionLogActivity, Config: map[string]any{"message": "{{client.name}}"}},
				{Type: spec.ActionCreateTask, Config: map[string]any{"title": "t {{client.name}}"}},
				{Type: spec.ActionAddTag, Config: map[string]any{"tag": "seen"}},
			}})
			const G, N = 16, 25
			var ids []string
			for g := range G {
				ids = append(ids, a.createClient(map[string]any{"name": fmt.Sprintf("c%d", g), "email": fmt.Sprintf("c%d@example.com", g)}))
			}
			var wg sync.WaitGroup
			var apiErrs sync.Map
			start := time.Now()
			for g := range G {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range N {
						res := a.Do(`mutation($id: ID!, $n: String!) { updateClient(id: $id, input: {name: $n}) { id } }`,
							map[string]any{"id": ids[g], "n": fmt.Sprintf("c%d-%d", g, i)})
						if len(res.Errors) > 0 {
							apiErrs.Store(fmt.Sprint(res.Errors), true)
						}
					}
				}()
			}
			wg.Wait()
			t.Logf("api done in %s", time.Since(start))
			ctx := testsupport.Ctx()
			// G*N name changes + G first ADD_TAG changes (tags) -> +G more executions
			waitUntil(t, "settled", func() bool {
				n := db.Client.WorkflowExecution.Query().Where(workflowexecution.StatusIn(workflowexecution.StatusPENDING, workflowexecution.StatusRUNNING)).CountX(ctx)
				return n == 0
			})
			total := db.Client.WorkflowExecution.Query().CountX(ctx)
			failed := db.Client.WorkflowExecutionLog.Query().Where(workflowexecutionlog.StatusEQ(workflowexecutionlog.StatusFAILED)).AllX(ctx)
			t.Logf("executions=%d failedLogs=%d in %s", total, len(failed), time.Since(start))
			for i, f := range failed {
				if i < 3 {
					t.Logf("failed log: %v", deref(f.ErrorMessage))
				}
			}
			apiErrs.Range(func(k, _ any) bool { t.Logf("api error: %v", k); return true })
			if s := buf.String(); strings.Contains(s, "lock") || strings.Contains(s, "BUSY") {
				t.Logf("engine log: %.2000s", s)
			}
		})
	}
}
