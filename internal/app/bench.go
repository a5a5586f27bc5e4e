package app

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/flowline/flowline/internal/loadtest"
)

// bench is `flowline bench`: a load run of one GraphQL request against a server, or with
// `suite` the whole measurement (benchSuite).
func bench(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "suite" {
		return benchSuite(args[1:], stderr)
	}
	fs := flag.NewFlagSet("flowline bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", "http://127.0.0.1:8080/query", "the GraphQL endpoint")
	token := fs.String("token", os.Getenv("FLOWLINE_TOKEN"), "a bearer token (env FLOWLINE_TOKEN)")
	concurrency := fs.Int("concurrency", 16, "clients sending at once")
	fs.IntVar(concurrency, "c", 16, "short for -concurrency")
	duration := fs.Duration("duration", 20*time.Second, "how long to run")
	fs.DurationVar(duration, "d", 20*time.Second, "short for -duration")
	queryFile := fs.String("query", "", "a file with the query to send (default: the dashboard's 20x10x10 nested read)")
	vars := fs.String("vars", "", "the query's variables as JSON (default: the dashboard's page sizes)")
	if err := parseBenchFlags(fs, args); err != nil {
		return err
	}
	opts := loadtest.Options{URL: *url, Token: *token, Concurrency: *concurrency, Duration: *duration,
		Query: loadtest.DashboardQuery, Variables: loadtest.DashboardVariables}
	if *queryFile != "" {
		b, err := os.ReadFile(*queryFile)
		if err != nil {
			return fmt.Errorf("read the query: %w", err)
		}
		opts.Query, opts.Variables = string(b), nil
	}
	if *vars != "" {
		if err := json.Unmarshal([]byte(*vars), &opts.Variables); err != nil {
			return usageErrorf("-vars must be a JSON object: %v", err)
		}
	}
	res, err := loadtest.Run(context.Background(), opts)
	if err != nil {
		return err
	}
	_, _ = fmt.Fprintln(stdout, res)
	if res.Errors > 0 {
		return fmt.Errorf("%d of %d requests failed", res.Errors, res.Requests)
	}
	return nil
}

// benchSuite is `flowline bench suite`: seeds a PostgreSQL schema, runs this binary as the
// server (API, then worker), pgbench beside it, and writes the report.
func benchSuite(args []string, stderr io.Writer) error {
	opts := loadtest.ReferenceOptions()
	fs := flag.NewFlagSet("flowline bench suite", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opts.DatabaseURL, "database-url", os.Getenv("DATABASE_URL"), "PostgreSQL URL (env DATABASE_URL); the suite works in -schema")
	fs.StringVar(&opts.Schema, "schema", opts.Schema, "the schema to (re)create and seed; dropped first")
	fs.StringVar(&opts.Out, "out", opts.Out, "directory for results.md, results.csv, the captured SQL and the server logs")
	smoke := fs.Bool("smoke", false, "a tiny dataset and one-second runs: checks the instrument, measures nothing")
	duration := fs.Duration("duration", 0, "each timed run (default 20s, 1s with -smoke)")
	rounds := fs.Int("rounds", 0, "read rounds, Flowline, the peers, then pgbench; also the measurements of each claim backlog (default 2, 1 with -smoke)")
	executions := fs.Int("executions", 0, "the engine backlog to drain (default 20000, 200 with -smoke)")
	fs.StringVar(&opts.Pgbench, "pgbench", opts.Pgbench, "the pgbench command; empty: leave the floor out")
	fs.BoolVar(&opts.DropAfter, "drop", false, "drop the schema at the end")
	server := fs.String("server", "", "the Flowline binary to measure (default: this one)")
	peers := fs.String("peers", "", "peers measured beside Flowline in the read rounds, e.g. v5,v4 (PostGraphile, installed with npm into -peer-dir)")
	fs.StringVar(&opts.PeerDir, "peer-dir", defaultPeerDir(), "where the peers are installed (a cache, not the repository)")
	if err := parseBenchFlags(fs, args); err != nil {
		return err
	}
	if opts.DatabaseURL == "" {
		return usageErrorf("bench suite needs -database-url (or DATABASE_URL), a PostgreSQL URL")
	}
	parsed, err := loadtest.ParsePeers(*peers)
	if err != nil {
		return usageErrorf("-peers: %v", err)
	}
	opts.Peers = parsed
	if *smoke {
		s := loadtest.SmokeOptions()
		opts.Dataset, opts.Duration, opts.Rounds, opts.CaptureRequests = s.Dataset, s.Duration, s.Rounds, s.CaptureRequests
		opts.EngineExecutions, opts.LatencyEvents = s.EngineExecutions, s.LatencyEvents
	}
	if *duration > 0 {
		opts.Duration = *duration
	}
	if *rounds > 0 {
		opts.Rounds = *rounds
	}
	if *executions > 0 {
		opts.EngineExecutions = *executions
	}
	bin := *server
	if bin == "" {
		exe, err := os.Executable()
		if err != nil {
			return fmt.Errorf("find this binary: %w", err)
		}
		bin = exe
	}
	opts.Command, opts.Log = []string{bin}, stderr
	report, err := loadtest.RunSuite(context.Background(), opts)
	if err != nil {
		return err
	}
	_, _ = fmt.Fprint(stderr, report.Markdown())
	return nil
}

// defaultPeerDir is the user's cache directory's flowline-peers.
func defaultPeerDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "flowline-peers")
}

// parseBenchFlags parses a bench subcommand's flags: -h is passed up as flag.ErrHelp, and a
// bad flag or a stray argument is a usage error.
func parseBenchFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageErrorf("%v", err)
	}
	if fs.NArg() > 0 {
		return usageErrorf("unexpected argument %q (flags start with -)", fs.Arg(0))
	}
	return nil
}
