package engine_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/netguard"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

var signingSecret = []byte("test-signing-secret")

// hookServer is a webhook peer that answers with a status chosen per path and per request
// number.
type hookServer struct{ *testsupport.HTTPPeer }

// hookRequest is one request as the server saw it.
type hookRequest struct {
	Path, Body, IdempotencyKey, Signature, Timestamp, ContentType, APIKey string
}

// startHookServer starts a hookServer on 127.0.0.1; answer gets the path and the number of
// the request to that path, from 1.
func startHookServer(t *testing.T, answer func(path string, n int) int) *hookServer {
	t.Helper()
	return &hookServer{testsupport.StartHTTPPeer(t, "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(answer(r.URL.Path, testsupport.RequestOf(r).N))
		_, _ = io.WriteString(w, `{"ok":true}`)
	})}
}

// received returns the requests to path so far.
func (s *hookServer) received(path string) []hookRequest {
	var out []hookRequest
	for _, r := range s.RequestsTo(path) {
		out = append(out, hookRequest{
			Path: r.Path, Body: string(r.Body),
			IdempotencyKey: r.Header.Get("Idempotency-Key"),
			Signature:      r.Header.Get(delivery.HeaderSignature),
			Timestamp:      r.Header.Get(delivery.HeaderTimestamp),
			ContentType:    r.Header.Get("Content-Type"),
			APIKey:         r.Header.Get("X-Api-Key"),
		})
	}
	return out
}

// webhookWorkflow posts the client's name and the trigger's note to url, retrying quickly.
func webhookWorkflow(url string) spec.Definition {
	return spec.Definition{
		TriggerType: spec.TriggerManual,
		Actions: []spec.Action{{
			Type: spec.ActionSendWebhook,
			Config: map[string]any{
				"url":     url,
				"headers": map[string]any{"X-Api-Key": "key-123"},
				"body":    map[string]any{"client": "{{client.name}}", "note": "{{trigger.data.note}}"},
			},
			Retry: &spec.RetryPolicy{MaxAttempts: 3, InitialBackoff: "100ms", MaxBackoff: "200ms"},
		}},
	}
}

// allowLoopback is a webhook sender that may reach 127.0.0.1 and signs with signingSecret.
func allowLoopback() *delivery.WebhookSender {
	policy := netguard.Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}
	return &delivery.WebhookSender{Client: policy.Client(5 * time.Second), SigningSecret: signingSecret}
}

// TestWebhookDelivery: SEND_WEBHOOK posts the rendered JSON body with the step's
// Idempotency-Key and a valid signature; a 500 is retried (same key), a 400 is not.
func TestWebhookDelivery(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		srv := startHookServer(t, func(path string, n int) int {
			switch {
			case path == "/bad":
				return http.StatusBadRequest
			case path == "/flaky" && n == 1:
				return http.StatusInternalServerError
			}
			return http.StatusOK
		})
		a := newAPI(t, db)
		cfg := testConfig(t)
		cfg.Webhooks = allowLoopback()
		startEngine(t, db, cfg)
		owner := a.createUser("owner@example.com")
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})

		flaky := a.createWorkflow(owner, "flaky", webhookWorkflow(srv.URL+"/flaky"))
		ex := a.waitStatus(a.trigger(flaky, client, map[string]any{"note": "hi"}), "COMPLETED")
		if got := statuses(ex.Logs); strings.Join(got, " ") != "0:SEND_WEBHOOK:FAILED#1 0:SEND_WEBHOOK:SUCCESS#2" {
			t.Fatalf("logs = %v, want a FAILED try then a SUCCESS", got)
		}
		if ex.Logs[0].OutputData["statusCode"] != float64(500) || ex.Logs[1].OutputData["statusCode"] != float64(200) {
			t.Errorf("outputs: %v / %v", ex.Logs[0].OutputData, ex.Logs[1].OutputData)
		}
		if h, _ := ex.Logs[1].InputData["headers"].(map[string]any); h["X-Api-Key"] != "***" {
			t.Errorf("secret header not redacted in the log row: %v", ex.Logs[1].InputData)
		}
		reqs := srv.received("/flaky")
		if len(reqs) != 2 {
			t.Fatalf("server got %d requests, want 2 (one retry)", len(reqs))
		}
		for _, r := range reqs {
			if r.IdempotencyKey != ex.ID+":0" {
				t.Errorf("Idempotency-Key = %q, want %q", r.IdempotencyKey, ex.ID+":0")
			}
			if !delivery.VerifySignature(signingSecret, r.Timestamp, []byte(r.Body), r.Signature) {
				t.Errorf("signature %q does not verify", r.Signature)
			}
			var body map[string]any
			if err := json.Unmarshal([]byte(r.Body), &body); err != nil || body["client"] != "Ada" || body["note"] != "hi" || len(body) != 2 {
				t.Errorf("body = %s (%v)", r.Body, err)
			}
			if r.ContentType != "application/json" || r.APIKey != "key-123" {
				t.Errorf("headers: content type %q, api key %q", r.ContentType, r.APIKey)
			}
		}

		bad := a.createWorkflow(owner, "bad", webhookWorkflow(srv.URL+"/bad"))
		failed := a.waitStatus(a.trigger(bad, client, map[string]any{"note": "x"}), "FAILED")
		if got := statuses(failed.Logs); len(got) != 1 || got[0] != "0:SEND_WEBHOOK:FAILED#1" {
			t.Fatalf("logs = %v, want one FAILED try (4xx is not retried)", got)
		}
		if n := len(srv.received("/bad")); n != 1 {
			t.Fatalf("server got %d requests for a 400, want 1", n)
		}
		if msg := deref(failed.ErrorMessage); !strings.Contains(msg, "step 0 (SEND_WEBHOOK)") || !strings.Contains(msg, "400") {
			t.Errorf("errorMessage = %q", msg)
		}
	})
}

// TestWebhookRefusesLoopbackWithoutAllowList: without an allow-list, a webhook to 127.0.0.1
// is refused at dial time, never reaches the server, and the step is logged FAILED (not
// retried: the address will not become allowed).
func TestWebhookRefusesLoopbackWithoutAllowList(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		srv := startHookServer(t, func(string, int) int { return http.StatusOK })
		a := newAPI(t, db)
		cfg := testConfig(t)
		cfg.Webhooks = &delivery.WebhookSender{Client: netguard.Policy{}.Client(5 * time.Second), SigningSecret: signingSecret}
		startEngine(t, db, cfg)
		owner := a.createUser("owner@example.com")
		client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
		wf := a.createWorkflow(owner, "internal", webhookWorkflow(srv.URL+"/internal"))

		ex := a.waitStatus(a.trigger(wf, client, map[string]any{"note": "x"}), "FAILED")
		if got := statuses(ex.Logs); len(got) != 1 || got[0] != "0:SEND_WEBHOOK:FAILED#1" {
			t.Fatalf("logs = %v, want one FAILED try", got)
		}
		if msg := deref(ex.Logs[0].ErrorMessage); !strings.Contains(msg, "forbidden") && !strings.Contains(msg, "not allowed") {
			t.Errorf("log error = %q, want the address refusal", msg)
		}
		if n := len(srv.received("/internal")); n != 0 {
			t.Fatalf("the refused request reached the server %d times", n)
		}
	})
}

// TestWebhookAnswerWithNUL: a peer whose answer holds NUL bytes (which PostgreSQL's jsonb
// cannot store) still gets its step logged, with the NULs replaced.
func TestWebhookAnswerWithNUL(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		peer := testsupport.StartHTTPPeer(t, "127.0.0.1:0", testsupport.Respond(http.StatusOK, "a\x00b"))
		cfg := testConfig(t)
		cfg.Webhooks = allowLoopback()
		a, wf, client := manualRun(t, db, cfg,
			spec.Action{Type: spec.ActionSendWebhook, Config: map[string]any{"url": peer.URL, "body": map[string]any{}}})
		ex := a.waitStatus(a.trigger(wf, client, nil), "COMPLETED")
		if got := ex.Logs[0].OutputData["body"]; got != "a\uFFFDb" {
			t.Fatalf("logged body %q", got)
		}
	})
}
