package delivery_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/netguard"
	"github.com/flowline/flowline/internal/testsupport"
)

var webhookSecret = []byte("whsec-test-secret")

// loopbackSender returns a sender whose client may reach 127.0.0.0/8, as the engine's
// allow-list setting would configure for tests and on-premise peers.
func loopbackSender(t *testing.T, timeout time.Duration) *delivery.WebhookSender {
	t.Helper()
	allow, err := netguard.ParseAllowList("127.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	return &delivery.WebhookSender{
		Client:        netguard.Policy{Allow: allow}.Client(timeout),
		SigningSecret: webhookSecret,
		UserAgent:     "Flowline-Test",
	}
}

func TestWebhookSendDeliversSignedJSON(t *testing.T) {
	srv := testsupport.StartHTTPPeer(t, "127.0.0.1:0", testsupport.Respond(http.StatusOK, `{"received":true}`))
	s := loopbackSender(t, 5*time.Second)

	body := map[string]any{"event": "CLIENT_CREATED", "client": map[string]any{"name": "Ada", "vip": true}}
	res, err := s.Send(context.Background(), delivery.WebhookRequest{
		URL:            srv.URL + "/hooks/crm",
		Headers:        map[string]string{"X-Api-Key": "k-123"},
		Body:           body,
		IdempotencyKey: "exec-1:2",
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK || res.Body != `{"received":true}` || res.Truncated || res.DurationMs < 0 {
		t.Fatalf("result = %+v", res)
	}

	got := srv.Requests()
	if len(got) != 1 {
		t.Fatalf("server received %d requests, want 1", len(got))
	}
	r := got[0]
	want, _ := json.Marshal(body)
	checks := []struct{ name, got, want string }{
		{"method", r.Method, http.MethodPost},
		{"path", r.Path, "/hooks/crm"},
		{"body", string(r.Body), string(want)},
		{"Content-Type", r.Header.Get("Content-Type"), "application/json"},
		{"Idempotency-Key", r.Header.Get("Idempotency-Key"), "exec-1:2"},
		{"User-Agent", r.Header.Get("User-Agent"), "Flowline-Test"},
		{"custom header", r.Header.Get("X-Api-Key"), "k-123"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Fatalf("%s = %q, want %q", c.name, c.got, c.want)
			}
		})
	}
	t.Run("signature", func(t *testing.T) {
		ts := r.Header.Get(delivery.HeaderTimestamp)
		if d := time.Since(time.Unix(atoi(t, ts), 0)); d < -time.Minute || d > time.Minute {
			t.Fatalf("timestamp %s is not now", ts)
		}
		if !delivery.VerifySignature(webhookSecret, ts, r.Body, r.Header.Get(delivery.HeaderSignature)) {
			t.Fatalf("signature %q does not verify", r.Header.Get(delivery.HeaderSignature))
		}
	})
}

func TestWebhookSendClassifiesStatus(t *testing.T) {
	tests := []struct {
		status     int
		retryAfter string
		wantErr    bool
		permanent  bool
		wantDelay  time.Duration
	}{
		{status: 200},
		{status: 202},
		{status: 204},
		{status: 400, wantErr: true, permanent: true},
		{status: 401, wantErr: true, permanent: true},
		{status: 404, wantErr: true, permanent: true},
		{status: 422, wantErr: true, permanent: true},
		{status: 408, wantErr: true},
		{status: 429, retryAfter: "7", wantErr: true, wantDelay: 7 * time.Second},
		{status: 500, wantErr: true},
		{status: 502, wantErr: true},
		{status: 503, retryAfter: "120", wantErr: true, wantDelay: 2 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			srv := testsupport.StartHTTPPeer(t, "127.0.0.1:0", func(w http.ResponseWriter, _ *http.Request) {
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, "answer")
			})
			res, err := loopbackSender(t, 5*time.Second).Send(context.Background(), delivery.WebhookRequest{URL: srv.URL, Body: map[string]int{"n": 1}})
			if res.StatusCode != tt.status {
				t.Fatalf("StatusCode = %d, want %d", res.StatusCode, tt.status)
			}
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if delivery.IsPermanent(err) != tt.permanent {
				t.Fatalf("IsPermanent(%v) = %v, want %v", err, delivery.IsPermanent(err), tt.permanent)
			}
			if err == nil {
				return
			}
			var se *delivery.StatusError
			if !errors.As(err, &se) || se.StatusCode != tt.status || se.RetryAfter != tt.wantDelay {
				t.Fatalf("StatusError = %+v, want code %d delay %v", se, tt.status, tt.wantDelay)
			}
			if res.Body != "answer" {
				t.Fatalf("Body = %q, want the error answer kept", res.Body)
			}
			if len(srv.Requests()) != 1 {
				t.Fatalf("server received %d requests, want 1 (Send does not retry by itself)", len(srv.Requests()))
			}
		})
	}
}

func TestWebhookSendRefusesLoopbackWithoutAllowList(t *testing.T) {
	srv := testsupport.StartHTTPPeer(t, "127.0.0.1:0", testsupport.Respond(http.StatusOK, "ok"))
	senders := map[string]*delivery.WebhookSender{
		"guarded client without allow-list": {Client: netguard.Policy{}.Client(5 * time.Second), SigningSecret: webhookSecret},
		"nil client":                        {SigningSecret: webhookSecret},
	}
	for name, s := range senders {
		t.Run(name, func(t *testing.T) {
			_, err := s.Send(context.Background(), delivery.WebhookRequest{URL: srv.URL, Body: "x", IdempotencyKey: "e:0"})
			if !delivery.IsPermanent(err) || !errors.Is(err, netguard.ErrForbiddenAddress) {
				t.Fatalf("err = %v, want a permanent forbidden-address error", err)
			}
		})
	}
	if n := len(srv.Requests()); n != 0 {
		t.Fatalf("server received %d requests, want 0", n)
	}
}

func TestWebhookSendRefusesBadRequests(t *testing.T) {
	srv := testsupport.StartHTTPPeer(t, "127.0.0.1:0", testsupport.Respond(http.StatusOK, "ok"))
	tests := []struct {
		name   string
		req    delivery.WebhookRequest
		secret string // must not appear in the error
	}{
		{name: "malformed URL", req: delivery.WebhookRequest{URL: "http://[::1"}},
		{name: "relative URL", req: delivery.WebhookRequest{URL: "/hooks"}},
		{name: "file scheme", req: delivery.WebhookRequest{URL: "file:///etc/passwd"}},
		{name: "GET method", req: delivery.WebhookRequest{URL: srv.URL, Method: "GET"}},
		{name: "DELETE method", req: delivery.WebhookRequest{URL: srv.URL, Method: "DELETE"}},
		{name: "body not encodable", req: delivery.WebhookRequest{URL: srv.URL, Body: make(chan int)}},
		{name: "body too large", req: delivery.WebhookRequest{URL: srv.URL, Body: strings.Repeat("x", delivery.MaxWebhookRequestBody)}},
		{name: "CRLF in header value", req: delivery.WebhookRequest{URL: srv.URL, Headers: map[string]string{"Authorization": "Bearer tok-SECRET\r\nX-Evil: 1"}}, secret: "tok-SECRET"},
		{name: "invalid header name", req: delivery.WebhookRequest{URL: srv.URL, Headers: map[string]string{"Bad Name": "v"}}},
		{name: "overrides Content-Type", req: delivery.WebhookRequest{URL: srv.URL, Headers: map[string]string{"content-type": "text/plain"}}},
		{name: "overrides signature", req: delivery.WebhookRequest{URL: srv.URL, Headers: map[string]string{"X-Flowline-Signature": "sha256=00"}}},
		{name: "overrides Idempotency-Key", req: delivery.WebhookRequest{URL: srv.URL, Headers: map[string]string{"Idempotency-Key": "other"}}},
		{name: "CRLF in idempotency key", req: delivery.WebhookRequest{URL: srv.URL, IdempotencyKey: "a\r\nb"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loopbackSender(t, 5*time.Second).Send(context.Background(), tt.req)
			if !delivery.IsPermanent(err) {
				t.Fatalf("err = %v, want permanent", err)
			}
			if tt.secret != "" && strings.Contains(err.Error(), tt.secret) {
				t.Fatalf("error %q shows a header value", err)
			}
		})
	}
	if n := len(srv.Requests()); n != 0 {
		t.Fatalf("server received %d requests, want 0", n)
	}
}

func TestWebhookSendRetryableTransportErrors(t *testing.T) {
	// The slow peer never answers: it holds each request until the caller gives up (or the
	// peer is closed at the end of the test).
	slow := testsupport.StartHTTPPeer(t, "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	closedURL := "http://" + testsupport.ClosedAddr(t)

	tests := []struct {
		name    string
		url     string
		timeout time.Duration
	}{
		{"timeout", slow.URL, 200 * time.Millisecond},
		{"connection refused", closedURL, 5 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loopbackSender(t, tt.timeout).Send(context.Background(), delivery.WebhookRequest{URL: tt.url, Body: 1})
			if err == nil || delivery.IsPermanent(err) {
				t.Fatalf("err = %v, want a retryable error", err)
			}
		})
	}
}

func TestWebhookSendTruncatesLargeResponses(t *testing.T) {
	big := strings.Repeat("é", delivery.MaxWebhookResponseBody) // two bytes per rune
	srv := testsupport.StartHTTPPeer(t, "127.0.0.1:0", testsupport.Respond(http.StatusOK, big))
	res, err := loopbackSender(t, 5*time.Second).Send(context.Background(), delivery.WebhookRequest{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Truncated || len(res.Body) != delivery.MaxWebhookResponseBody || !strings.HasPrefix(big, res.Body) {
		t.Fatalf("Truncated = %v, len(Body) = %d; want true, %d", res.Truncated, len(res.Body), delivery.MaxWebhookResponseBody)
	}
}

func TestWebhookErrorsHideURLSecrets(t *testing.T) {
	srv := testsupport.StartHTTPPeer(t, "127.0.0.1:0", testsupport.Respond(http.StatusInternalServerError, "boom"))
	secretPath := "/services/T000/B000/PATHSECRET?token=QUERYSECRET"
	tests := []struct {
		name string
		s    *delivery.WebhookSender
	}{
		{"status error", loopbackSender(t, 5*time.Second)},
		{"transport error", &delivery.WebhookSender{Client: netguard.Policy{}.Client(time.Second)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.s.Send(context.Background(), delivery.WebhookRequest{URL: strings.Replace(srv.URL, "http://", "http://user:USERSECRET@", 1) + secretPath})
			if err == nil {
				t.Fatal("want an error")
			}
			for _, secret := range []string{"PATHSECRET", "QUERYSECRET", "USERSECRET"} {
				if strings.Contains(err.Error(), secret) {
					t.Fatalf("error %q shows %s", err, secret)
				}
			}
		})
	}
}

// TestWebhookRedirectDropsCustomHeadersAcrossHosts checks what a redirect carries: never a
// Referer (it would hold the original URL, query secrets included); to the same host the
// call's headers; to another host none of the workflow's headers and none of Flowline's own
// (signature, timestamp, Idempotency-Key).
func TestWebhookRedirectDropsCustomHeadersAcrossHosts(t *testing.T) {
	other := testsupport.StartHTTPPeer(t, "127.0.0.2:0", testsupport.Respond(http.StatusOK, "ok"))
	origin := testsupport.StartHTTPPeer(t, "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/same":
			http.Redirect(w, r, "/moved", http.StatusTemporaryRedirect)
		case "/other":
			http.Redirect(w, r, other.URL+"/moved", http.StatusTemporaryRedirect)
		}
	})
	tests := []struct {
		name     string
		path     string
		target   *testsupport.HTTPPeer
		sameHost bool
	}{
		{"same host keeps headers", "/same", origin, true},
		{"other host drops headers", "/other", other, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loopbackSender(t, 5*time.Second).Send(context.Background(), delivery.WebhookRequest{
				URL: origin.URL + tt.path + "?token=s3cret", Headers: map[string]string{"X-Api-Key": "k-123"}, Body: 1, IdempotencyKey: "e:1",
			})
			if err != nil {
				t.Fatal(err)
			}
			got := tt.target.Requests()
			last := got[len(got)-1]
			if last.Path != "/moved" {
				t.Fatalf("target's last request was %s, want /moved", last.Path)
			}
			if ref := last.Header.Get("Referer"); ref != "" {
				t.Errorf("the redirect carried Referer %q", ref)
			}
			for _, h := range []string{"X-Api-Key", delivery.HeaderIdempotencyKey, delivery.HeaderTimestamp} {
				if kept := last.Header.Get(h) != ""; kept != tt.sameHost {
					t.Errorf("%s present = %v after the redirect, want %v", h, kept, tt.sameHost)
				}
			}
		})
	}
}

func atoi(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("%q is not a number: %v", s, err)
	}
	return n
}
