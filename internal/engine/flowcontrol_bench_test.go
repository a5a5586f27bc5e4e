package engine_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// BenchmarkFlowControl measures the cost of the concurrency rule: b.N triggers of the
// three-step bench workflow (one per client), raised one transaction each (triggers/s), then
// run by one engine of 4 workers (executions/s), without a rule ("none"), with a limit of 1
// per client ("per-client": every key has room, so this is the price of the gated claim),
// and with a limit of 4 for the whole workflow ("shared": one key, as many slots as workers).
func BenchmarkFlowControl(b *testing.B) {
	rules := []struct {
		name string
		rule *spec.Concurrency
	}{
		{"none", nil},
		{"per-client", &spec.Concurrency{Limit: 1, Key: "{{client.id}}"}},
		{"shared", &spec.Concurrency{Limit: 4}},
	}
	for _, d := range testsupport.Dialects {
		for _, r := range rules {
			b.Run(d+"/"+r.name, func(b *testing.B) {
				db := testsupport.Open(b, d)
				ctx := testsupport.Ctx()
				wf, clients := benchSetup(b, db, b.N)
				if r.rule != nil {
					wf = wf.Update().SetConcurrency(r.rule).SaveX(ctx)
				}
				b.ResetTimer()
				start := time.Now()
				for i := range b.N {
					benchTrigger(b, db, wf, clients[i], fmt.Sprintf("fc-%d", i))
				}
				triggered := time.Since(start)
				start = time.Now()
				waitEnded(b, benchEngine(b, db), b.N)
				requireCompleted(b, db, b.N)
				ran := time.Since(start)
				b.StopTimer()
				b.ReportMetric(float64(b.N)/triggered.Seconds(), "triggers/s")
				b.ReportMetric(float64(b.N)/ran.Seconds(), "executions/s")
			})
		}
	}
}
