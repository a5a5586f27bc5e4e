package graph_test

import (
	"context"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// statsMonday is the start of the seeded window: a Monday, so that WEEK buckets start there.
var statsMonday = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

// statsRun is one seeded execution: created at offset from statsMonday, finished after dur.
type statsRun struct {
	status workflowexecution.Status
	offset time.Duration
	dur    time.Duration
	err    string
}

func seedRuns(t *testing.T, db *testsupport.DB, wf *ent.Workflow, runs []statsRun) []*ent.WorkflowExecution {
	t.Helper()
	out := make([]*ent.WorkflowExecution, len(runs))
	for i, r := range runs {
		created := statsMonday.Add(r.offset)
		c := db.Client.WorkflowExecution.Create().SetWorkflowID(wf.ID).SetStatus(r.status).SetCreatedAt(created).
			SetTriggerData(map[string]any{"type": string(wf.TriggerType)})
		if r.status != workflowexecution.StatusPENDING {
			c.SetStartedAt(created)
		}
		if r.status == workflowexecution.StatusCOMPLETED || r.status == workflowexecution.StatusFAILED || r.status == workflowexecution.StatusCANCELLED {
			c.SetCompletedAt(created.Add(r.dur))
		}
		if r.err != "" {
			c.SetErrorMessage(r.err)
		}
		out[i] = c.SaveX(testsupport.Ctx())
	}
	return out
}

// seedLog writes one step attempt of ex.
func seedLog(t *testing.T, db *testsupport.DB, ex *ent.WorkflowExecution, run, index int, key string, typ spec.ActionType, status workflowexecutionlog.Status, attempt int, at time.Duration, ms int64) {
	t.Helper()
	c := db.Client.WorkflowExecutionLog.Create().SetExecutionID(ex.ID).SetRun(run).SetStepIndex(index).SetActionType(typ).
		SetStatus(status).SetAttempt(attempt).SetExecutedAt(ex.CreatedAt.Add(at)).SetDurationMs(ms).SetPath("/actions/" + string(rune('0'+index)))
	if key != "" {
		c.SetStepKey(key)
	}
	if status == workflowexecutionlog.StatusFAILED {
		c.SetErrorMessage("step failed")
	}
	c.SaveX(testsupport.Ctx())
}

type counts struct{ Pending, Running, Completed, Failed, Cancelled, Total, Finished int }

type statsAnswer struct {
	WorkflowStats struct {
		Counts        counts
		SuccessRate   *float64
		DurationP50Ms *float64
		DurationP95Ms *float64
		LastRun       *struct {
			ExecutionID string `json:"executionId"`
			Status      string
			CreatedAt   time.Time
		}
		Series []struct {
			Start  time.Time
			Counts counts
		}
		Steps []struct {
			WorkflowID    string `json:"workflowId"`
			StepKey       *string
			StepIndex     int
			ActionType    string
			Runs          int
			Failures      int
			DurationP50Ms *float64
		}
		TopFailing []struct {
			WorkflowID string `json:"workflowId"`
			Name       string
			Failures   int
			Total      int
		}
	}
}

const statsQuery = `query($wf: ID, $since: Time!, $until: Time!, $bucket: StatsBucket!) {
  workflowStats(workflowId: $wf, since: $since, until: $until, bucket: $bucket) {
    counts { pending running completed failed cancelled total finished }
    successRate durationP50Ms durationP95Ms
    lastRun { executionId status createdAt }
    series { start counts { pending running completed failed cancelled total } }
    steps { workflowId stepKey stepIndex actionType runs failures durationP50Ms }
    topFailing { workflowId name failures total }
  }
}`

type statsFixture struct {
	mine, theirs              *ent.Workflow
	editor, other             *ent.User
	mineRuns                  []*ent.WorkflowExecution
	since, until              time.Time
	adminAPI, editorAPI, vAPI *testsupport.APIClient
}

// seedStats seeds two editors' workflows with executions of known statuses and durations
// over three days, and step attempts of known durations.
func seedStats(t *testing.T, db *testsupport.DB) statsFixture {
	t.Helper()
	api := testsupport.NewAPI(t, db)
	f := statsFixture{adminAPI: api, editor: api.NewUser(auth.RoleEditor), other: api.NewUser(auth.RoleEditor)}
	f.editorAPI, f.vAPI = api.As(f.editor), api.As(api.NewUser(auth.RoleViewer))
	newWF := func(owner *ent.User, name string) *ent.Workflow {
		return db.Client.Workflow.Create().SetName(name).SetTriggerType(spec.TriggerManual).SetCreatedByID(owner.ID).
			SetActions([]spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "hi"}}}).SaveX(testsupport.Ctx())
	}
	f.mine, f.theirs = newWF(f.editor, "Mine"), newWF(f.other, "Theirs")
	h := time.Hour
	f.mineRuns = seedRuns(t, db, f.mine, []statsRun{
		{workflowexecution.StatusCOMPLETED, 1 * h, 100 * time.Millisecond, ""},
		{workflowexecution.StatusCOMPLETED, 2 * h, 200 * time.Millisecond, ""},
		{workflowexecution.StatusCOMPLETED, 25 * h, 300 * time.Millisecond, ""},
		{workflowexecution.StatusFAILED, 26 * h, 400 * time.Millisecond, "webhook answered 500"},
		{workflowexecution.StatusPENDING, 49 * h, 0, ""},
		{workflowexecution.StatusRUNNING, 50 * h, 0, ""},
		{workflowexecution.StatusCANCELLED, 51 * h, time.Second, ""},
		{workflowexecution.StatusCOMPLETED, -1 * h, time.Second, ""}, // before the window
		{workflowexecution.StatusFAILED, 72 * h, time.Second, ""},    // at until: excluded
	})
	seedRuns(t, db, f.theirs, []statsRun{
		{workflowexecution.StatusFAILED, 3 * h, time.Second, "timeout"},
		{workflowexecution.StatusFAILED, 4 * h, time.Second, "timeout"},
		{workflowexecution.StatusCOMPLETED, 5 * h, time.Second, ""},
	})
	ok, failed, skipped := workflowexecutionlog.StatusSUCCESS, workflowexecutionlog.StatusFAILED, workflowexecutionlog.StatusSKIPPED
	r := f.mineRuns
	seedLog(t, db, r[0], 1, 0, "find", spec.ActionFindClients, ok, 1, 0, 10)
	seedLog(t, db, r[0], 1, 1, "", spec.ActionSendWebhook, ok, 1, time.Millisecond, 20)
	seedLog(t, db, r[1], 1, 0, "find", spec.ActionFindClients, ok, 1, 0, 30)
	seedLog(t, db, r[1], 1, 1, "", spec.ActionSendWebhook, ok, 1, time.Millisecond, 40)
	seedLog(t, db, r[2], 1, 0, "find", spec.ActionFindClients, skipped, 1, 0, 0)
	seedLog(t, db, r[3], 1, 0, "find", spec.ActionFindClients, ok, 1, 0, 50)
	seedLog(t, db, r[3], 1, 1, "", spec.ActionSendWebhook, failed, 1, time.Millisecond, 60)
	seedLog(t, db, r[3], 1, 1, "", spec.ActionSendWebhook, failed, 2, 2*time.Millisecond, 70)
	seedLog(t, db, r[7], 1, 0, "find", spec.ActionFindClients, ok, 1, 0, 999) // outside the window
	f.since, f.until = statsMonday, statsMonday.Add(72*h)
	return f
}

func statsVars(wf *ent.Workflow, since, until time.Time, bucket string) map[string]any {
	v := map[string]any{"since": since.Format(time.RFC3339Nano), "until": until.Format(time.RFC3339Nano), "bucket": bucket}
	if wf != nil {
		v["wf"] = wf.ID.String()
	}
	return v
}

func eqFloat(got *float64, want float64) bool {
	return got != nil && *got > want-1e-6 && *got < want+1e-6
}

// TestWorkflowStats: counts, success rate, percentiles, last run, series and per-step
// figures of one workflow are exact on a known set, on both databases.
func TestWorkflowStats(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		f := seedStats(t, db)
		var out statsAnswer
		f.editorAPI.MustData(statsQuery, statsVars(f.mine, f.since, f.until, "DAY"), &out)
		s := out.WorkflowStats
		if want := (counts{1, 1, 3, 1, 1, 7, 4}); s.Counts != want {
			t.Errorf("counts = %+v, want %+v", s.Counts, want)
		}
		if !eqFloat(s.SuccessRate, 0.75) || !eqFloat(s.DurationP50Ms, 250) || !eqFloat(s.DurationP95Ms, 385) {
			t.Errorf("successRate %v p50 %v p95 %v, want 0.75 250 385", deref(s.SuccessRate), deref(s.DurationP50Ms), deref(s.DurationP95Ms))
		}
		if s.LastRun == nil || s.LastRun.ExecutionID != f.mineRuns[6].ID.String() || s.LastRun.Status != "CANCELLED" || !s.LastRun.CreatedAt.Equal(statsMonday.Add(51*time.Hour)) {
			t.Errorf("lastRun = %+v", s.LastRun)
		}
		wantSeries := []counts{{0, 0, 2, 0, 0, 2, 0}, {0, 0, 1, 1, 0, 2, 0}, {1, 1, 0, 0, 1, 3, 0}}
		if len(s.Series) != 3 {
			t.Fatalf("series = %+v, want 3 days", s.Series)
		}
		for i, p := range s.Series {
			if !p.Start.Equal(statsMonday.AddDate(0, 0, i)) || p.Counts != wantSeries[i] {
				t.Errorf("series[%d] = %v %+v, want %v %+v", i, p.Start, p.Counts, statsMonday.AddDate(0, 0, i), wantSeries[i])
			}
		}
		if len(s.Steps) != 2 {
			t.Fatalf("steps = %+v, want find and step 1", s.Steps)
		}
		find, hook := s.Steps[0], s.Steps[1]
		if find.StepKey == nil || *find.StepKey != "find" || find.StepIndex != 0 || find.ActionType != "FIND_CLIENTS" || find.Runs != 3 || find.Failures != 0 || !eqFloat(find.DurationP50Ms, 30) {
			t.Errorf("find step = %+v (p50 %v)", find, deref(find.DurationP50Ms))
		}
		if hook.StepKey != nil || hook.StepIndex != 1 || hook.ActionType != "SEND_WEBHOOK" || hook.Runs != 4 || hook.Failures != 2 || !eqFloat(hook.DurationP50Ms, 50) {
			t.Errorf("step 1 = %+v (p50 %v)", hook, deref(hook.DurationP50Ms))
		}
		if s.TopFailing != nil {
			t.Errorf("topFailing of one workflow = %+v, want null", s.TopFailing)
		}

		// WEEK and HOUR buckets: one Monday week; 72 hourly points.
		f.editorAPI.MustData(statsQuery, statsVars(f.mine, f.since, f.until, "WEEK"), &out)
		if p := out.WorkflowStats.Series; len(p) != 1 || !p[0].Start.Equal(statsMonday) || p[0].Counts.Total != 7 {
			t.Errorf("weekly series = %+v", p)
		}
		f.editorAPI.MustData(statsQuery, statsVars(f.mine, f.since.Add(30*time.Minute), f.until, "HOUR"), &out)
		if p := out.WorkflowStats.Series; len(p) != 72 || !p[0].Start.Equal(statsMonday) || p[1].Counts.Completed != 1 || p[51].Counts.Cancelled != 1 {
			t.Errorf("hourly series: %d points, first %+v", len(p), p[0])
		}
		// A window in the middle of a week, given with an offset: the week starts on Monday UTC.
		paris := time.FixedZone("CET", 3600)
		f.editorAPI.MustData(statsQuery, statsVars(f.mine, statsMonday.Add(24*time.Hour).In(paris), f.until.In(paris), "WEEK"), &out)
		if p := out.WorkflowStats.Series; len(p) != 1 || !p[0].Start.Equal(statsMonday) || p[0].Counts.Total != 5 {
			t.Errorf("weekly series from Tuesday = %+v", p)
		}
	})
}

// TestWorkflowStatsAuthorization: across workflows, each caller counts only the executions
// it may read (the same as workflowExecutions' totalCount); another editor's workflow is
// NOT_FOUND.
func TestWorkflowStatsAuthorization(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		f := seedStats(t, db)
		var out statsAnswer
		f.editorAPI.MustData(statsQuery, statsVars(nil, f.since, f.until, "DAY"), &out)
		s := out.WorkflowStats
		if s.Counts.Total != 7 || len(s.TopFailing) != 1 || s.TopFailing[0].Name != "Mine" || s.TopFailing[0].Failures != 1 || s.TopFailing[0].Total != 7 {
			t.Errorf("editor across workflows: counts %+v topFailing %+v", s.Counts, s.TopFailing)
		}
		for _, st := range s.Steps {
			if st.WorkflowID != f.mine.ID.String() {
				t.Errorf("editor sees steps of %s", st.WorkflowID)
			}
		}
		e := f.editorAPI.MustFail(statsQuery, statsVars(f.theirs, f.since, f.until, "DAY"), "NOT_FOUND")
		if e.Extensions["field"] != "workflowId" {
			t.Errorf("NOT_FOUND field = %v", e.Extensions["field"])
		}
		for name, api := range map[string]*testsupport.APIClient{"admin": f.adminAPI, "viewer": f.vAPI} {
			api.MustData(statsQuery, statsVars(nil, f.since, f.until, "DAY"), &out)
			s := out.WorkflowStats
			if s.Counts.Total != 10 || s.Counts.Failed != 3 || len(s.TopFailing) != 2 ||
				s.TopFailing[0].Name != "Theirs" || s.TopFailing[0].Failures != 2 || s.TopFailing[0].Total != 3 || s.TopFailing[1].Name != "Mine" {
				t.Errorf("%s across workflows: counts %+v topFailing %+v", name, s.Counts, s.TopFailing)
			}
		}
		// The same scope as the connection's.
		for _, api := range []*testsupport.APIClient{f.editorAPI, f.adminAPI} {
			var conn struct{ WorkflowExecutions struct{ TotalCount int } }
			api.MustData(`query($since: Time!, $until: Time!) { workflowExecutions(where: {createdAtGTE: $since, createdAtLT: $until}) { totalCount } }`,
				map[string]any{"since": f.since, "until": f.until}, &conn)
			api.MustData(statsQuery, statsVars(nil, f.since, f.until, "DAY"), &out)
			if conn.WorkflowExecutions.TotalCount != out.WorkflowStats.Counts.Total {
				t.Errorf("%s: connection counts %d, stats %d", api.User.Role, conn.WorkflowExecutions.TotalCount, out.WorkflowStats.Counts.Total)
			}
		}
	})
}

// TestWorkflowStatsRefusesBadWindows: an empty, reversed or too wide window, or one with too
// many buckets, is BAD_USER_INPUT naming the argument.
func TestWorkflowStatsRefusesBadWindows(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		day := 24 * time.Hour
		for _, tc := range []struct {
			name         string
			since, until time.Time
			bucket       string
			field        string
		}{
			{"empty", statsMonday, statsMonday, "DAY", "until"},
			{"reversed", statsMonday, statsMonday.Add(-day), "DAY", "until"},
			{"over 366 days", statsMonday, statsMonday.Add(367 * day), "WEEK", "until"},
			{"over 1000 buckets", statsMonday, statsMonday.Add(42 * day), "HOUR", "bucket"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				e := api.MustFail(statsQuery, statsVars(nil, tc.since, tc.until, tc.bucket), "BAD_USER_INPUT")
				if e.Extensions["field"] != tc.field || len(e.Path) != 1 || e.Path[0] != "workflowStats" {
					t.Errorf("field %v path %v, want %s and [workflowStats]: %+v", e.Extensions["field"], e.Path, tc.field, e)
				}
			})
		}
		var out statsAnswer
		api.MustData(statsQuery, statsVars(nil, statsMonday, statsMonday.Add(366*day), "DAY"), &out)
		if len(out.WorkflowStats.Series) != 366 || out.WorkflowStats.Counts.Total != 0 || out.WorkflowStats.SuccessRate != nil || out.WorkflowStats.DurationP50Ms != nil {
			t.Errorf("a year without executions: %d points, %+v", len(out.WorkflowStats.Series), out.WorkflowStats.Counts)
		}
	})
}

// TestRunHistoryFilters: failedActionType (the last failure of the current run), run,
// triggerType and errorMessageContains on workflowExecutions, ordered by createdAt.
func TestRunHistoryFilters(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		f := seedStats(t, db)
		ctx := testsupport.Ctx()
		ok, failed := workflowexecutionlog.StatusSUCCESS, workflowexecutionlog.StatusFAILED
		// A run 2 that failed at LOG_ACTIVITY after run 1 failed at SEND_WEBHOOK.
		retried := seedRuns(t, db, f.mine, []statsRun{{workflowexecution.StatusFAILED, 10 * time.Hour, time.Second, "activity log refused"}})[0]
		retried = retried.Update().SetRun(2).SaveX(ctx)
		seedLog(t, db, retried, 1, 1, "", spec.ActionSendWebhook, failed, 1, time.Millisecond, 5)
		seedLog(t, db, retried, 2, 0, "", spec.ActionLogActivity, failed, 1, 10*time.Millisecond, 5)
		// A step that failed with onError CONTINUE, then the failing step.
		cont := seedRuns(t, db, f.mine, []statsRun{{workflowexecution.StatusFAILED, 11 * time.Hour, time.Second, "task refused"}})[0]
		seedLog(t, db, cont, 1, 0, "", spec.ActionSendWebhook, failed, 1, time.Millisecond, 5)
		seedLog(t, db, cont, 1, 1, "", spec.ActionCreateTask, failed, 1, 2*time.Millisecond, 5)
		seedLog(t, db, cont, 1, 2, "", spec.ActionLogActivity, ok, 1, 3*time.Millisecond, 5)
		webhook := db.Client.Workflow.Create().SetName("Hook").SetTriggerType(spec.TriggerWebhook).SetCreatedByID(f.editor.ID).
			SetActions([]spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "hi", "clientId": "x"}}}).SaveX(ctx)
		hooked := seedRuns(t, db, webhook, []statsRun{{workflowexecution.StatusCOMPLETED, 12 * time.Hour, time.Second, ""}})[0]

		ids := func(where map[string]any) []string {
			t.Helper()
			var out struct {
				WorkflowExecutions struct {
					Edges []struct{ Node struct{ ID string } }
				}
			}
			f.editorAPI.MustData(`query($where: WorkflowExecutionWhereInput) {
				workflowExecutions(first: 50, where: $where, orderBy: [{field: CREATED_AT, direction: ASC}]) { edges { node { id } } } }`,
				map[string]any{"where": where}, &out)
			var got []string
			for _, e := range out.WorkflowExecutions.Edges {
				got = append(got, e.Node.ID)
			}
			return got
		}
		check := func(name string, where map[string]any, want ...*ent.WorkflowExecution) {
			t.Helper()
			got := ids(where)
			var wantIDs []string
			for _, w := range want {
				wantIDs = append(wantIDs, w.ID.String())
			}
			if len(got) != len(wantIDs) {
				t.Errorf("%s: got %v, want %v", name, got, wantIDs)
				return
			}
			for i := range got {
				if got[i] != wantIDs[i] {
					t.Errorf("%s: got %v, want %v", name, got, wantIDs)
					return
				}
			}
		}
		r := f.mineRuns
		check("failed at SEND_WEBHOOK", map[string]any{"failedActionType": "SEND_WEBHOOK"}, r[3])
		check("failed at LOG_ACTIVITY (run 2)", map[string]any{"failedActionType": "LOG_ACTIVITY"}, retried)
		check("failed at CREATE_TASK (after a CONTINUE failure)", map[string]any{"failedActionType": "CREATE_TASK"}, cont)
		check("not failed at", map[string]any{"not": map[string]any{"failedActionType": "SEND_WEBHOOK"}, "status": "FAILED"}, retried, cont, r[8])
		check("run 2", map[string]any{"run": 2}, retried)
		check("trigger type", map[string]any{"triggerType": "WEBHOOK"}, hooked)
		check("error contains", map[string]any{"errorMessageContains": "refused", "createdAtGTE": f.since}, retried, cont)
		check("combined", map[string]any{"workflowId": f.mine.ID.String(), "statusIn": []string{"FAILED"}, "createdAtLT": f.until, "errorMessageContainsFold": "WEBHOOK"}, r[3])
		// Another editor's executions stay invisible through the filters.
		check("their failures", map[string]any{"errorMessageContains": "timeout"})

		// Keyset pages of two, newest completion first, through a custom filter: together they
		// are the whole list, in order.
		var pages []string
		after := any(nil)
		for range 5 {
			var out struct {
				WorkflowExecutions struct {
					Edges    []struct{ Node struct{ ID string } }
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
			f.editorAPI.MustData(`query($after: Cursor) { workflowExecutions(first: 2, after: $after,
				where: {status: FAILED, not: {failedActionType: SEND_WEBHOOK}}, orderBy: [{field: COMPLETED_AT, direction: DESC}]) {
				edges { node { id } } pageInfo { hasNextPage endCursor } } }`, map[string]any{"after": after}, &out)
			for _, e := range out.WorkflowExecutions.Edges {
				pages = append(pages, e.Node.ID)
			}
			if !out.WorkflowExecutions.PageInfo.HasNextPage {
				break
			}
			after = out.WorkflowExecutions.PageInfo.EndCursor
		}
		if want := fmt.Sprint([]string{r[8].ID.String(), cont.ID.String(), retried.ID.String()}); fmt.Sprint(pages) != want {
			t.Errorf("pages by completedAt = %v, want %v", pages, want)
		}
	})
}

// TestExecutionTimeline: after a failed run and a retry from the start, the timeline lists
// both runs' attempts in order with their times; another editor gets NOT_FOUND.
func TestExecutionTimeline(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		editor := api.NewUser(auth.RoleEditor)
		me, other := api.As(editor), api.As(api.NewUser(auth.RoleEditor))
		eng := engine.New(db.DB, engine.Config{Workers: 1, PollInterval: 20 * time.Millisecond, LeaseDuration: 5 * time.Second,
			ShutdownTimeout: 5 * time.Second, Logger: slog.New(slog.DiscardHandler)})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); _ = eng.Run(ctx) }()
		t.Cleanup(func() { cancel(); <-done })

		var c struct{ CreateClient struct{ ID string } }
		me.MustData(`mutation { createClient(input: {name: "Ada", email: "ada@example.com"}) { id } }`, nil, &c)
		var wf struct{ CreateWorkflow struct{ ID string } }
		// HTTP_REQUEST to a loopback address is refused by the SSRF guard: a permanent failure.
		me.MustData(`mutation { createWorkflow(input: {name: "Gantt", triggerType: MANUAL, isActive: true, actions: [
			{key: "note", type: LOG_ACTIVITY, config: {message: "start"}},
			{type: HTTP_REQUEST, config: {url: "http://127.0.0.1:9/score"}}]}) { id } }`, nil, &wf)
		var run struct{ TriggerWorkflow struct{ ID string } }
		me.MustData(`mutation($id: ID!, $c: ID) { triggerWorkflow(id: $id, clientId: $c) { id } }`, map[string]any{"id": wf.CreateWorkflow.ID, "c": c.CreateClient.ID}, &run)
		id := run.TriggerWorkflow.ID
		waitFailed := func(wantRun int) {
			t.Helper()
			deadline := time.Now().Add(60 * time.Second)
			for {
				ex := db.Client.WorkflowExecution.GetX(testsupport.Ctx(), uuid.MustParse(id))
				if ex.Status == workflowexecution.StatusFAILED && ex.Run == wantRun {
					return
				}
				if time.Now().After(deadline) {
					t.Fatalf("execution still %s in run %d", ex.Status, ex.Run)
				}
				select {
				case <-time.After(20 * time.Millisecond):
				case <-done:
					t.Fatal("engine stopped")
				}
			}
		}
		waitFailed(1)
		me.MustData(`mutation($id: ID!) { retryExecution(id: $id, from: START) { id } }`, map[string]any{"id": id}, nil)
		waitFailed(2)

		const q = `query($id: ID!) { executionTimeline(executionId: $id) {
			execution { id status run } truncated
			steps { logId run attempt stepIndex stepKey path iteration branch actionType status startedAt endedAt durationMs errorMessage } } }`
		var out struct {
			ExecutionTimeline struct {
				Execution struct {
					ID, Status string
					Run        int
				}
				Truncated bool
				Steps     []struct {
					LogID                   string `json:"logId"`
					Run, Attempt, StepIndex int
					StepKey                 *string
					Path                    string
					Iteration               *int
					ActionType, Status      string
					StartedAt, EndedAt      time.Time
					DurationMs              int
					ErrorMessage            *string
				}
			}
		}
		me.MustData(q, map[string]any{"id": id}, &out)
		tl := out.ExecutionTimeline
		if tl.Execution.ID != id || tl.Execution.Status != "FAILED" || tl.Execution.Run != 2 || tl.Truncated {
			t.Fatalf("timeline execution = %+v truncated %v", tl.Execution, tl.Truncated)
		}
		var got []string
		for i, s := range tl.Steps {
			got = append(got, fmtStep(s.Run, s.StepIndex, s.ActionType, s.Status))
			if !s.EndedAt.Equal(s.StartedAt.Add(time.Duration(s.DurationMs)*time.Millisecond)) || s.Path != "/actions/"+string(rune('0'+s.StepIndex)) {
				t.Errorf("step %d: %+v", i, s)
			}
			if i > 0 && s.StartedAt.Before(tl.Steps[i-1].StartedAt) {
				t.Errorf("step %d starts before step %d", i, i-1)
			}
			if (s.Status == "FAILED") != (s.ErrorMessage != nil) || (s.StepIndex == 0) != (s.StepKey != nil && *s.StepKey == "note") {
				t.Errorf("step %d: %+v", i, s)
			}
		}
		want := []string{"1:0:LOG_ACTIVITY:SUCCESS", "1:1:HTTP_REQUEST:FAILED", "2:0:LOG_ACTIVITY:SUCCESS", "2:1:HTTP_REQUEST:FAILED"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("timeline = %v, want %v", got, want)
		}
		// The filter agrees: this execution failed at HTTP_REQUEST in its current run.
		var filtered struct{ WorkflowExecutions struct{ TotalCount int } }
		me.MustData(`{ workflowExecutions(where: {failedActionType: HTTP_REQUEST, run: 2}) { totalCount } }`, nil, &filtered)
		if filtered.WorkflowExecutions.TotalCount != 1 {
			t.Errorf("failedActionType HTTP_REQUEST, run 2: %d executions", filtered.WorkflowExecutions.TotalCount)
		}
		e := other.MustFail(q, map[string]any{"id": id}, "NOT_FOUND")
		if e.Extensions["field"] != "executionId" {
			t.Errorf("NOT_FOUND field = %v", e.Extensions["field"])
		}
	})
}

func fmtStep(run, index int, typ, status string) string {
	return fmt.Sprintf("%d:%d:%s:%s", run, index, typ, status)
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
