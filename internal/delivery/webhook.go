package delivery

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/flowline/flowline/internal/metrics"
	"github.com/flowline/flowline/internal/netguard"
)

// Webhook limits and defaults.
const (
	// DefaultWebhookTimeout bounds a whole webhook call when WebhookSender.Client is nil.
	DefaultWebhookTimeout = 10 * time.Second
	// MaxWebhookRequestBody is the largest JSON body Send will post.
	MaxWebhookRequestBody = 1 << 20
	// MaxWebhookResponseBody is how much of the peer's answer Send reads and keeps.
	MaxWebhookResponseBody = 64 << 10
	// DefaultUserAgent is sent when WebhookSender.UserAgent is empty.
	DefaultUserAgent = "Flowline-Webhook/1"
)

// WebhookRequest is one SEND_WEBHOOK call. Method defaults to POST (PUT and PATCH are also
// accepted). Body is encoded as JSON; a json.RawMessage is sent as is. Headers are extra
// request headers; they may not replace the ones Send sets itself. IdempotencyKey is the
// step's stable key, <executionId>:<stepIndex>.
type WebhookRequest struct {
	URL            string
	Method         string
	Headers        map[string]string
	Body           any
	IdempotencyKey string
	// Request marks an HTTP_REQUEST call: GET and DELETE are allowed too, and a request
	// without a Body is sent without one.
	Request bool
	// MaxResponseBytes is how much of the answer is read (MaxWebhookResponseBody when 0).
	MaxResponseBytes int
}

// WebhookResult is what the peer answered. Body holds at most MaxWebhookResponseBody bytes
// of the response (cut at a UTF-8 boundary) and Truncated reports whether more was sent or
// the body could not be read to its end.
type WebhookResult struct {
	StatusCode int
	Body       string
	Truncated  bool
	DurationMs int64
	// Header holds the answer's headers.
	Header http.Header
}

// WebhookSender posts signed JSON webhooks.
//
// Client should come from netguard.Policy.Client so that internal addresses are refused; a
// nil Client uses the zero Policy (public addresses only) with DefaultWebhookTimeout. When
// SigningSecret is empty the request is sent unsigned. UserAgent defaults to
// DefaultUserAgent.
type WebhookSender struct {
	Client        *http.Client
	SigningSecret []byte
	UserAgent     string
}

// Send performs one webhook call and returns the peer's answer. A 2xx answer is success.
// Other answers return the result together with a *StatusError: 408, 429 and 5xx are
// retryable, every other status is wrapped in a *PermanentError. Transport failures are
// retryable except refused addresses, redirect loops and malformed requests, which are
// permanent. The destination appears in errors as scheme and host only, since webhook URLs
// often embed secrets in their path or query.
func (s *WebhookSender) Send(ctx context.Context, wr WebhookRequest) (WebhookResult, error) {
	res, err := s.send(ctx, wr)
	outcome := "error"
	if res.StatusCode != 0 {
		outcome = metrics.StatusClass(res.StatusCode)
	}
	metrics.Webhooks.WithLabelValues(outcome).Inc()
	return res, err
}

func (s *WebhookSender) send(ctx context.Context, wr WebhookRequest) (WebhookResult, error) {
	u, err := parseWebhookURL(wr.URL)
	if err != nil {
		return WebhookResult{}, permanentf("send webhook: %w", err)
	}
	dest := redactURL(u)
	req, err := s.newRequest(ctx, u, wr)
	if err != nil {
		return WebhookResult{}, fmt.Errorf("send webhook to %s: %w", dest, err)
	}

	start := time.Now()
	resp, err := s.client(wr.Headers).Do(req)
	if err != nil {
		res := WebhookResult{DurationMs: time.Since(start).Milliseconds()}
		return res, classifyTransportError(fmt.Errorf("send webhook to %s: %w", dest, redactURLError(err)))
	}
	defer resp.Body.Close()

	res := WebhookResult{StatusCode: resp.StatusCode, Header: resp.Header}
	limit := wr.MaxResponseBytes
	if limit <= 0 {
		limit = MaxWebhookResponseBody
	}
	res.Body, res.Truncated = readLimited(resp.Body, limit)
	res.DurationMs = time.Since(start).Milliseconds()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return res, nil
	}
	statusErr := &StatusError{StatusCode: resp.StatusCode, RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())}
	err = fmt.Errorf("send webhook to %s: %w", dest, statusErr)
	if !retryableStatus(resp.StatusCode) {
		err = permanent(err)
	}
	return res, err
}

// newRequest builds the HTTP request: JSON body, caller headers, then Flowline's own.
func (s *WebhookSender) newRequest(ctx context.Context, u *url.URL, wr WebhookRequest) (*http.Request, error) {
	method, err := webhookMethod(wr.Method, wr.Request)
	if err != nil {
		return nil, permanent(err)
	}
	payload := wr.Body
	if payload == nil && !wr.Request {
		payload = map[string]any{} // no body configured: an empty JSON object, not null
	}
	var body []byte
	if payload != nil {
		if body, err = json.Marshal(payload); err != nil {
			return nil, permanentf("encode body: %w", err)
		}
	}
	if len(body) > MaxWebhookRequestBody {
		return nil, permanentf("body is %d bytes, more than the %d allowed", len(body), MaxWebhookRequestBody)
	}
	if err := checkHeaders(wr.Headers); err != nil {
		return nil, permanent(err)
	}
	if strings.ContainsAny(wr.IdempotencyKey, "\r\n\x00") {
		return nil, permanentf("idempotency key contains a control character")
	}
	var reader io.Reader = http.NoBody
	if payload != nil {
		reader = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), reader)
	if err != nil {
		return nil, permanentf("build request: %w", redactURLError(err))
	}
	for k, v := range wr.Headers {
		req.Header.Set(k, v)
	}
	ua := s.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	timestamp := fmt.Sprint(time.Now().Unix())
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set(HeaderTimestamp, timestamp)
	if wr.IdempotencyKey != "" {
		req.Header.Set(HeaderIdempotencyKey, wr.IdempotencyKey)
	}
	if len(s.SigningSecret) > 0 {
		req.Header.Set(HeaderSignature, Sign(s.SigningSecret, timestamp, body))
	}
	return req, nil
}

// client returns the HTTP client for one call, with caller headers dropped on redirects to
// another host (see stripHeadersOnRedirect).
func (s *WebhookSender) client(headers map[string]string) *http.Client {
	base := s.Client
	if base == nil {
		base = netguard.Policy{}.Client(DefaultWebhookTimeout)
	}
	c := *base
	c.CheckRedirect = stripHeadersOnRedirect(base.CheckRedirect, headers)
	return &c
}

// parseWebhookURL accepts absolute http and https URLs with a host.
func parseWebhookURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		// url.Error repeats the whole URL, which may hold secrets; keep only the cause.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("invalid URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("URL scheme must be http or https, not %q", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("URL has no host")
	}
	return u, nil
}

// webhookMethod returns the HTTP method to use, POST by default.
func webhookMethod(m string, request bool) (string, error) {
	switch m = strings.ToUpper(m); m {
	case "":
		return http.MethodPost, nil
	case http.MethodPost, http.MethodPut, http.MethodPatch:
		return m, nil
	case http.MethodGet, http.MethodDelete:
		if request {
			return m, nil
		}
	}
	if request {
		return "", fmt.Errorf("method %q is not allowed (GET, POST, PUT, PATCH or DELETE)", m)
	}
	return "", fmt.Errorf("method %q is not allowed (POST, PUT or PATCH)", m)
}
