package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// gql sends one request and decodes its data into out; GraphQL errors are errors.
func gql(ctx context.Context, endpoint, token, query string, vars map[string]any, out any) error {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return fmt.Errorf("encode the request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("build the request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("send the request: %w", err)
	}
	defer func() { _ = resp.Body.Close() }()
	var answer struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		return fmt.Errorf("decode the answer (HTTP %d): %w", resp.StatusCode, err)
	}
	if len(answer.Errors) > 0 {
		return fmt.Errorf("GraphQL error: %s", answer.Errors[0].Message)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(answer.Data, out); err != nil {
		return fmt.Errorf("decode the data: %w", err)
	}
	return nil
}

const createWorkflowMutation = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id } }`

const triggerMutation = `mutation($id: ID!, $client: ID) { triggerWorkflow(id: $id, clientId: $client) { id } }`

// trigger starts a MANUAL workflow for the client and returns the execution's id.
func (st *suite) trigger(ctx context.Context, api *server, workflowID string) (string, error) {
	var out struct {
		TriggerWorkflow struct{ ID string } `json:"triggerWorkflow"`
	}
	if err := gql(ctx, api.URL(), st.token, triggerMutation, map[string]any{"id": workflowID, "client": st.tpl.client}, &out); err != nil {
		return "", fmt.Errorf("trigger workflow: %w", err)
	}
	return out.TriggerWorkflow.ID, nil
}

// waitEnded polls until the execution is no longer PENDING or RUNNING and returns the
// database's record of when it was created, started and completed.
func (st *suite) waitEnded(ctx context.Context, id string, timeout time.Duration) (created, started, completed time.Time, err error) {
	deadline := time.Now().Add(timeout)
	for {
		var status string
		var s, c *time.Time
		err = st.db.QueryRowContext(ctx, `SELECT status, created_at, started_at, completed_at
			FROM workflow_executions WHERE id = $1`, id).Scan(&status, &created, &s, &c)
		if err != nil {
			return created, started, completed, fmt.Errorf("read the execution: %w", err)
		}
		switch status {
		case "COMPLETED":
			return created, *s, *c, nil
		case "FAILED", "CANCELLED":
			return created, started, completed, fmt.Errorf("execution %s ended %s", id, status)
		}
		if time.Now().After(deadline) {
			return created, started, completed, fmt.Errorf("execution %s still %s after %s", id, status, timeout)
		}
		select {
		case <-ctx.Done():
			return created, started, completed, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// seedPhase creates the rows the seed copies through the API of a server (API and worker,
// its SQL going through the capture proxy), runs one execution of each workflow, and then
// seeds the dataset.
func (st *suite) seedPhase(ctx context.Context) error {
	api, err := st.start(ctx, "setup", "api,worker", st.proxyURL)
	if err != nil {
		return err
	}
	defer api.stop()
	var client struct {
		CreateClient struct{ ID string } `json:"createClient"`
	}
	if err := gql(ctx, api.URL(), st.token, `mutation { createClient(input: {name: "Bench client", email: "client@bench.flowline.local"}) { id } }`, nil, &client); err != nil {
		return fmt.Errorf("create the client: %w", err)
	}
	st.tpl.client = client.CreateClient.ID
	for _, w := range []struct {
		name  string
		steps []map[string]any
		id    *string
	}{{"Bench seed workflow", seedSteps, &st.tpl.seedWorkflow}, {"Bench engine workflow", engineSteps, &st.tpl.engineWorkflow}} {
		var out struct {
			CreateWorkflow struct{ ID string } `json:"createWorkflow"`
		}
		input := map[string]any{"name": w.name, "isActive": true, "triggerType": "MANUAL", "actions": w.steps}
		if err := gql(ctx, api.URL(), st.token, createWorkflowMutation, map[string]any{"input": input}, &out); err != nil {
			return fmt.Errorf("create %s: %w", w.name, err)
		}
		*w.id = out.CreateWorkflow.ID
	}
	if st.tpl.execution, err = st.trigger(ctx, api, st.tpl.seedWorkflow); err != nil {
		return err
	}
	if _, _, _, err := st.waitEnded(ctx, st.tpl.execution, time.Minute); err != nil {
		return err
	}
	// One run of the engine workflow with its SQL captured: the statements the pgbench
	// engine floor stands for.
	from := time.Now()
	id, err := st.trigger(ctx, api, st.tpl.engineWorkflow)
	if err != nil {
		return err
	}
	if _, _, _, err := st.waitEnded(ctx, id, time.Minute); err != nil {
		return err
	}
	stmts, trips := st.proxy.Between(from, time.Now())
	st.report.EngineStatements, st.report.EngineRoundTrips = len(stmts), trips
	if err := os.WriteFile(filepath.Join(st.opts.Out, "engine-captured.sql"), []byte(readable(stmts)), 0o600); err != nil {
		return fmt.Errorf("write the engine's SQL: %w", err)
	}
	api.stop()
	st.report.ServerErrors += api.errorLines()

	t0 := time.Now()
	if err := seed(ctx, st.db, st.opts.Dataset, st.tpl); err != nil {
		return err
	}
	st.report.SeedSeconds = time.Since(t0).Seconds()
	return st.countRows(ctx)
}

// countRows records the seeded table sizes in the report.
func (st *suite) countRows(ctx context.Context) error {
	for _, t := range []string{"users", "clients", "workflows", "workflow_executions", "workflow_execution_logs"} {
		var n int64
		if err := st.db.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			return fmt.Errorf("count %s: %w", t, err)
		}
		st.report.Rows = append(st.report.Rows, TableRows{Table: t, Rows: n})
	}
	return nil
}
