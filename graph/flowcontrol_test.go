package graph_test

import (
	"reflect"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// problemPaths returns the JSON pointers of a VALIDATION_FAILED error's problems.
func problemPaths(e testsupport.APIError) map[string]bool {
	paths := map[string]bool{}
	problems, _ := e.Extensions["problems"].([]any)
	for _, p := range problems {
		paths[p.(map[string]any)["path"].(string)] = true
	}
	return paths
}

// TestFlowControlThroughGraphQL: debounce, concurrency and throttle are saved with the
// definition (a new version when they change, shown by Workflow and WorkflowVersion),
// validated with JSON pointers (a bad period, a limit below 1, a key with an unknown
// placeholder or one that differs per run) without writing anything, removed with clear*,
// and shown by simulateWorkflow with the key rendered for the sample.
func TestFlowControlThroughGraphQL(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := seedUser(t, db, "owner@example.com").ID.String()
		before := allRowCounts(t, db)

		bad := createWorkflowInput(owner, map[string]any{
			"debounce":    map[string]any{"period": "soon", "key": "{{client.nope}}"},
			"concurrency": map[string]any{"limit": 0, "key": "{{execution.id}}"},
			"throttle":    map[string]any{"limit": 5, "period": "48h", "key": "{{client.id"},
		})
		e := api.MustFail(createWorkflowMutation, bad, "VALIDATION_FAILED")
		want := map[string]bool{"/debounce/period": true, "/debounce/key": true, "/concurrency/limit": true,
			"/concurrency/key": true, "/throttle/period": true, "/throttle/key": true}
		if got := problemPaths(e); !reflect.DeepEqual(got, want) {
			t.Fatalf("problems at %v, want %v (%v)", got, want, e.Extensions["problems"])
		}
		if after := allRowCounts(t, db); !reflect.DeepEqual(after, before) {
			t.Fatalf("a refused definition wrote rows: %v -> %v", before, after)
		}

		const fields = `id version debounce { period key } concurrency { limit key } throttle { limit period key }
			versions(first: 5) { edges { node { version definition { debounce { period } concurrency { limit key } throttle { limit period key } } } } }`
		var created struct {
			CreateWorkflow struct {
				ID          string
				Version     int
				Debounce    map[string]any
				Concurrency map[string]any
				Throttle    map[string]any
				Versions    struct {
					Edges []struct {
						Node struct {
							Version    int
							Definition map[string]any
						}
					}
				}
			}
		}
		api.MustData(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { `+fields+` } }`,
			createWorkflowInput(owner, map[string]any{
				"debounce":    map[string]any{"period": "10m"},
				"concurrency": map[string]any{"limit": 1, "key": "{{client.id}}"},
				"throttle":    map[string]any{"limit": 100, "period": "1h", "key": "{{client.ownerId}}"},
			}), &created)
		wf := created.CreateWorkflow
		if wf.Debounce["period"] != "10m" || wf.Concurrency["limit"] != float64(1) || wf.Throttle["key"] != "{{client.ownerId}}" {
			t.Fatalf("saved flow control: %+v", wf)
		}
		if def := wf.Versions.Edges[0].Node.Definition; def["debounce"].(map[string]any)["period"] != "10m" {
			t.Fatalf("version 1 definition %v, want the debounce pinned", def)
		}

		// Updates: a bad one changes nothing; a clear makes a new version.
		api.MustFail(`mutation($id: ID!) { updateWorkflow(id: $id, input: {throttle: {limit: -1, period: "1h"}}) { id } }`,
			map[string]any{"id": wf.ID}, "VALIDATION_FAILED")
		api.MustFail(`mutation($id: ID!) { updateWorkflow(id: $id, input: {debounce: {period: "1m"}, clearDebounce: true}) { id } }`,
			map[string]any{"id": wf.ID}, "BAD_USER_INPUT")
		var updated struct {
			UpdateWorkflow struct {
				Version  int
				Debounce map[string]any
			}
		}
		api.MustData(`mutation($id: ID!) { updateWorkflow(id: $id, input: {clearDebounce: true}) { version debounce { period } } }`,
			map[string]any{"id": wf.ID}, &updated)
		if updated.UpdateWorkflow.Version != 2 || updated.UpdateWorkflow.Debounce != nil {
			t.Fatalf("after clearDebounce: %+v, want version 2 without debounce", updated.UpdateWorkflow)
		}

		var c struct{ CreateClient struct{ ID string } }
		api.MustData(`mutation($in: CreateClientInput!) { createClient(input: $in) { id } }`, map[string]any{"in": map[string]any{
			"name": "Ada", "email": "ada@example.com", "tags": []any{"vip"}, "ownerId": owner}}, &c)
		client := c.CreateClient.ID
		var sim struct {
			SimulateWorkflow struct{ FlowControl map[string]any }
		}
		api.MustData(`query($id: ID!, $client: ID!) { simulateWorkflow(workflowId: $id, sample: {clientId: $client}) { flowControl } }`,
			map[string]any{"id": wf.ID, "client": client}, &sim)
		fc := sim.SimulateWorkflow.FlowControl
		if _, ok := fc["debounce"]; ok {
			t.Fatalf("simulation shows the cleared debounce: %v", fc)
		}
		conc, _ := fc["concurrency"].(map[string]any)
		thr, _ := fc["throttle"].(map[string]any)
		if conc["key"] != client || conc["limit"] != float64(1) || thr["key"] != owner || thr["window"] == nil {
			t.Fatalf("simulated flow control %v, want keys rendered for the sample", fc)
		}
	})
}
