package loadtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// PageQuery is one workflow's newest 10 executions with 10 log rows each: the page whose
// cost must follow the page, not the workflow's history.
const PageQuery = `query Page($id: ID!) { node(id: $id) { ... on Workflow {
  executions(first: 10, orderBy: [{field: CREATED_AT, direction: DESC}]) { edges { node { id status
    logs(first: 10) { edges { node { id status stepIndex } } } } } } } } }`

// capturePhase runs an API server whose SQL goes through the proxy, sends the dashboard
// read CaptureRequests times one after the other, and counts the statements and round trips
// each request made. The last request's statements become the pgbench read floor.
func (st *suite) capturePhase(ctx context.Context) error {
	api, err := st.start(ctx, "capture", "api", st.proxyURL)
	if err != nil {
		return err
	}
	defer api.stop()
	read := func() error {
		return gql(ctx, api.URL(), st.token, DashboardQuery, DashboardVariables, nil)
	}
	for range 5 { // warm: caches, connections
		if err := read(); err != nil {
			return fmt.Errorf("dashboard read: %w", err)
		}
	}
	var total, trips int
	var last []captured
	for range max(st.opts.CaptureRequests, 1) {
		from := time.Now()
		if err := read(); err != nil {
			return fmt.Errorf("dashboard read: %w", err)
		}
		stmts, n := st.proxy.Between(from, time.Now())
		total, trips, last = total+len(stmts), trips+n, stmts
	}
	n := float64(max(st.opts.CaptureRequests, 1))
	st.report.StatementsPerRequest, st.report.RoundTripsPerRequest = float64(total)/n, float64(trips)/n
	st.readScript, st.readDefines = pgbenchScript(last)
	api.stop()
	st.report.ServerErrors += api.errorLines()
	if err := os.WriteFile(filepath.Join(st.opts.Out, "read-captured.sql"), []byte(readable(last)), 0o600); err != nil {
		return fmt.Errorf("write the captured read: %w", err)
	}
	return nil
}

// readPhase starts the API server (connected to PostgreSQL directly) and runs the rounds:
// the dashboard read from Flowline, then its captured SQL from pgbench, at each concurrency;
// then the long-history page against an ordinary one.
func (st *suite) readPhase(ctx context.Context) error {
	api, err := st.start(ctx, "api", "api", st.dbURL)
	if err != nil {
		return err
	}
	st.api = api
	warm := Options{URL: api.URL(), Token: st.token, Query: DashboardQuery, Variables: DashboardVariables,
		Concurrency: 4, Duration: min(st.opts.Duration, 3*time.Second)}
	if _, err := Run(ctx, warm); err != nil {
		return err
	}
	peers, err := st.startPeers(ctx, api)
	if err != nil {
		return err
	}
	defer func() {
		for _, p := range peers {
			p.srv.stop()
		}
	}()
	for _, p := range peers {
		pw := warm
		pw.URL, pw.Token, pw.Query = p.srv.URL(), "", p.Query
		if _, err := Run(ctx, pw); err != nil {
			return fmt.Errorf("%s, warm-up: %w", p.System, err)
		}
	}
	for round := 1; round <= max(st.opts.Rounds, 1); round++ {
		for _, c := range st.opts.Concurrency {
			opts := warm
			opts.Concurrency, opts.Duration = c, st.opts.Duration
			m, err := st.measureHTTP(ctx, api, opts)
			if err != nil {
				return err
			}
			m.Round, m.Phase, m.System = round, "dashboard read 20×10×10", "Flowline"
			m.SQLPerRequest = st.report.StatementsPerRequest
			st.report.add(m)
			for _, p := range peers { // interleaved: the same minutes of this shared machine
				po := opts
				po.URL, po.Token, po.Query = p.srv.URL(), "", p.Query
				m, err := st.measureHTTP(ctx, p.srv, po)
				if err != nil {
					return fmt.Errorf("%s: %w", p.System, err)
				}
				m.Round, m.Phase, m.System = round, "dashboard read 20×10×10", p.System
				st.report.add(m)
			}
			if st.pgbenchPath != "" {
				m, err := st.pgbench(ctx, "read", st.readScript, st.readDefines, c)
				if err != nil {
					return err
				}
				m.Round, m.Phase = round, "dashboard read 20×10×10"
				m.SQLPerRequest = st.report.StatementsPerRequest
				st.report.add(m)
			}
		}
	}
	for _, page := range []struct{ name, id string }{
		{fmt.Sprintf("page 10×10, %d-execution history", st.opts.Dataset.ExecutionsPerWorkflow), st.opts.Dataset.smallWorkflowID()},
		{fmt.Sprintf("page 10×10, %d-execution history", st.opts.Dataset.BigExecutions), st.opts.Dataset.bigWorkflowID()},
	} {
		if err := st.checkPage(ctx, api, page.id); err != nil {
			return err
		}
		opts := warm
		opts.Query, opts.Variables, opts.Concurrency = PageQuery, map[string]any{"id": page.id}, 1
		opts.Duration = max(st.opts.Duration/2, time.Second)
		m, err := st.measureHTTP(ctx, api, opts)
		if err != nil {
			return err
		}
		m.Round, m.Phase, m.System = 1, page.name, "Flowline"
		st.report.add(m)
	}
	return nil
}

// checkPage makes sure a page answers 10 executions with 10 log rows each, so the two
// pages compared carry the same answer.
func (st *suite) checkPage(ctx context.Context, api *server, id string) error {
	var out struct {
		Node struct {
			Executions struct {
				Edges []struct {
					Node struct {
						Logs struct{ Edges []struct{} }
					}
				}
			}
		}
	}
	if err := gql(ctx, api.URL(), st.token, PageQuery, map[string]any{"id": id}, &out); err != nil {
		return fmt.Errorf("page of workflow %s: %w", id, err)
	}
	logs := 0
	for _, e := range out.Node.Executions.Edges {
		logs += len(e.Node.Logs.Edges)
	}
	if len(out.Node.Executions.Edges) != 10 || logs != 100 {
		return fmt.Errorf("page of workflow %s: %d executions and %d log rows, want 10 and 100", id, len(out.Node.Executions.Edges), logs)
	}
	return nil
}

// measureHTTP runs Run against a server and adds what the run cost: CPU time per request
// (the server's, the database's, the load client's) and the server's peak RSS.
func (st *suite) measureHTTP(ctx context.Context, s *server, opts Options) (Measurement, error) {
	load := loadAverage()
	resetPeakRSS(s.PID())
	cpu, err := st.startCPU(s.PID())
	if err != nil {
		return Measurement{}, err
	}
	res, err := Run(ctx, opts)
	if err != nil {
		return Measurement{}, err
	}
	m := Measurement{Concurrency: opts.Concurrency, Rate: res.PerSecond(), Unit: "req/s", Count: res.Requests,
		Seconds: res.Elapsed.Seconds(), P50: res.P50, P99: res.P99, Load: load}
	if err := cpu.stop(&m, res.Requests, true); err != nil {
		return Measurement{}, err
	}
	if m.PeakRSS, err = peakRSS(s.PID()); err != nil {
		return Measurement{}, err
	}
	if res.Errors > 0 {
		return Measurement{}, fmt.Errorf("%d of %d requests failed: %s", res.Errors, res.Requests, res.FirstError)
	}
	return m, nil
}
