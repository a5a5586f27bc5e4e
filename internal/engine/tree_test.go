package engine_test

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// client is a client as these tests read it back.
type client struct {
	ID, Name, Status string
	Tags             []string
	OwnerID          *string `json:"ownerID"`
}

func (a *api) client(id string) client {
	a.t.Helper()
	var out struct{ Node client }
	a.MustData(`query($id: ID!) { node(id: $id) { ... on Client { id name status tags ownerID } } }`, map[string]any{"id": id}, &out)
	return out.Node
}

// tasksOf lists the titles of a client's tasks, sorted.
func (a *api) tasksOf(clientID string) []string {
	a.t.Helper()
	var out struct {
		Tasks struct {
			Edges []struct{ Node struct{ Title string } }
		}
	}
	a.MustData(`query($id: ID!) { tasks(first: 100, where: {clientID: $id}) { edges { node { title } } } }`, map[string]any{"id": clientID}, &out)
	var titles []string
	for _, e := range out.Tasks.Edges {
		titles = append(titles, e.Node.Title)
	}
	sort.Strings(titles)
	return titles
}

func tagStep(tag string, clientID string) spec.Action {
	cfg := map[string]any{"tag": tag}
	if clientID != "" {
		cfg["clientId"] = clientID
	}
	return spec.Action{Type: spec.ActionAddTag, Config: cfg}
}

// describeLogs summarises log rows as "<path> <type> <status> [branch] [#iteration]".
func describeLogs(logs []logRow) []string {
	out := make([]string, len(logs))
	for i, l := range logs {
		s := fmt.Sprintf("%s %s %s", l.Path, l.ActionType, l.Status)
		if l.Branch != nil {
			s += " " + *l.Branch
		}
		if l.Iteration != nil {
			s += fmt.Sprintf(" #%d", *l.Iteration)
		}
		out[i] = s
	}
	return out
}

// TestIfTakesEachBranch: an IF on trigger data runs its then branch for a high score and its
// else branch for a low one, and a later step reads the IF's output.
func TestIfTakesEachBranch(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a, wf, _ := manualRun(t, db, testConfig(t),
			spec.Action{Key: "score", Type: spec.ActionIf,
				Config: map[string]any{"conditions": map[string]any{"field": "trigger.data.score", "operator": "gt", "value": 80}},
				Then:   []spec.Action{tagStep("hot", "")},
				Else:   []spec.Action{tagStep("cold", "")}},
			spec.Action{Type: spec.ActionLogActivity, Config: map[string]any{"message": "branch {{steps.score.output.branch}}"}},
		)
		for _, tt := range []struct {
			score  float64
			tag    string
			branch string
		}{{90, "hot", "then"}, {10, "cold", "else"}} {
			c := a.createClient(map[string]any{"name": "Lead", "email": fmt.Sprintf("lead%v@example.com", tt.score)})
			ex := a.waitStatus(a.trigger(wf, c, map[string]any{"score": tt.score}), "COMPLETED")
			if got := a.client(c).Tags; !slices.Equal(got, []string{tt.tag}) {
				t.Errorf("score %v: tags %v, want [%s]", tt.score, got, tt.tag)
			}
			want := []string{
				"/actions/0 IF SUCCESS",
				fmt.Sprintf("/actions/0/%s/0 ADD_TAG SUCCESS %s", tt.branch, tt.branch),
				"/actions/1 LOG_ACTIVITY SUCCESS",
			}
			if got := describeLogs(ex.Logs); !slices.Equal(got, want) {
				t.Errorf("score %v: logs %q, want %q", tt.score, got, want)
			}
			if msg := ex.Logs[2].InputData["message"]; msg != "branch "+tt.branch {
				t.Errorf("score %v: the IF's output read later as %q", tt.score, msg)
			}
			if out, _ := ex.Outputs["score"].(map[string]any); out["branch"] != tt.branch || out["result"] != (tt.branch == "then") {
				t.Errorf("score %v: outputs %v", tt.score, ex.Outputs)
			}
		}
	})
}

// TestSwitchRunsTheFirstMatchingCase: new leads are routed by source; an unknown source runs
// the default.
func TestSwitchRunsTheFirstMatchingCase(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		source := func(v string) map[string]any {
			return map[string]any{"field": "trigger.data.source", "operator": "equals", "value": v}
		}
		a, wf, _ := manualRun(t, db, testConfig(t), spec.Action{Key: "route", Type: spec.ActionSwitch,
			Cases: []spec.Case{
				{Name: "web", Conditions: source("web"), Actions: []spec.Action{tagStep("web", "")}},
				{Name: "ads", Conditions: map[string]any{"any": []any{source("ads"), source("web")}}, Actions: []spec.Action{tagStep("ads", "")}},
			},
			Default: []spec.Action{tagStep("other", "")},
		})
		for _, tt := range []struct{ source, tag, branch string }{{"web", "web", "web"}, {"ads", "ads", "ads"}, {"fair", "other", "default"}} {
			c := a.createClient(map[string]any{"name": "Lead", "email": tt.source + "@example.com"})
			ex := a.waitStatus(a.trigger(wf, c, map[string]any{"source": tt.source}), "COMPLETED")
			if got := a.client(c).Tags; !slices.Equal(got, []string{tt.tag}) {
				t.Errorf("source %s: tags %v, want [%s]", tt.source, got, tt.tag)
			}
			if len(ex.Logs) != 2 || deref(ex.Logs[1].Branch) != tt.branch {
				t.Errorf("source %s: logs %q", tt.source, describeLogs(ex.Logs))
			}
			if out, _ := ex.Outputs["route"].(map[string]any); out["case"] != tt.branch {
				t.Errorf("source %s: outputs %v", tt.source, ex.Outputs)
			}
		}
	})
}

// staleLeads creates n LEAD clients tagged stale, every other one owned by owner, and two
// ACTIVE clients that a search for leads must not find. It returns the leads' ids.
func staleLeads(a *api, owner string, n int) []string {
	var ids []string
	for i := range n {
		in := map[string]any{"name": fmt.Sprintf("Lead %02d", i), "email": fmt.Sprintf("lead%02d@example.com", i), "status": "LEAD", "tags": []string{"stale"}}
		if i%2 == 0 {
			in["ownerID"] = owner
		}
		ids = append(ids, a.createClient(in))
	}
	for i := range 2 {
		a.createClient(map[string]any{"name": fmt.Sprintf("Active %d", i), "email": fmt.Sprintf("active%d@example.com", i), "status": "ACTIVE", "tags": []string{"stale"}})
	}
	return ids
}

// TestFindAndLoopActOnEveryFoundClient: FIND_CLIENTS feeds a FOR_EACH whose body acts on each
// found client (clientId from the loop variable) and branches on its owner; the step after
// the loop reads the FIND's count.
func TestFindAndLoopActOnEveryFoundClient(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a, wf, ada := manualRun(t, db, testConfig(t),
			spec.Action{Key: "find", Type: spec.ActionFindClients, Config: map[string]any{
				"where":   map[string]any{"all": []any{map[string]any{"field": "status", "operator": "equals", "value": "LEAD"}, map[string]any{"field": "tags", "operator": "contains", "value": "stale"}}},
				"orderBy": "name", "limit": 100,
			}},
			spec.Action{Type: spec.ActionForEach, Config: map[string]any{"items": "{{steps.find.output.clients}}", "as": "lead"}, Body: []spec.Action{
				tagStep("touched", "{{lead.id}}"),
				{Type: spec.ActionIf, Config: map[string]any{"conditions": map[string]any{"field": "lead.ownerId", "operator": "exists"}},
					Then: []spec.Action{{Type: spec.ActionCreateTask, Config: map[string]any{"clientId": "{{lead.id}}", "title": "Call {{lead.name}} ({{loop.index}}/{{loop.count}})"}}},
					Else: []spec.Action{{Type: spec.ActionUpdateClient, Config: map[string]any{"clientId": "{{lead.id}}", "set": map[string]any{"status": "ACTIVE"}}}}},
			}},
			spec.Action{Type: spec.ActionLogActivity, Config: map[string]any{"message": "touched {{steps.find.output.count}} leads"}},
		)
		owner := a.createUser("seller@example.com")
		leads := staleLeads(a, owner, 5)
		ex := a.waitStatus(a.trigger(wf, ada, nil), "COMPLETED")

		for i, id := range leads {
			c := a.client(id)
			if !slices.Contains(c.Tags, "touched") {
				t.Errorf("lead %d: tags %v, want touched", i, c.Tags)
			}
			tasks := a.tasksOf(id)
			if i%2 == 0 {
				if want := fmt.Sprintf("Call Lead %02d (%d/5)", i, i); !slices.Equal(tasks, []string{want}) || c.Status != "LEAD" {
					t.Errorf("owned lead %d: tasks %v status %s, want [%s] and LEAD", i, tasks, c.Status, want)
				}
			} else if len(tasks) != 0 || c.Status != "ACTIVE" {
				t.Errorf("lead %d without owner: tasks %v status %s, want none and ACTIVE", i, tasks, c.Status)
			}
		}
		last := ex.Logs[len(ex.Logs)-1]
		if last.InputData["message"] != "touched 5 leads" {
			t.Errorf("the step after the loop rendered %v", last.InputData)
		}
		// One FIND, one FOR_EACH, per item a tag, an IF and a branch step, then the activity.
		if len(ex.Logs) != 2+5*3+1 {
			t.Fatalf("%d log rows: %q", len(ex.Logs), describeLogs(ex.Logs))
		}
		iterations := map[int]int{}
		for _, l := range ex.Logs {
			if l.Iteration != nil {
				iterations[*l.Iteration]++
			}
		}
		for i := range 5 {
			if iterations[i] != 3 {
				t.Errorf("item %d has %d log rows, want 3: %q", i, iterations[i], describeLogs(ex.Logs))
			}
		}
	})
}

// TestContinueOnItemError: a failing item is logged and the loop goes on when the FOR_EACH
// says so; without it the execution fails at that item and later items do not run.
func TestContinueOnItemError(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		loop := func(cont bool) spec.Action {
			return spec.Action{Type: spec.ActionForEach,
				Config: map[string]any{"items": "{{trigger.data.ids}}", "as": "target", "continueOnItemError": cont},
				Body:   []spec.Action{tagStep("seen", "{{target}}")}}
		}
		a, goOn, ada := manualRun(t, db, testConfig(t), loop(true))
		stopAt := a.createWorkflow("", "stops", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{loop(false)}})
		var ids []any
		for i := range 3 {
			ids = append(ids, a.createClient(map[string]any{"name": "C", "email": fmt.Sprintf("c%d@example.com", i)}))
		}
		gone := "00000000-0000-4000-8000-000000000001"
		withGap := []any{ids[0], gone, ids[1]}

		ex := a.waitStatus(a.trigger(goOn, ada, map[string]any{"ids": withGap}), "COMPLETED")
		if got := describeLogs(ex.Logs); len(got) != 4 || !strings.Contains(got[2], "FAILED") {
			t.Errorf("continueOnItemError: logs %q", got)
		}
		if !slices.Contains(a.client(ids[0].(string)).Tags, "seen") || !slices.Contains(a.client(ids[1].(string)).Tags, "seen") {
			t.Errorf("the items around the failed one were not tagged")
		}

		ex = a.waitStatus(a.trigger(stopAt, ada, map[string]any{"ids": []any{ids[2], gone, ids[2]}}), "FAILED")
		if got := describeLogs(ex.Logs); len(got) != 3 {
			t.Errorf("without continueOnItemError: logs %q, want the loop, item 0 and the failed item 1", got)
		}
	})
}

// TestStopEndsTheRunCompleted: a STOP step ends the execution COMPLETED with its reason, and
// the steps after it do not run.
func TestStopEndsTheRunCompleted(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a, wf, ada := manualRun(t, db, testConfig(t),
			spec.Action{Type: spec.ActionIf, Config: map[string]any{"conditions": map[string]any{"field": "trigger.data.stop", "operator": "equals", "value": true}},
				Then: []spec.Action{{Type: spec.ActionStop, Config: map[string]any{"reason": "{{client.name}} asked to stop"}}}},
			tagStep("went-on", ""),
		)
		ex := a.waitStatus(a.trigger(wf, ada, map[string]any{"stop": true}), "COMPLETED")
		if deref(ex.ExitReason) != "STOPPED" || deref(ex.ExitMessage) != "Ada asked to stop" || len(ex.Logs) != 2 {
			t.Errorf("exit %s %q, logs %q", deref(ex.ExitReason), deref(ex.ExitMessage), describeLogs(ex.Logs))
		}
		if tags := a.client(ada).Tags; len(tags) != 0 {
			t.Errorf("a step after STOP ran: tags %v", tags)
		}
		ex = a.waitStatus(a.trigger(wf, ada, map[string]any{"stop": false}), "COMPLETED")
		if ex.ExitReason != nil || !slices.Contains(a.client(ada).Tags, "went-on") {
			t.Errorf("without STOP: exit %v, tags %v", deref(ex.ExitReason), a.client(ada).Tags)
		}
	})
}

// TestRetryKeepsOrClearsOutputs: a retry from the failed step keeps the outputs of the steps
// before it (they do not run again); a retry from the start is run 2 in the logs and makes
// new outputs.
func TestRetryKeepsOrClearsOutputs(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		srv := startHookServer(t, func(_ string, n int) int {
			if n%2 == 1 {
				return http.StatusBadRequest // permanent: the execution fails at once
			}
			return http.StatusOK
		})
		a := newAPI(t, db)
		cfg := testConfig(t)
		cfg.Webhooks = allowLoopback()
		startEngine(t, db, cfg)
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		wf := a.createWorkflow("", "retry", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Key: "first", Type: spec.ActionCreateTask, Config: map[string]any{"title": "first"}},
			{Type: spec.ActionSendWebhook, Config: map[string]any{"url": srv.URL + "/hook", "body": map[string]any{"task": "{{steps.first.output.taskId}}"}}},
		}})
		id := a.trigger(wf, ada, nil)
		failed := a.waitStatus(id, "FAILED")
		firstTask := failed.Outputs["first"].(map[string]any)["taskId"]

		retry := func(from string) {
			var out struct{ RetryExecution struct{ Status string } }
			a.MustData(retryMutation, map[string]any{"id": id, "from": from}, &out)
		}
		retry("FAILED_STEP")
		ex := a.waitStatus(id, "COMPLETED")
		if got := ex.Outputs["first"].(map[string]any)["taskId"]; got != firstTask || len(a.tasksOf(ada)) != 1 {
			t.Fatalf("after a retry from the failed step: task %v (was %v), tasks %v", got, firstTask, a.tasksOf(ada))
		}
		if body := srv.received("/hook")[1].Body; !strings.Contains(body, fmt.Sprint(firstTask)) {
			t.Errorf("the retried webhook did not read the kept output: %s", body)
		}

		id = a.trigger(wf, ada, nil)
		firstTask = a.waitStatus(id, "FAILED").Outputs["first"].(map[string]any)["taskId"]
		retry("START")
		ex = a.waitStatus(id, "COMPLETED")
		second := ex.Outputs["first"].(map[string]any)["taskId"]
		if second == firstTask || len(a.tasksOf(ada)) != 3 {
			t.Errorf("after a retry from the start: task %v (first run's %v), tasks %v", second, firstTask, a.tasksOf(ada))
		}
		runs := map[int]int{}
		for _, l := range ex.Logs {
			runs[l.Run]++
		}
		if runs[1] != 2 || runs[2] != 2 {
			t.Errorf("log rows per run: %v, want 2 in run 1 and 2 in run 2", runs)
		}
	})
}

// TestHTTPRequestFeedsAnIf: "ask the scoring service about the new client and tag it hot
// when the score is above 80": HTTP_REQUEST's parsed JSON answer feeds a COMPUTE and an IF
// expression; the request carries the step's Idempotency-Key.
func TestHTTPRequestFeedsAnIf(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		scores := map[string]int{"ada@example.com": 91, "bob@example.com": 12}
		srv := testsupport.StartHTTPPeer(t, "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Set-Cookie", "session=secret")
			fmt.Fprintf(w, `{"score": %d, "email": %q}`, scores[r.URL.Query().Get("email")], r.URL.Query().Get("email"))
		})
		a := newAPI(t, db)
		cfg := testConfig(t)
		cfg.Webhooks = allowLoopback()
		startEngine(t, db, cfg)
		wf := a.createWorkflow("", "score", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Key: "score", Type: spec.ActionHTTPRequest, Config: map[string]any{"url": srv.URL + "/score?email={{client.email}}", "expectStatus": []any{200}}},
			{Key: "calc", Type: spec.ActionCompute, Config: map[string]any{"values": map[string]any{"half": "double(steps.score.output.body.score) / 2.0"}}},
			{Type: spec.ActionIf, Config: map[string]any{"conditions": map[string]any{"expr": "steps.score.output.body.score > 80"}},
				Then: []spec.Action{tagStep("hot", "")}, Else: []spec.Action{tagStep("cold", "")}},
			{Type: spec.ActionLogActivity, Config: map[string]any{"message": "half of the score is {{steps.calc.output.half}}"}},
		}})
		for email, want := range map[string]string{"ada@example.com": "hot", "bob@example.com": "cold"} {
			c := a.createClient(map[string]any{"name": "C", "email": email})
			ex := a.waitStatus(a.trigger(wf, c, nil), "COMPLETED")
			if tags := a.client(c).Tags; !slices.Equal(tags, []string{want}) {
				t.Errorf("%s: tags %v, want [%s]", email, tags, want)
			}
			out := ex.Outputs["score"].(map[string]any)
			headers, _ := out["headers"].(map[string]any)
			if out["status"] != float64(200) || headers["content-type"] != "application/json" || headers["set-cookie"] != nil {
				t.Errorf("%s: HTTP_REQUEST output %v", email, out)
			}
			wantHalf := fmt.Sprintf("half of the score is %v", float64(scores[email])/2)
			if msg := ex.Logs[len(ex.Logs)-1].InputData["message"]; msg != wantHalf {
				t.Errorf("%s: %q, want %q", email, msg, wantHalf)
			}
		}
		for _, r := range srv.Requests() {
			if key := r.Header.Get("Idempotency-Key"); !strings.HasSuffix(key, ":0") {
				t.Errorf("Idempotency-Key %q, want <execution>:0", key)
			}
		}
	})
}

// TestCancelStopsALoopBetweenItems: cancelling an execution whose loop is waiting on an
// item's webhook abandons the call, and no later item runs.
func TestCancelStopsALoopBetweenItems(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		srv := startBlockingServer(t)
		a := newAPI(t, db)
		cfg := testConfig(t)
		cfg.Webhooks = allowLoopback()
		startEngine(t, db, cfg)
		ada := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		var ids []any
		for i := range 3 {
			ids = append(ids, a.createClient(map[string]any{"name": "C", "email": fmt.Sprintf("c%d@example.com", i)}))
		}
		wf := a.createWorkflow("", "loop", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Type: spec.ActionForEach, Config: map[string]any{"items": "{{trigger.data.ids}}", "as": "target"}, Body: []spec.Action{
				{Type: spec.ActionSendWebhook, Config: map[string]any{"url": srv.URL + "/item", "body": map[string]any{"id": "{{target}}"}}},
				tagStep("seen", "{{target}}"),
			}},
		}})
		id := a.trigger(wf, ada, map[string]any{"ids": ids})
		waitChan(t, srv.arrived, "item 0's webhook")
		a.MustData(cancelMutation, map[string]any{"id": id}, nil)
		waitChan(t, srv.abandoned, "the abandoned call")
		a.settle(ada)
		if ex := a.execution(id); ex.Status != "CANCELLED" {
			t.Fatalf("status %s", ex.Status)
		}
		if n := len(srv.Requests()); n != 1 {
			t.Errorf("%d webhook calls, want only item 0's", n)
		}
		for _, c := range ids {
			if tags := a.client(c.(string)).Tags; len(tags) != 0 {
				t.Errorf("a client was tagged after the cancel: %v", tags)
			}
		}
	})
}

// TestStepTreeThroughTheAPI: a tree saved through GraphQL reads back as a tree, and a bad
// reference is refused with VALIDATION_FAILED and the pointer of the offending field.
func TestStepTreeThroughTheAPI(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		wf := a.createWorkflow("", "tree", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Key: "check", Type: spec.ActionIf, Config: map[string]any{"conditions": map[string]any{"expr": `"vip" in client.tags`}},
				Then: []spec.Action{tagStep("vip", "")}, Else: []spec.Action{{Type: spec.ActionStop, Config: map[string]any{"reason": "not vip"}}}},
			{Type: spec.ActionSwitch, Cases: []spec.Case{{Name: "lead", Conditions: map[string]any{"field": "status", "operator": "equals", "value": "LEAD"}, Actions: []spec.Action{tagStep("lead", "")}}}},
		}})
		var out struct {
			Node struct {
				Actions []struct {
					Key    *string
					Type   string
					Config map[string]any
					Then   []struct{ Type string }
					Else   []struct{ Type string }
					Cases  []struct {
						Name    string
						Actions []struct{ Type string }
					}
				}
			}
		}
		a.MustData(`query($id: ID!) { node(id: $id) { ... on Workflow { actions { key type config then { type } else { type } cases { name actions { type } } } } } }`, map[string]any{"id": wf}, &out)
		acts := out.Node.Actions
		if len(acts) != 2 || deref(acts[0].Key) != "check" || acts[0].Then[0].Type != "ADD_TAG" || acts[0].Else[0].Type != "STOP" ||
			acts[1].Cases[0].Name != "lead" || acts[1].Cases[0].Actions[0].Type != "ADD_TAG" || acts[1].Config == nil {
			t.Fatalf("actions read back as %+v", acts)
		}

		bad := map[string]any{"name": "bad", "triggerType": "MANUAL", "actions": []any{
			map[string]any{"type": "IF", "config": map[string]any{"conditions": map[string]any{"field": "status", "operator": "equals", "value": "LEAD"}},
				"then": []any{map[string]any{"type": "ADD_TAG", "config": map[string]any{"tag": "x"}}},
				"else": []any{map[string]any{"key": "score", "type": "CREATE_TASK", "config": map[string]any{"title": "t"}}}},
			map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "{{steps.score.output.title}}"}},
		}}
		e := a.MustFail(`mutation($in: CreateWorkflowInput!) { createWorkflow(input: $in) { id } }`, map[string]any{"in": bad}, "VALIDATION_FAILED")
		if problems := fmt.Sprint(e.Extensions["problems"]); !strings.Contains(problems, "/actions/1/config/message") ||
			!strings.Contains(problems, "steps.score is defined only in /actions/0/else") {
			t.Fatalf("problems = %s", problems)
		}
	})
}

// TestStepRunLimit: a run that reaches the engine's step limit fails with a clear message
// instead of looping on.
func TestStepRunLimit(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		cfg := testConfig(t)
		cfg.MaxStepRuns = 5
		a, wf, ada := manualRun(t, db, cfg, spec.Action{Type: spec.ActionForEach,
			Config: map[string]any{"items": "{{trigger.data.items}}", "as": "item"},
			Body:   []spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "{{item}}"}}}})
		ex := a.waitStatus(a.trigger(wf, ada, map[string]any{"items": []any{"a", "b", "c", "d", "e", "f"}}), "FAILED")
		if !strings.Contains(deref(ex.ErrorMessage), "ran 5 steps, the most one run may") || len(ex.Logs) != 5 {
			t.Fatalf("error %q, %d log rows", deref(ex.ErrorMessage), len(ex.Logs))
		}
	})
}

// TestComputeAfterALoopAndItsFailures: a loop's count is a number to CEL in the same run,
// and a value JSON cannot hold fails its step at once instead of being retried.
func TestComputeAfterALoopAndItsFailures(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a, wf, ada := manualRun(t, db, testConfig(t),
			spec.Action{Key: "each", Type: spec.ActionForEach, Config: map[string]any{"items": "{{trigger.data.items}}", "as": "item"},
				Body: []spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "{{item}}"}}}},
			spec.Action{Key: "calc", Type: spec.ActionCompute, Config: map[string]any{"values": map[string]any{"twice": "steps.each.output.count * 2.0"}}},
			spec.Action{Type: spec.ActionLogActivity, Config: map[string]any{"message": "twice {{steps.calc.output.twice}}"}},
		)
		ex := a.waitStatus(a.trigger(wf, ada, map[string]any{"items": []any{"a", "b", "c"}}), "COMPLETED")
		if msg := ex.Logs[len(ex.Logs)-1].InputData["message"]; msg != "twice 6" {
			t.Errorf("message %q, want twice 6", msg)
		}
		inf := a.createWorkflow("", "inf", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
			{Key: "bad", Type: spec.ActionCompute, Config: map[string]any{"values": map[string]any{"x": "1.0/0.0"}}},
		}})
		failed := a.waitStatus(a.trigger(inf, ada, nil), "FAILED")
		if len(failed.Logs) != 1 || !strings.Contains(deref(failed.ErrorMessage), "JSON cannot hold") {
			t.Errorf("error %q, logs %q", deref(failed.ErrorMessage), describeLogs(failed.Logs))
		}
	})
}
