// Package loadtest is `flowline bench`: it sends one GraphQL request over and over from
// several clients for a while and reports the rate and the latency percentiles. Run it on
// the machine of the server, side by side with a peer (see the README's Benchmarks), and
// compare ratios: one absolute figure on a shared machine means little.
package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"
)

// DashboardQuery is the dashboard's read: 20 workflows, 10 executions each, 10 logs each.
const DashboardQuery = `query Dashboard($w: Int!, $e: Int!, $l: Int!) {
  workflows(first: $w) { edges { node { id name
    executions(first: $e) { totalCount edges { node { id status
      logs(first: $l) { edges { node { id status stepIndex } } } } } } } } } }`

// DashboardVariables are DashboardQuery's page sizes.
var DashboardVariables = map[string]any{"w": 20, "e": 10, "l": 10}

// Options say what to send, how hard and for how long.
type Options struct {
	URL         string // the GraphQL endpoint, http://host:port/query
	Token       string // a bearer token
	Query       string
	Variables   map[string]any
	Concurrency int
	Duration    time.Duration
	Client      *http.Client
}

// Result is what a run measured. A request counts as an error when the answer is not HTTP
// 200 or carries GraphQL errors.
type Result struct {
	Requests, Errors int
	Elapsed          time.Duration
	P50, P90, P99    time.Duration
	FirstError       string
}

// PerSecond is the rate of successful requests.
func (r Result) PerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests-r.Errors) / r.Elapsed.Seconds()
}

// String formats the result in two lines.
func (r Result) String() string {
	s := fmt.Sprintf("requests %d  errors %d  elapsed %s  req/s %.1f\nlatency  p50 %s  p90 %s  p99 %s",
		r.Requests, r.Errors, r.Elapsed.Round(time.Millisecond), r.PerSecond(),
		r.P50.Round(time.Microsecond), r.P90.Round(time.Microsecond), r.P99.Round(time.Microsecond))
	if r.FirstError != "" {
		s += "\nfirst error: " + r.FirstError
	}
	return s
}

// Run sends the request from opts.Concurrency clients until opts.Duration has passed (or
// ctx ends), waits for the requests still in flight, and returns what it measured.
func Run(ctx context.Context, opts Options) (Result, error) {
	if opts.Concurrency < 1 || opts.Duration <= 0 || opts.URL == "" || opts.Query == "" {
		return Result{}, errors.New("bench needs a URL, a query, a concurrency of at least 1 and a positive duration")
	}
	body, err := json.Marshal(map[string]any{"query": opts.Query, "variables": opts.Variables})
	if err != nil {
		return Result{}, fmt.Errorf("encode the request: %w", err)
	}
	client := opts.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: opts.Concurrency}}
	}
	// Requests start until the duration has passed; those in flight then are waited for and
	// counted (cutting them short would drop the slowest ones from the percentiles, and make
	// the server log the client going away).
	stop := time.Now().Add(opts.Duration)
	var (
		mu        sync.Mutex
		latencies []time.Duration
		res       Result
		wg        sync.WaitGroup
	)
	start := time.Now()
	for range opts.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for ctx.Err() == nil && time.Now().Before(stop) {
				t0 := time.Now()
				errMsg := send(ctx, client, opts, body, &buf)
				took := time.Since(t0)
				if ctx.Err() != nil {
					return // the caller gave up: not a measurement
				}
				mu.Lock()
				res.Requests++
				latencies = append(latencies, took)
				if errMsg != "" {
					res.Errors++
					if res.FirstError == "" {
						res.FirstError = errMsg
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	slices.Sort(latencies)
	pick := func(q float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[int(q*float64(len(latencies)-1))]
	}
	res.P50, res.P90, res.P99 = pick(0.50), pick(0.90), pick(0.99)
	return res, nil
}

// send makes one request and returns "" or what went wrong. The answer is read into buf,
// reused across one client's requests, and parsed only when it can hold an "errors" key: the
// load tool shares the machine with the server it measures, and parsing every 250 KB answer
// cost about as much CPU as a fast server spends producing it, for every system alike.
func send(ctx context.Context, client *http.Client, opts Options, body []byte, buf *bytes.Buffer) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, opts.URL, bytes.NewReader(body))
	if err != nil {
		return err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	if opts.Token != "" {
		req.Header.Set("Authorization", "Bearer "+opts.Token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	buf.Reset()
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return err.Error()
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Sprintf("HTTP %d", resp.StatusCode)
	}
	raw := buf.Bytes()
	if !bytes.Contains(raw, []byte(`"errors"`)) {
		return "" // no answer without that text has a top-level errors key
	}
	var answer struct {
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &answer); err != nil {
		return "invalid JSON answer: " + err.Error()
	}
	if len(answer.Errors) > 0 {
		return answer.Errors[0].Message
	}
	return ""
}
