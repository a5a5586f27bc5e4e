// Package httprequest is the HTTP_REQUEST action: a call to another system whose answer later
// steps read ({{steps.<key>.output.body.score}}). It goes through the same SSRF guard, signing
// and Idempotency-Key as SEND_WEBHOOK (external: at least once).
package httprequest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/action/sendwebhook"
	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/workflow"
)

// Limits of a request.
const (
	// MaxResponseBytes is the largest answer a step reads; a larger one fails the step.
	MaxResponseBytes = 1 << 20
	// DefaultTimeout and MaxTimeout bound one call (timeoutSeconds).
	DefaultTimeout = 30 * time.Second
	MaxTimeout     = 5 * time.Minute
	maxExpected    = 20
)

// Methods are the methods a request may use; GET is the default.
var Methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}

// keptHeaders are the answer's headers the output shows (others may carry cookies or tokens).
var keptHeaders = []string{"Content-Type", "Content-Length", "Etag", "Last-Modified", "Location", "Retry-After", "X-Request-Id"}

// Config is a rendered HTTP_REQUEST config.
type Config struct {
	URL          string
	Method       string
	Headers      map[string]string
	Body         any
	ExpectStatus []int
	Timeout      time.Duration
}

// Type is HTTP_REQUEST.
type Type struct{}

var _ action.External = Type{}

// Type implements workflow.ActionKind.
func (Type) Type() workflow.ActionType { return workflow.ActionHTTPRequest }

// Effect implements workflow.ActionKind.
func (Type) Effect() string { return "wouldCallHTTP" }

// Output implements workflow.ActionKind: {status, headers, body}; body is the parsed JSON
// answer, or its text.
func (Type) Output() map[string]workflow.FieldType {
	return map[string]workflow.FieldType{
		"status": workflow.FieldNumber, "headers": workflow.FieldAny, "body": workflow.FieldAny,
		"durationMs": workflow.FieldNumber, "idempotencyKey": workflow.FieldString,
	}
}

// ConfigSchema implements workflow.ConfigSchemaer.
func (Type) ConfigSchema() workflow.Schema {
	s := sendwebhook.Type{}.ConfigSchema()
	props := s["properties"].(map[string]workflow.Schema)
	props["method"] = workflow.SchemaEnum(Methods, false)
	props["expectStatus"] = workflow.Schema{"type": "array", "items": workflow.Schema{"type": "integer", "minimum": 100, "maximum": 599}, "minItems": 1, "maxItems": maxExpected}
	props["timeoutSeconds"] = workflow.Schema{"type": "number", "minimum": 1, "maximum": MaxTimeout.Seconds()}
	return s
}

// Check implements workflow.ActionKind: {url, method?, headers?, body?, expectStatus?,
// timeoutSeconds?}.
func (Type) Check(c *workflow.ConfigChecker, cfg map[string]any, base string) any {
	c.Object(cfg, base, "url", "method", "headers", "body", "expectStatus", "timeoutSeconds")
	out := Config{Method: "GET", Body: workflow.DeepCopy(cfg["body"]), Timeout: DefaultTimeout}
	if s, ok := c.String(cfg, base, "url", true); ok {
		out.URL = s
		sendwebhook.CheckURL(c, workflow.Pointer(base, "url"), s)
	}
	if s, ok := c.String(cfg, base, "method", false); ok {
		c.Enum(workflow.Pointer(base, "method"), s, Methods)
		out.Method = s
	}
	if v, found := cfg["headers"]; found && v != nil {
		out.Headers = sendwebhook.CheckHeaders(c, workflow.Pointer(base, "headers"), v)
	}
	if v, found := cfg["expectStatus"]; found {
		out.ExpectStatus = checkStatuses(c, workflow.Pointer(base, "expectStatus"), v)
	}
	if n, ok := c.Number(cfg, base, "timeoutSeconds"); ok {
		if n < 1 || n > MaxTimeout.Seconds() {
			c.Problemf(workflow.Pointer(base, "timeoutSeconds"), "timeoutSeconds must be from 1 to %d, got %s", int(MaxTimeout.Seconds()), workflow.FormatNumber(n))
		}
		out.Timeout = time.Duration(n * float64(time.Second))
	}
	return out
}

func checkStatuses(c *workflow.ConfigChecker, path string, v any) []int {
	list, ok := workflow.AsList(v)
	if !ok || len(list) == 0 || len(list) > maxExpected {
		c.Problemf(path, "expectStatus must be a list of 1 to %d HTTP status codes, got %s", maxExpected, workflow.TypeName(v))
		return nil
	}
	var out []int
	for i, e := range list {
		f, isNum := e.(float64)
		if n, ok := e.(json.Number); ok {
			f, _ = n.Float64()
			isNum = true
		}
		if n, ok := e.(int); ok {
			f, isNum = float64(n), true
		}
		if !isNum || f != float64(int(f)) || f < 100 || f > 599 {
			c.Problemf(workflow.Pointer(path, i), "an HTTP status code from 100 to 599, got %v", e)
			continue
		}
		out = append(out, int(f))
	}
	return out
}

// Preview implements workflow.ActionKind: the call is described ("would call"), never made.
func (Type) Preview(decoded any, _ workflow.Context, now time.Time) (map[string]any, time.Time) {
	c := decoded.(Config)
	return map[string]any{"wouldCall": c.Method + " " + workflow.RedactURL(c.URL)}, now
}

// Redact implements workflow.ConfigRedactor, as SEND_WEBHOOK does.
func (Type) Redact(cfg map[string]any) map[string]any { return sendwebhook.Type{}.Redact(cfg) }

// Call implements action.External: it makes the request outside any transaction. A status in
// expectStatus (or any 2xx when it is not set) succeeds; others fail the step, retryably for
// 408, 429 and 5xx. The output describes the answer either way.
func (Type) Call(ctx context.Context, peers action.Peers, s action.Step, decoded any) (map[string]any, error) {
	cfg := decoded.(Config)
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	res, err := peers.Webhooks.Send(ctx, delivery.WebhookRequest{
		URL: cfg.URL, Method: cfg.Method, Headers: cfg.Headers, Body: cfg.Body,
		IdempotencyKey: s.IdempotencyKey(), Request: true, MaxResponseBytes: MaxResponseBytes,
	})
	out := map[string]any{"durationMs": res.DurationMs, "idempotencyKey": s.IdempotencyKey()}
	if res.StatusCode == 0 {
		return out, err
	}
	out["status"] = res.StatusCode
	out["headers"] = kept(res.Header)
	out["body"] = parseBody(res.Header.Get("Content-Type"), res.Body)
	if res.Truncated {
		return out, action.Permanentf("the answer is larger than %d bytes; HTTP_REQUEST reads at most that much", MaxResponseBytes)
	}
	if len(cfg.ExpectStatus) > 0 {
		if slices.Contains(cfg.ExpectStatus, res.StatusCode) {
			return out, nil
		}
		var se *delivery.StatusError
		if err != nil && errors.As(err, &se) {
			return out, err // a 4xx (permanent) or retryable answer, with its Retry-After
		}
		return out, action.Permanentf("status %d is not one of expectStatus %v", res.StatusCode, cfg.ExpectStatus)
	}
	return out, err
}

// kept returns the answer's allow-listed headers.
func kept(h http.Header) map[string]any {
	out := map[string]any{}
	for _, name := range keptHeaders {
		if v := h.Get(name); v != "" {
			out[strings.ToLower(name)] = v
		}
	}
	return out
}

// parseBody returns a JSON answer decoded, and any other answer as text.
func parseBody(contentType, body string) any {
	if strings.Contains(strings.ToLower(contentType), "json") {
		var v any
		dec := json.NewDecoder(strings.NewReader(body))
		if err := dec.Decode(&v); err == nil {
			return v
		}
	}
	return body
}
