package engine_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// treeOf50 is a step tree that runs 50 steps: five IFs whose then branch (taken) holds nine
// LOG_ACTIVITY steps, the last of which reads the IF's output.
func treeOf50() []spec.Action {
	var out []spec.Action
	for i := range 5 {
		then := make([]spec.Action, 9)
		for j := range then {
			then[j] = spec.Action{Type: spec.ActionLogActivity, Config: map[string]any{"message": fmt.Sprintf("step %d.%d for {{client.name}}", i, j)}}
		}
		then[8].Config["message"] = fmt.Sprintf("branch {{steps.if%d.output.branch}}", i)
		out = append(out, spec.Action{Key: fmt.Sprintf("if%d", i), Type: spec.ActionIf,
			Config: map[string]any{"conditions": map[string]any{"field": "name", "operator": "starts_with", "value": "Client"}},
			Then:   then, Else: []spec.Action{{Type: spec.ActionStop, Config: map[string]any{}}}})
	}
	return out
}

// BenchmarkStepTree measures steps per second of executions of a 50-step tree (IF branches,
// an output read), one engine of 4 workers: b.N executions are queued, then run.
func BenchmarkStepTree(b *testing.B) {
	for _, d := range testsupport.Dialects {
		b.Run(d, func(b *testing.B) {
			db := testsupport.Open(b, d)
			ctx := testsupport.Ctx()
			wf, clients := benchSetup(b, db, b.N)
			wf = wf.Update().SetActions(treeOf50()).SaveX(ctx)
			for i := range b.N {
				benchTrigger(b, db, wf, clients[i], fmt.Sprintf("tree-%d", i))
			}
			elapsed := runQueued(b, db)
			if n := db.Client.Activity.Query().CountX(ctx); n != 45*b.N {
				b.Fatalf("%d timeline entries for %d executions, want 45 each", n, b.N)
			}
			b.ReportMetric(float64(50*b.N)/elapsed.Seconds(), "steps/s")
		})
	}
}

// BenchmarkLoopItems measures items per second of a FOR_EACH over 1,000 found clients with
// one internal effect (a timeline entry) per item; each op is one such execution.
func BenchmarkLoopItems(b *testing.B) {
	for _, d := range testsupport.Dialects {
		b.Run(d, func(b *testing.B) {
			db := testsupport.Open(b, d)
			ctx := testsupport.Ctx()
			wf, clients := benchSetup(b, db, loopClients)
			wf = wf.Update().SetActions([]spec.Action{
				{Key: "find", Type: spec.ActionFindClients, Config: map[string]any{"limit": loopClients}},
				{Type: spec.ActionForEach, Config: map[string]any{"items": "{{steps.find.output.clients}}", "as": "lead", "maxItems": loopClients}, Body: []spec.Action{
					{Type: spec.ActionLogActivity, Config: map[string]any{"clientId": "{{lead.id}}", "message": "item {{loop.index}}"}},
				}},
			}).SaveX(ctx)
			for i := range b.N {
				benchTrigger(b, db, wf, clients[i%len(clients)], fmt.Sprintf("loop-%d", i))
			}
			elapsed := runQueued(b, db)
			if n := db.Client.Activity.Query().CountX(ctx); n != loopClients*b.N {
				b.Fatalf("%d timeline entries, want %d", n, loopClients*b.N)
			}
			b.ReportMetric(float64(loopClients*b.N)/elapsed.Seconds(), "items/s")
		})
	}
}

// runQueued starts an engine over the b.N queued executions, waits until each has ended and
// returns how long that took, with the benchmark timer running only meanwhile.
func runQueued(b *testing.B, db *testsupport.DB) time.Duration {
	b.Helper()
	b.ResetTimer()
	start := time.Now()
	waitEnded(b, benchEngine(b, db), b.N)
	elapsed := time.Since(start)
	b.StopTimer()
	return elapsed
}
