package loadtest_test

import (
	"context"
	"crypto/rand"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/loadtest"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestBenchSmoke runs the whole suite in its smoke mode against PostgreSQL, with this test
// binary as the server: migrate and create the admin through the CLI, seed, capture the
// read's SQL, the read rounds with pgbench beside them, the pages, the engine drain, single
// events and the engine floor; then checks the report and the CSV.
func TestBenchSmoke(t *testing.T) {
	t.Parallel()
	testsupport.RequirePostgres(t)
	opts := loadtest.SmokeOptions()
	opts.DatabaseURL = testsupport.PostgresURL()
	opts.Schema = "bench_smoke_" + strings.ToLower(rand.Text()[:10])
	opts.Out = t.TempDir()
	opts.Command = []string{os.Args[0]}
	opts.Env = []string{"FLOWLINE_BENCH_CHILD=1"}
	opts.DropAfter = true
	report, err := loadtest.RunSuite(context.Background(), opts)
	if err != nil {
		t.Fatalf("RunSuite: %v", err)
	}
	if report.StatementsPerRequest <= 0 || report.RoundTripsPerRequest < report.StatementsPerRequest {
		t.Errorf("SQL per request = %.1f statements in %.1f round trips, want both measured", report.StatementsPerRequest, report.RoundTripsPerRequest)
	}
	if report.EngineStatements == 0 {
		t.Error("the engine's statements were not captured")
	}
	if report.ServerErrors != 0 {
		t.Errorf("the servers logged %d ERROR lines", report.ServerErrors)
	}
	for _, c := range opts.Concurrency {
		if m, ok := report.Find("dashboard read", "Flowline", c); !ok || m.Rate <= 0 || m.P50 <= 0 || m.CPUPerOp <= 0 || m.PeakRSS <= 0 {
			t.Errorf("dashboard read at c=%d: %+v (found %v)", c, m, ok)
		}
	}
	for _, want := range []struct{ phase, system string }{
		{"page 10×10, 12-", "Flowline"}, {"page 10×10, 300-", "Flowline"}, {"engine drain", "Flowline"},
	} {
		if m, ok := report.Find(want.phase, want.system, 0); !ok || m.Rate <= 0 {
			t.Errorf("%s, %s: %+v (found %v)", want.phase, want.system, m, ok)
		}
	}
	if report.DatabaseCPU {
		for _, want := range []struct {
			phase, system string
			client        bool
		}{{"dashboard read", "Flowline", true}, {"dashboard read", "pgbench", true}, {"engine drain", "Flowline", false}, {"engine drain", "pgbench", true}} {
			if m, _ := report.Find(want.phase, want.system, 0); m.DBCPUPerOp <= 0 || (want.client && m.ClientCPUPerOp <= 0) {
				t.Errorf("%s, %s: database CPU %s and client CPU %s per operation, want them measured", want.phase, want.system, m.DBCPUPerOp, m.ClientCPUPerOp)
			}
		}
	} else {
		t.Log("PostgreSQL's processes are not visible from here: its CPU time per operation was not measured")
	}
	if m, ok := report.Find("single events, trigger → completion", "Flowline", 1); !ok || m.P50 <= 0 || m.Count != opts.LatencyEvents {
		t.Errorf("single events: %+v (found %v)", m, ok)
	}
	if _, err := os.Stat("/usr/bin/pgbench"); err == nil {
		for _, phase := range []string{"dashboard read", "engine drain", "claim, 100 due", "claim, 1000 due"} {
			if m, ok := report.Find(phase, "pgbench", 0); !ok || m.Rate <= 0 {
				t.Errorf("pgbench, %s: %+v (found %v)", phase, m, ok)
			}
		}
		// The engine's floor in both shapes: steps as BEGIN … COMMIT blocks, and as sent.
		for _, system := range []string{"pgbench (the engine's transactions)", "pgbench (the engine's statements as sent)"} {
			if m, ok := report.Find("engine drain", system, 0); !ok || m.Rate <= 0 {
				t.Errorf("%s: %+v (found %v)", system, m, ok)
			}
		}
		if m, _ := report.Find("claim, 1000 due", "pgbench", 0); m.Count != opts.Claims {
			t.Errorf("%d claims measured against the larger backlog, want %d", m.Count, opts.Claims)
		}
	}

	md, err := os.ReadFile(filepath.Join(opts.Out, "results.md"))
	if err != nil || !strings.Contains(string(md), "| dashboard read 20×10×10 | Flowline | 16 |") || !strings.Contains(string(md), "Ratios:") {
		t.Errorf("results.md: %v\n%s", err, md)
	}
	f, err := os.Open(filepath.Join(opts.Out, "results.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != len(report.Measurements)+1 || rows[0][0] != "round" {
		t.Errorf("results.csv: %v, %d rows for %d measurements", err, len(rows), len(report.Measurements))
	}
	for _, name := range []string{"read-captured.sql", "engine-captured.sql", "server-api.log", "server-worker.log"} {
		if st, err := os.Stat(filepath.Join(opts.Out, name)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestBenchSmokeWithPeers runs the smoke suite with PostGraphile v5 and v4 beside Flowline
// (installed with npm into the user's cache on first use, so it needs npm and is off unless
// FLOWLINE_BENCH_PEERS=1): each peer answers the dashboard read with Flowline's rows, is
// measured in the same round at each concurrency, and gets its ratio line.
func TestBenchSmokeWithPeers(t *testing.T) {
	if os.Getenv("FLOWLINE_BENCH_PEERS") != "1" {
		t.Skip("SKIPPED: PostGraphile is measured only on request (it installs npm packages): set FLOWLINE_BENCH_PEERS=1 to run this test")
	}
	t.Parallel()
	testsupport.RequirePostgres(t)
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	opts := loadtest.SmokeOptions()
	opts.DatabaseURL = testsupport.PostgresURL()
	opts.Schema = "bench_peers_" + strings.ToLower(rand.Text()[:10])
	opts.Out = t.TempDir()
	opts.Command = []string{os.Args[0]}
	opts.Env = []string{"FLOWLINE_BENCH_CHILD=1"}
	opts.DropAfter = true
	opts.PeerDir = filepath.Join(cache, "flowline-peers")
	if opts.Peers, err = loadtest.ParsePeers("v5,v4"); err != nil {
		t.Fatal(err)
	}
	report, err := loadtest.RunSuite(context.Background(), opts)
	if err != nil {
		t.Fatalf("RunSuite: %v", err)
	}
	if len(report.Notes) != 2 || !strings.Contains(report.Notes[0], "with Flowline's rows") || !strings.Contains(report.Notes[1], "with Flowline's rows") {
		t.Fatalf("notes = %q, want both peers answering like Flowline", report.Notes)
	}
	ratios := strings.Join(report.Ratios(), "\n")
	for _, system := range []string{"PostGraphile v5", "PostGraphile v4"} {
		for _, c := range opts.Concurrency {
			if m, ok := report.Find("dashboard read", system, c); !ok || m.Rate <= 0 || m.P99 <= 0 || m.CPUPerOp <= 0 || m.PeakRSS <= 0 {
				t.Errorf("%s at c=%d: %+v (found %v)", system, c, m, ok)
			}
			if want := fmt.Sprintf("c=%d, round 1: Flowline ÷ %s", c, system); !strings.Contains(ratios, want) {
				t.Errorf("no ratio line %q in\n%s", want, ratios)
			}
		}
	}
}
