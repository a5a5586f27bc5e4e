package app

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/flowline/flowline/internal/loadtest"
)

// bench is `flowline bench`: a load run of one GraphQL request against a server.
func bench(args []string, stdout, stderr io.Writer) error {
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
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageErrorf("%v", err)
	}
	if fs.NArg() > 0 {
		return usageErrorf("unexpected argument %q (flags start with -)", fs.Arg(0))
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
