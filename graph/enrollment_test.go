package graph_test

import (
	"reflect"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestEnrollmentAndGoalThroughGraphQL: createWorkflow refuses a bad enrollment rule or goal
// with VALIDATION_FAILED and JSON pointers (writing nothing), stores good ones, versions a
// change of them, shows them in the definition of each version, and simulateWorkflow shows
// the rule and whether the goal holds.
func TestEnrollmentAndGoalThroughGraphQL(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		owner := api.User.ID.String()
		before := allRowCounts(t, db)
		bad := createWorkflowInput(owner, map[string]any{
			"enrollment": map[string]any{"mode": "SOMETIMES", "reenrollOn": []any{"status", "favouriteColour"}},
			"goal":       map[string]any{"field": "client.status", "operator": "equals", "value": "GOLD"},
		})
		e := api.MustFail(createWorkflowMutation, bad, "VALIDATION_FAILED")
		var paths []string
		for _, p := range e.Extensions["problems"].([]any) {
			paths = append(paths, p.(map[string]any)["path"].(string))
		}
		if want := []string{"/enrollment/mode", "/enrollment/reenrollOn/1", "/goal/value"}; !reflect.DeepEqual(paths, want) {
			t.Errorf("problem paths %v, want %v", paths, want)
		}
		if after := allRowCounts(t, db); !reflect.DeepEqual(before, after) {
			t.Errorf("a refused createWorkflow wrote rows: %v -> %v", before, after)
		}

		rule := map[string]any{"mode": "ONCE", "reenrollOn": []any{"status"}}
		goal := map[string]any{"field": "client.status", "operator": "equals", "value": "ACTIVE"}
		var created struct {
			CreateWorkflow struct {
				ID               string
				Version          int
				Enrollment, Goal map[string]any
			}
		}
		api.MustData(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id version enrollment goal } }`,
			createWorkflowInput(owner, map[string]any{"enrollment": rule, "goal": goal}), &created)
		wf := created.CreateWorkflow
		if !reflect.DeepEqual(wf.Enrollment, rule) || !reflect.DeepEqual(wf.Goal, goal) {
			t.Errorf("stored enrollment %v goal %v", wf.Enrollment, wf.Goal)
		}

		// Removing the goal ({}) is a new version; the first version keeps its goal.
		var updated struct {
			UpdateWorkflow struct {
				Version    int
				Enrollment map[string]any
				Goal       map[string]any
				Versions   struct {
					Edges []struct {
						Node struct {
							Version    int
							Definition struct{ Enrollment, Goal map[string]any }
						}
					}
				}
			}
		}
		api.MustData(`mutation($id: ID!) { updateWorkflow(id: $id, input: {goal: {}, enrollment: {mode: "ONE_ACTIVE"}}) {
			version enrollment goal versions(first: 5, orderBy: [{field: VERSION, direction: ASC}]) { edges { node { version definition { enrollment goal } } } } } }`,
			map[string]any{"id": wf.ID}, &updated)
		u := updated.UpdateWorkflow
		if u.Version != 2 || u.Goal != nil || u.Enrollment["mode"] != "ONE_ACTIVE" || len(u.Versions.Edges) != 2 {
			t.Fatalf("after update: %+v", u)
		}
		if v1 := u.Versions.Edges[0].Node.Definition; !reflect.DeepEqual(v1.Goal, goal) || !reflect.DeepEqual(v1.Enrollment, rule) {
			t.Errorf("version 1 definition %+v", v1)
		}

		var client struct{ CreateClient struct{ ID string } }
		api.MustData(`mutation { createClient(input: {name: "Ada", email: "ada@example.com", status: ACTIVE}) { id } }`, nil, &client)
		var sim struct {
			SimulateWorkflow struct {
				Enrollment map[string]any
				GoalMet    *bool
				Steps      []struct{ Effect string }
			}
		}
		api.MustData(`query($c: ID!, $def: WorkflowDefinitionInput!) { simulateWorkflow(definition: $def, sample: {clientId: $c}) { enrollment goalMet steps { effect } } }`,
			map[string]any{"c": client.CreateClient.ID, "def": map[string]any{
				"triggerType": "CLIENT_CREATED", "enrollment": rule, "goal": goal,
				"actions": []any{map[string]any{"type": "CREATE_TASK", "config": map[string]any{"title": "x"}}},
			}}, &sim)
		s := sim.SimulateWorkflow
		if !reflect.DeepEqual(s.Enrollment, rule) || s.GoalMet == nil || !*s.GoalMet || len(s.Steps) != 1 || s.Steps[0].Effect != "skipped" {
			t.Errorf("simulation %+v", s)
		}
	})
}
