package loadtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	_ "github.com/lib/pq" // the suite's own connection to PostgreSQL
)

// SuiteOptions configure `flowline bench suite`: the whole measurement, from an empty
// schema to the report.
type SuiteOptions struct {
	DatabaseURL string   // PostgreSQL; the suite works in Schema of this database
	Schema      string   // dropped and created again at the start
	Out         string   // the directory for the report, the CSV, captured SQL and server logs
	Command     []string // how to run the Flowline binary (the server under test)
	Env         []string // extra environment for it

	Dataset          Dataset
	Duration         time.Duration // of each timed run
	Concurrency      []int
	Rounds           int   // the read runs, Flowline, the peers, then pgbench, repeated
	CaptureRequests  int   // requests whose SQL is captured and counted
	EngineExecutions int   // the backlog the worker drains
	LatencyEvents    int   // single events, one at a time
	EngineWorkers    int   // WORKERS of the worker process; pgbench's engine floor runs as many clients
	ClaimBacklogs    []int // the due executions the engine's claim is measured against, in order
	Claims           int   // claims measured against each backlog (fewer than the smallest)
	Pgbench          string
	DropAfter        bool
	Peers            []Peer    // measured beside Flowline in the read rounds; none by default
	PeerDir          string    // where the peers are installed with npm (a cache, not the repository)
	Log              io.Writer // progress lines
}

// ReferenceOptions are the reference run (with the peers, 10–15 minutes on 2 cores).
func ReferenceOptions() SuiteOptions {
	return SuiteOptions{Schema: "flowline_bench", Out: "bench-results", Dataset: ReferenceDataset,
		Duration: 20 * time.Second, Concurrency: []int{1, 16}, Rounds: 2, CaptureRequests: 50,
		EngineExecutions: 20_000, LatencyEvents: 100, EngineWorkers: 4, Pgbench: "pgbench",
		ClaimBacklogs: []int{1_000, 300_000}, Claims: 900}
}

// SmokeOptions run every phase on a tiny dataset for about a second each: CI's check that
// the instrument works, not a measurement.
func SmokeOptions() SuiteOptions {
	o := ReferenceOptions()
	o.Dataset, o.Duration, o.Rounds, o.CaptureRequests = SmokeDataset, time.Second, 1, 5
	o.EngineExecutions, o.LatencyEvents = 200, 3
	o.ClaimBacklogs, o.Claims = []int{100, 1_000}, 50
	return o
}

// suite is one run of the suite.
type suite struct {
	opts      SuiteOptions
	jwtSecret string
	db        *sql.DB
	dbURL     string // the server's URL: the suite's schema first on the search path
	proxyURL  string // the same through the capture proxy
	proxy     *pgProxy
	token     string
	report    *Report
	tpl       templates

	api         *server  // the API process of the read and engine phases
	readScript  string   // the dashboard read's captured SQL, for pgbench
	readDefines []string // its values, pgbench's -D name=value
	pgbenchPath string   // empty: pgbench is not installed, its rows are left out
	database    database // PostgreSQL's processes, when they run on this machine
}

var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// RunSuite runs every phase and writes the report (results.md, results.csv) to opts.Out.
func RunSuite(ctx context.Context, opts SuiteOptions) (*Report, error) {
	if opts.DatabaseURL == "" || len(opts.Command) == 0 || opts.Out == "" || opts.Duration <= 0 || len(opts.Concurrency) == 0 {
		return nil, errors.New("bench suite needs a PostgreSQL URL, the server command, an output directory, a duration and concurrencies")
	}
	if len(opts.Peers) > 0 && opts.PeerDir == "" {
		return nil, errors.New("bench suite: peers need a directory to be installed in (PeerDir)")
	}
	if !schemaName.MatchString(opts.Schema) {
		return nil, fmt.Errorf("bench suite: schema %q is not a plain lower-case SQL name", opts.Schema)
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if err := os.MkdirAll(opts.Out, 0o750); err != nil {
		return nil, fmt.Errorf("create the output directory: %w", err)
	}
	st := &suite{opts: opts, jwtSecret: randomText(), report: newReport(opts)}
	if opts.Pgbench != "" {
		if p, err := exec.LookPath(opts.Pgbench); err == nil {
			st.pgbenchPath = p
		} else {
			st.logf("pgbench not found (%v): the floor is left out", err)
		}
	}
	if err := st.connect(ctx); err != nil {
		return nil, err
	}
	defer st.close()
	phases := []struct {
		name string
		run  func(context.Context) error
	}{
		{"prepare", st.prepare}, {"seed", st.seedPhase}, {"capture", st.capturePhase},
		{"reads", st.readPhase}, {"claims", st.claimsPhase}, {"engine", st.enginePhase},
	}
	for _, p := range phases {
		st.logf("%s (load %s)", p.name, loadAverage())
		if err := p.run(ctx); err != nil {
			return st.report, fmt.Errorf("bench suite, %s: %w", p.name, err)
		}
	}
	st.report.Finished = time.Now().UTC()
	if err := st.report.write(opts.Out); err != nil {
		return st.report, err
	}
	st.logf("wrote %s and %s", filepath.Join(opts.Out, "results.md"), filepath.Join(opts.Out, "results.csv"))
	return st.report, nil
}

func (st *suite) logf(format string, args ...any) {
	_, _ = fmt.Fprintf(st.opts.Log, "[%s] %s\n", time.Now().UTC().Format("15:04:05"), fmt.Sprintf(format, args...))
}

// connect makes a fresh schema, the server's URLs and the capture proxy.
func (st *suite) connect(ctx context.Context) error {
	u, err := url.Parse(st.opts.DatabaseURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return fmt.Errorf("bench suite needs a postgres:// URL, got %q", st.opts.DatabaseURL)
	}
	admin, err := sql.Open("postgres", st.opts.DatabaseURL)
	if err != nil {
		return fmt.Errorf("open PostgreSQL: %w", err)
	}
	defer func() { _ = admin.Close() }()
	if _, err := admin.ExecContext(ctx, "DROP SCHEMA IF EXISTS "+st.opts.Schema+" CASCADE"); err != nil {
		return fmt.Errorf("drop the old bench schema: %w", err)
	}
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+st.opts.Schema); err != nil {
		return fmt.Errorf("create the bench schema: %w", err)
	}
	q := u.Query()
	q.Set("search_path", st.opts.Schema)
	u.RawQuery = q.Encode()
	st.dbURL = u.String()
	host := u.Host
	if u.Port() == "" {
		host += ":5432"
	}
	if st.proxy, err = startProxy(host); err != nil {
		return err
	}
	u.Host = st.proxy.Addr()
	st.proxyURL = u.String()
	if st.db, err = sql.Open("postgres", st.dbURL); err != nil {
		return fmt.Errorf("open PostgreSQL: %w", err)
	}
	st.database = localDatabase(ctx, st.db)
	if st.report.DatabaseCPU = st.database.postmaster != 0; !st.report.DatabaseCPU {
		st.logf("PostgreSQL does not run on this machine (or its processes are not visible): its CPU time is not measured")
	}
	return nil
}

func (st *suite) close() {
	if st.proxy != nil {
		st.proxy.Close()
	}
	if st.db != nil {
		if st.opts.DropAfter {
			_, _ = st.db.ExecContext(context.Background(), "DROP SCHEMA IF EXISTS "+st.opts.Schema+" CASCADE")
		}
		_ = st.db.Close()
	}
}

// prepare migrates the schema with `flowline migrate` and creates the admin and its token
// with `flowline user create`: the same code paths as an operator's.
func (st *suite) prepare(ctx context.Context) error {
	if _, err := st.command(ctx, st.dbURL, "migrate"); err != nil {
		return err
	}
	out, err := st.command(ctx, st.dbURL, "user", "create", "--email", "bench-admin@flowline.local",
		"--name", "Bench admin", "--role", "ADMIN", "--token")
	if err != nil {
		return err
	}
	st.token = strings.TrimSpace(out)
	return nil
}

// randomText is a JWT secret for the servers: 52 random base32 characters.
func randomText() string { return rand.Text() + rand.Text() }
