package action

import (
	"context"

	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/workflow"
)

// SendWebhook performs SEND_WEBHOOK with sender, outside any transaction. The output
// describes the peer's answer (status, body, timing) even when the call failed, so the log row
// shows what came back.
func SendWebhook(ctx context.Context, sender *delivery.WebhookSender, s Step, cfg workflow.WebhookConfig) (map[string]any, error) {
	res, err := sender.Send(ctx, delivery.WebhookRequest{
		URL:            cfg.URL,
		Method:         cfg.Method,
		Headers:        cfg.Headers,
		Body:           cfg.Body,
		IdempotencyKey: s.IdempotencyKey(),
	})
	out := map[string]any{"durationMs": res.DurationMs, "idempotencyKey": s.IdempotencyKey()}
	if res.StatusCode != 0 {
		out["statusCode"] = res.StatusCode
		out["body"] = res.Body
		if res.Truncated {
			out["bodyTruncated"] = true
		}
	}
	return out, err
}
