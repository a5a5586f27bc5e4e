package workflowstore

import (
	"context"
	"crypto/subtle"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/workflow"
)

// webhookSecretPrefix makes a leaked secret recognisable (for secret scanners, too).
const webhookSecretPrefix = "whsec_"

// newWebhookSecret returns a fresh secret and the hash that is stored (auth.NewSecret):
// the secret is shown once.
func newWebhookSecret() (secret, hash string, err error) {
	return auth.NewSecret(webhookSecretPrefix)
}

// HashWebhookSecret is what is stored of a webhook secret.
func HashWebhookSecret(secret string) string { return auth.HashSecret(secret) }

// WebhookSecretMatches reports, in constant time, whether presented is the secret whose hash
// is stored.
func WebhookSecretMatches(storedHash *string, presented string) bool {
	if storedHash == nil || *storedHash == "" || presented == "" {
		return false
	}
	want := []byte(*storedHash)
	got := []byte(HashWebhookSecret(presented))
	return subtle.ConstantTimeCompare(want, got) == 1
}

// RotateWebhookSecret gives a WEBHOOK workflow a new secret and returns it; the old one stops
// working when the transaction commits.
func RotateWebhookSecret(ctx context.Context, db *ent.Client, id uuid.UUID, opts Options) (*ent.Workflow, string, error) {
	wf, err := Load(ctx, db, id, opts)
	if err != nil {
		return nil, "", err
	}
	if wf.TriggerType != workflow.TriggerWebhook {
		return nil, "", conflictf("workflow %s has trigger %s; only WEBHOOK workflows have a secret", id, wf.TriggerType)
	}
	secret, hash, err := newWebhookSecret()
	if err != nil {
		return nil, "", err
	}
	saved, err := wf.Update().SetWebhookSecret(hash).Save(ctx)
	if err != nil {
		return nil, "", fmt.Errorf("rotate webhook secret: %w", err)
	}
	return saved, secret, nil
}
