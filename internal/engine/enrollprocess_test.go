package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// apiProcess is a `flowline -roles api` process (no engine) against a test database.
type apiProcess struct {
	url    string // the GraphQL endpoint
	header http.Header
	out    bytes.Buffer // stdout and stderr; read only after exited is closed
	exited chan struct{}
}

// startAPIProcess starts the real binary as an API-only process on the database at dbURL,
// accepting the test clients' session tokens, and waits until it answers /readyz.
func startAPIProcess(t *testing.T, bin string, db *testsupport.DB, as *testsupport.APIClient) *apiProcess {
	t.Helper()
	ln, err := new(net.ListenConfig).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	p := &apiProcess{url: "http://" + addr + "/query", header: as.Header, exited: make(chan struct{})}
	cmd := exec.Command(bin, "-roles", "api")
	cmd.Env = append(os.Environ(),
		"DATABASE_URL="+db.URL,
		"ADDR="+addr,
		"FLOWLINE_ENV=production",
		"ALLOW_SQLITE_IN_PRODUCTION=true",
		"JWT_SECRET="+string(testsupport.TestTokens.Secret),
		"RATE_LIMIT=0",
		"METRICS_ADDR=",
		"LOG_LEVEL=info",
		"LOG_FORMAT=json",
	)
	cmd.Stdout, cmd.Stderr = &p.out, &p.out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start API process: %v", err)
	}
	go func() { _ = cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-p.exited
		if t.Failed() {
			t.Logf("API process %d log:\n%s", cmd.Process.Pid, p.out.String())
		}
	})
	deadline := time.Now().Add(waitTimeout)
	for {
		if res, err := http.Get("http://" + addr + "/readyz"); err == nil {
			_ = res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return p
			}
		}
		select {
		case <-p.exited:
			t.Fatalf("API process exited before it was ready:\n%s", p.out.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("API process was not ready in time")
		}
	}
}

// do posts a GraphQL request to the process.
func (p *apiProcess) do(t *testing.T, query string, vars map[string]any) testsupport.APIResponse {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Error(err)
		return testsupport.APIResponse{}
	}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		t.Error(err)
		return testsupport.APIResponse{}
	}
	req.Header = p.header.Clone()
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Errorf("POST %s: %v", p.url, err)
		return testsupport.APIResponse{}
	}
	defer func() { _ = res.Body.Close() }()
	out := testsupport.APIResponse{Status: res.StatusCode}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Errorf("decode the answer of %s: %v", p.url, err)
	}
	return out
}

// concurrently sends n requests at once, spread over the processes, and returns the answers.
func concurrently(t *testing.T, procs []*apiProcess, n int, query string, vars func(i int) map[string]any) []testsupport.APIResponse {
	out := make([]testsupport.APIResponse, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			out[i] = procs[i%len(procs)].do(t, query, vars(i))
		}()
	}
	close(start)
	wg.Wait()
	return out
}

// TestEnrollmentRulesHoldAcrossServerProcesses: three real API processes on one database
// receive 20 concurrent triggers for one client: triggerWorkflow calls of a MANUAL workflow,
// and updateClient calls that each rename the client (each raises CLIENT_UPDATED). A ONCE workflow and a ONE_ACTIVE one
// each get exactly one execution (no worker runs, so the ONE_ACTIVE run stays PENDING
// throughout); the refused triggerWorkflow calls are answered CONFLICT, the updates all succeed.
func TestEnrollmentRulesHoldAcrossServerProcesses(t *testing.T) {
	t.Parallel()
	bin := flowlineBinary(t)
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		procs := make([]*apiProcess, 3)
		var wg sync.WaitGroup
		for i := range procs {
			wg.Add(1)
			go func() { defer wg.Done(); procs[i] = startAPIProcess(t, bin, db, a.APIClient) }()
		}
		wg.Wait()
		if t.Failed() {
			t.FailNow()
		}
		const n = 20
		for _, mode := range []string{"ONCE", "ONE_ACTIVE"} {
			ada := a.createClient(map[string]any{"name": "Ada " + mode, "email": "ada-" + mode + "@example.com"})
			manual := a.createRuleWorkflow("manual "+mode, spec.TriggerManual, nil, map[string]any{"mode": mode}, nil, taskStep("hello"))
			updated := a.createRuleWorkflow("updated "+mode, spec.TriggerClientUpdated, nil, map[string]any{"mode": mode}, nil, taskStep("hello"))

			started, conflicts := 0, 0
			for _, res := range concurrently(t, procs, n, `mutation($id: ID!, $c: ID) { triggerWorkflow(id: $id, clientId: $c) { id } }`,
				func(int) map[string]any { return map[string]any{"id": manual, "c": ada} }) {
				switch {
				case len(res.Errors) == 0 && res.Status == http.StatusOK:
					started++
				case len(res.Errors) > 0 && res.Errors[0].Code() == "CONFLICT":
					conflicts++
				default:
					t.Errorf("%s triggerWorkflow: status %d, errors %+v", mode, res.Status, res.Errors)
				}
			}
			if started != 1 || conflicts != n-1 {
				t.Errorf("%s: %d triggerWorkflow calls started a run and %d were refused CONFLICT; want 1 and %d", mode, started, conflicts, n-1)
			}
			if exs := executionsOfWorkflow(t, db, manual); len(exs) != 1 {
				t.Errorf("%s MANUAL: %d executions, want 1", mode, len(exs))
			}

			for i, res := range concurrently(t, procs, n, `mutation($id: ID!, $in: UpdateClientInput!) { updateClient(id: $id, input: $in) { id } }`,
				func(i int) map[string]any {
					return map[string]any{"id": ada, "in": map[string]any{"name": fmt.Sprintf("Ada %s %d", mode, i)}}
				}) {
				if len(res.Errors) > 0 || res.Status != http.StatusOK {
					t.Errorf("%s updateClient %d: status %d, errors %+v", mode, i, res.Status, res.Errors)
				}
			}
			if exs := executionsOfWorkflow(t, db, updated); len(exs) != 1 {
				t.Errorf("%s CLIENT_UPDATED: %d executions, want 1", mode, len(exs))
			}
		}
	})
}
