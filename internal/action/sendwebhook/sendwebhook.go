// Package sendwebhook is the SEND_WEBHOOK action: a signed JSON request to another system
// through the SSRF guard (external: at least once, with a stable Idempotency-Key).
package sendwebhook

import (
	"context"
	"time"

	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/workflow"
)

// Config is a rendered SEND_WEBHOOK config. Method defaults to POST; Body is any JSON value
// (nil: no body).
type Config struct {
	URL     string            `json:"url"`
	Method  string            `json:"method"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    any               `json:"body,omitempty"`
}

// Type is SEND_WEBHOOK.
type Type struct{}

var _ action.External = Type{}

// Type implements workflow.ActionKind.
func (Type) Type() workflow.ActionType { return workflow.ActionSendWebhook }

// Effect implements workflow.ActionKind.
func (Type) Effect() string { return "wouldSendWebhook" }

// Output implements workflow.ActionKind.
func (Type) Output() map[string]workflow.FieldType {
	return map[string]workflow.FieldType{
		"status": workflow.FieldNumber, "statusCode": workflow.FieldNumber, "body": workflow.FieldAny, "bodyTruncated": workflow.FieldBool,
		"durationMs": workflow.FieldNumber, "idempotencyKey": workflow.FieldString,
	}
}

// ConfigSchema implements workflow.ConfigSchemaer.
func (Type) ConfigSchema() workflow.Schema {
	return workflow.SchemaObject(map[string]workflow.Schema{
		"url": {"type": "string", "pattern": "^(?i)https?://"}, "method": workflow.SchemaEnum(Methods, false),
		"headers": {"type": "object", "additionalProperties": workflow.SchemaString, "maxProperties": maxHeaders}, "body": workflow.SchemaAny,
	}, "url")
}

// Preview implements workflow.ActionKind: the call is described, never made.
func (Type) Preview(decoded any, _ workflow.Context, now time.Time) (map[string]any, time.Time) {
	c := decoded.(Config)
	return map[string]any{"url": workflow.RedactURL(c.URL), "method": c.Method}, now
}

// Redact implements workflow.ConfigRedactor: secret headers, secret query parameters and URL
// credentials in url, and secret keys anywhere in body.
func (Type) Redact(cfg map[string]any) map[string]any {
	if s, ok := cfg["url"].(string); ok {
		cfg["url"] = workflow.RedactURL(s)
	}
	workflow.RedactHeaders(cfg["headers"])
	if body, ok := cfg["body"]; ok {
		cfg["body"] = workflow.RedactBody(body, 0)
	}
	return cfg
}

// Call implements action.External: it sends the request outside any transaction. The output
// describes the peer's answer (status, body, timing) even when the call failed, so the log
// row shows what came back.
func (Type) Call(ctx context.Context, peers action.Peers, s action.Step, decoded any) (map[string]any, error) {
	cfg := decoded.(Config)
	res, err := peers.Webhooks.Send(ctx, delivery.WebhookRequest{
		URL:            cfg.URL,
		Method:         cfg.Method,
		Headers:        cfg.Headers,
		Body:           cfg.Body,
		IdempotencyKey: s.IdempotencyKey(),
	})
	out := map[string]any{"durationMs": res.DurationMs, "idempotencyKey": s.IdempotencyKey()}
	if res.StatusCode != 0 {
		out["statusCode"] = res.StatusCode
		out["status"] = res.StatusCode // the name HTTP_REQUEST uses
		out["body"] = res.Body
		if res.Truncated {
			out["bodyTruncated"] = true
		}
	}
	return out, err
}
