package engine_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// benchWorkflow is a three-step internal workflow.
var benchWorkflow = []spec.Action{
	{Type: spec.ActionCreateTask, Config: map[string]any{"title": "Call {{client.name}}", "dueDays": 2}},
	{Type: spec.ActionAddTag, Config: map[string]any{"tag": "contacted"}},
	{Type: spec.ActionLogActivity, Config: map[string]any{"message": "Workflow {{workflow.name}} ran"}},
}

// benchSetup creates a user, n clients and the MANUAL bench workflow.
func benchSetup(b *testing.B, db *testsupport.DB, n int) (*ent.Workflow, []*ent.Contact) {
	b.Helper()
	ctx := testsupport.Ctx()
	u := db.Client.User.Create().SetEmail("bench@example.com").SetName("Bench").SaveX(ctx)
	wf := db.Client.Workflow.Create().SetName("bench").SetTriggerType(spec.TriggerManual).
		SetActions(benchWorkflow).SetCreatedByID(u.ID).SaveX(ctx)
	var clients []*ent.Contact
	for start := 0; start < n; start += 500 {
		bulk := make([]*ent.ContactCreate, 0, 500)
		for i := start; i < min(start+500, n); i++ {
			bulk = append(bulk, db.Client.Contact.Create().SetName(fmt.Sprintf("Client %d", i)).
				SetEmail(fmt.Sprintf("c%d@example.com", i)).SetOwnerID(u.ID))
		}
		clients = append(clients, db.Client.Contact.CreateBulk(bulk...).SaveX(ctx)...)
	}
	return wf, clients
}

// benchEngine runs an engine with the default settings (quiet) until the benchmark ends, and
// returns a channel that receives one value per run the engine ends (up to b.N waiting).
func benchEngine(b *testing.B, db *testsupport.DB) <-chan struct{} {
	cfg := engine.Config{Logger: slog.New(slog.DiscardHandler)}
	if db.Dialect == dialect.SQLite {
		cfg.PollInterval = 100 * time.Millisecond // SQLite has no notifications: workers poll
	}
	eng := engine.New(db.DB, cfg)
	ended := make(chan struct{}, b.N)
	eng.SignalEnded(ended)
	runEngine(b, eng)
	return ended
}

// trigger creates one PENDING execution of wf for c and commits it.
// benchAuthor creates a user and, written by them, the three-step bench workflow named name.
func benchAuthor(t testing.TB, db *testsupport.DB, name string) (*ent.User, *ent.Workflow) {
	t.Helper()
	ctx := testsupport.Ctx()
	u := db.Client.User.Create().SetEmail(name + "@example.com").SetName(name).SaveX(ctx)
	wf := db.Client.Workflow.Create().SetName(name).SetTriggerType(spec.TriggerManual).
		SetActions(benchWorkflow).SetCreatedByID(u.ID).SaveX(ctx)
	return u, wf
}

func benchTrigger(b testing.TB, db *testsupport.DB, wf *ent.Workflow, c *ent.Contact, ref string) *ent.WorkflowExecution {
	ctx := testsupport.Ctx()
	tx, err := db.Client.Tx(ctx)
	if err != nil {
		b.Fatal(err)
	}
	ex, err := events.Raiser{Dialect: db.Dialect}.Start(ctx, tx.Client(), wf, events.Targeted(spec.TriggerManual, wf.ID, ref, c, nil))
	if err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return ex
}

// BenchmarkEngineThroughput measures executions per second of the three-step internal
// workflow with one engine of 4 workers: b.N executions are queued, then run.
func BenchmarkEngineThroughput(b *testing.B) {
	for _, d := range testsupport.Dialects {
		for _, live := range []bool{false, true} {
			name := d
			if live {
				// As in production: every committed change is published for subscribers.
				name += "/change-events"
			}
			b.Run(name, func(b *testing.B) { engineThroughput(b, d, live, false) })
		}
	}
}

// BenchmarkEngineThroughputOneClient drains executions as the load tool's engine phase does:
// all on one client that has the tag already, so step 2 finds nothing to do.
func BenchmarkEngineThroughputOneClient(b *testing.B) {
	for _, d := range testsupport.Dialects {
		b.Run(d, func(b *testing.B) { engineThroughput(b, d, false, true) })
	}
}

func engineThroughput(b *testing.B, d string, live, oneClient bool) {
	db := testsupport.Open(b, d)
	if live {
		opts := testsupport.LiveOptions{}
		if db.Dialect == dialect.Postgres {
			opts.Bus = changes.NewPostgresBus(db.SQL, db.URL)
		}
		testsupport.StartLive(b, db, opts)
	}
	ctx := testsupport.Ctx()
	n := b.N
	if oneClient {
		n = 1
	}
	wf, clients := benchSetup(b, db, n)
	if oneClient {
		clients[0] = clients[0].Update().SetTags([]string{"contacted"}).SaveX(ctx)
	}
	for i := range b.N {
		benchTrigger(b, db, wf, clients[i%n], fmt.Sprintf("tp-%d", i))
	}
	b.ResetTimer()
	cpu0, db0 := processCPU(b), postgresCPU()
	start := time.Now()
	waitEnded(b, benchEngine(b, db), b.N)
	requireCompleted(b, db, b.N)
	// The drain ends at the last completion, not at the poll that saw it.
	last := db.Client.WorkflowExecution.Query().Order(ent.Desc(workflowexecution.FieldCompletedAt)).
		Where(workflowexecution.CompletedAtNotNil()).FirstX(ctx)
	elapsed := last.CompletedAt.Sub(start)
	cpu, dbCPU := processCPU(b)-cpu0, postgresCPU()-db0
	b.StopTimer()
	if tasks := db.Client.Task.Query().CountX(ctx); tasks != b.N {
		b.Fatalf("%d tasks for %d executions", tasks, b.N)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "executions/s")
	// The engine's own CPU (this process: the workers, and the poll above), the figure a
	// noisy machine moves least.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/execution")
	if db.Dialect == dialect.Postgres && dbCPU > 0 {
		// Every local PostgreSQL process's CPU (zero when the server runs elsewhere).
		b.ReportMetric(float64(dbCPU.Microseconds())/1000/float64(b.N), "db-cpu-ms/execution")
	}
}

// postgresCPU is the CPU time of the processes named postgres on this machine (the local
// server's backends, and through the postmaster's children's times those that ended), 0
// when there are none or /proc cannot be read.
func postgresCPU() time.Duration {
	dirs, _ := os.ReadDir("/proc")
	var ticks int64
	for _, d := range dirs {
		if comm, err := os.ReadFile("/proc/" + d.Name() + "/comm"); err != nil || strings.TrimSpace(string(comm)) != "postgres" {
			continue
		}
		stat, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue
		}
		// utime, stime, cutime and cstime are the 12th to 15th fields after the command's ")".
		fields := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		for _, f := range fields[11:15] {
			n, _ := strconv.ParseInt(f, 10, 64)
			ticks += n
		}
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ is 100 on Linux
}

// processCPU is the CPU time this process has used.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkTriggerLatency measures trigger-to-completion latency of the three-step internal
// workflow, one execution at a time: from the execution's creation (in the triggering
// transaction) to its completedAt.
func BenchmarkTriggerLatency(b *testing.B) {
	for _, d := range testsupport.Dialects {
		b.Run(d, func(b *testing.B) {
			db := testsupport.Open(b, d)
			ctx := testsupport.Ctx()
			wf, clients := benchSetup(b, db, b.N)
			ended := benchEngine(b, db)
			if db.Dialect == dialect.Postgres {
				// Measure notified claims, not the first poll: wait for the listener's session.
				waitUntil(b, "the engine listening", func() bool { return listenerPID(b, db) != 0 })
			}
			latencies := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := range b.N {
				ex := benchTrigger(b, db, wf, clients[i], fmt.Sprintf("lat-%d", i))
				waitEnded(b, ended, 1)
				got := db.Client.WorkflowExecution.GetX(ctx, ex.ID)
				if got.Status != workflowexecution.StatusCOMPLETED {
					b.Fatalf("execution ended %s: %v", got.Status, got.ErrorMessage)
				}
				latencies = append(latencies, got.CompletedAt.Sub(got.CreatedAt))
			}
			b.StopTimer()
			slices.Sort(latencies)
			ms := func(q float64) float64 {
				return float64(latencies[int(q*float64(len(latencies)-1))]) / float64(time.Millisecond)
			}
			b.ReportMetric(ms(0.50), "p50-ms")
			b.ReportMetric(ms(0.99), "p99-ms")
		})
	}
}

// waitEnded returns once the engine has ended n more runs (ended is benchEngine's).
func waitEnded(b *testing.B, ended <-chan struct{}, n int) {
	b.Helper()
	timeout := time.After(10 * time.Minute)
	for i := range n {
		select {
		case <-ended:
		case <-timeout:
			b.Fatalf("the engine ended %d of %d runs in 10 minutes", i, n)
		}
	}
}

// requireCompleted fails the benchmark unless n executions are COMPLETED.
func requireCompleted(b *testing.B, db *testsupport.DB, n int) {
	b.Helper()
	done := workflowexecution.StatusEQ(workflowexecution.StatusCOMPLETED)
	if got := db.Client.WorkflowExecution.Query().Where(done).CountX(testsupport.Ctx()); got != n {
		b.Fatalf("%d executions COMPLETED, want %d", got, n)
	}
}
