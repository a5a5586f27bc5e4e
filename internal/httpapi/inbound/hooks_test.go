package inbound_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
	"github.com/flowline/flowline/internal/workflowstore"
)

const secret = "s3cret-webhook-token"

// post sends a webhook call through the real HTTP handler and returns the status and the
// decoded JSON answer.
func post(t *testing.T, api *testsupport.APIClient, path, body string, headers map[string]string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, api.Server.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := api.Server.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return res.StatusCode, out
}

func TestIncomingWebhook(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		api := testsupport.NewAPI(t, db)
		u := db.Client.User.Create().SetEmail("u@example.com").SetName("U").SaveX(ctx)
		client := db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").SaveX(ctx)
		mk := func(tt spec.TriggerType, active bool) *ent.Workflow {
			return db.Client.Workflow.Create().SetName("hook").SetTriggerType(tt).SetIsActive(active).
				SetWebhookSecret(workflowstore.HashWebhookSecret(secret)).SetCreatedByID(u.ID).
				SetActions([]spec.Action{{Type: spec.ActionLogActivity, Config: map[string]any{"message": "hi"}}}).SaveX(ctx)
		}
		hook, manual, inactive := mk(spec.TriggerWebhook, true), mk(spec.TriggerManual, true), mk(spec.TriggerWebhook, false)
		count := func() int { return db.Client.WorkflowExecution.Query().CountX(ctx) }
		path := "/hooks/" + hook.ID.String()
		auth := map[string]string{"X-Flowline-Webhook-Secret": secret}

		refused := []struct {
			name, path, body string
			headers          map[string]string
			status           int
		}{
			{"no secret", path, `{}`, nil, http.StatusUnauthorized},
			{"wrong secret", path, `{}`, map[string]string{"X-Flowline-Webhook-Secret": "guess"}, http.StatusUnauthorized},
			{"wrong bearer", path, `{}`, map[string]string{"Authorization": "Bearer guess"}, http.StatusUnauthorized},
			{"unknown workflow", "/hooks/0eebf4c3-89cf-4354-bb3f-fca3c7851aff", `{}`, auth, http.StatusUnauthorized},
			{"malformed id", "/hooks/nope", `{}`, auth, http.StatusUnauthorized},
			{"not a WEBHOOK workflow", "/hooks/" + manual.ID.String(), `{}`, auth, http.StatusUnauthorized},
			{"inactive workflow", "/hooks/" + inactive.ID.String(), `{}`, auth, http.StatusConflict},
			{"body not an object", path, `[1,2]`, auth, http.StatusBadRequest},
			{"NUL in the body", path, `{"k":"a\u0000b"}`, auth, http.StatusBadRequest},
			{"body over the trigger-data cap", path, `{"k":"` + strings.Repeat("x", 64<<10) + `"}`, auth, http.StatusRequestEntityTooLarge},
			{"unknown client", path + "?clientId=0eebf4c3-89cf-4354-bb3f-fca3c7851aff", `{}`, auth, http.StatusNotFound},
		}
		for _, tc := range refused {
			status, out := post(t, api, tc.path, tc.body, tc.headers)
			if status != tc.status || out["error"] == nil {
				t.Errorf("%s: status %d %v, want %d with an error", tc.name, status, out, tc.status)
			}
			if n := count(); n != 0 {
				t.Fatalf("%s: %d executions created", tc.name, n)
			}
		}

		status, out := post(t, api, path+"?clientId="+client.ID.String(), `{"order": 42}`, map[string]string{"Authorization": "Bearer " + secret})
		if status != http.StatusAccepted || out["status"] != "PENDING" {
			t.Fatalf("accepted call: %d %v", status, out)
		}
		ex := db.Client.WorkflowExecution.Query().OnlyX(ctx)
		if ex.ID.String() != out["executionId"] || ex.ClientID == nil || *ex.ClientID != client.ID ||
			ex.TriggerData["data"].(map[string]any)["order"] != float64(42) {
			t.Fatalf("execution = %+v", ex)
		}

		keyed := map[string]string{"X-Flowline-Webhook-Secret": secret, "Idempotency-Key": "delivery-7"}
		s1, o1 := post(t, api, path, `{}`, keyed)
		s2, o2 := post(t, api, path, `{}`, keyed)
		if s1 != http.StatusAccepted || s2 != http.StatusOK || o1["executionId"] != o2["executionId"] || count() != 2 {
			t.Fatalf("repeated delivery: %d %v then %d %v, %d executions", s1, o1, s2, o2, count())
		}

		// Concurrent deliveries of one key: exactly one 202, the others 200, one execution.
		concurrent := map[string]string{"X-Flowline-Webhook-Secret": secret, "Idempotency-Key": "delivery-8"}
		statuses := make([]int, 8)
		var wg sync.WaitGroup
		for i := range statuses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				req, _ := http.NewRequest(http.MethodPost, api.Server.URL+path, strings.NewReader(`{}`))
				for k, v := range concurrent {
					req.Header.Set(k, v)
				}
				if res, err := api.Server.Client().Do(req); err == nil {
					statuses[i] = res.StatusCode
					_ = res.Body.Close()
				}
			}()
		}
		wg.Wait()
		accepted, ok := 0, 0
		for _, st := range statuses {
			switch st {
			case http.StatusAccepted:
				accepted++
			case http.StatusOK:
				ok++
			}
		}
		if accepted != 1 || ok != len(statuses)-1 || count() != 3 {
			t.Fatalf("concurrent deliveries: statuses %v, %d executions", statuses, count())
		}
	})
}
