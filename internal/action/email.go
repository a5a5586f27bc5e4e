package action

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/email"
	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/workflow"
)

// DefaultMessageIDDomain is the Message-ID domain when none is configured.
const DefaultMessageIDDomain = "flowline.local"

// queueEmail writes SEND_EMAIL's message to the outbox; the mailer delivers it later. The
// Message-ID is derived from <executionId>.<stepIndex>, and unique: when the step runs again
// (a retry from the start), the queued message is reused, and queued again if it had failed.
func queueEmail(ctx context.Context, env Env, s Step, cfg workflow.SendEmailConfig) (map[string]any, error) {
	if cfg.Body == "" {
		// The engine fills a known templateId's text in before rendering; this one is unknown.
		return nil, Permanentf("email template %q does not exist; built-in templates: %s", cfg.TemplateID, strings.Join(workflow.EmailTemplateIDs(), ", "))
	}
	domain := env.MessageIDDomain
	if domain == "" {
		domain = DefaultMessageIDDomain
	}
	msgID := delivery.MessageID(s.messageRef(), s.Index, domain)
	create := env.Tx.Email.Create().
		SetExecutionID(s.ExecutionID).
		SetStepIndex(s.Index).
		SetNillableClientID(s.ClientID).
		SetTo(cfg.To).
		SetSubject(cfg.Subject).
		SetBody(cfg.Body).
		SetMessageID(msgID).
		SetNextAttemptAt(s.Now)
	if len(cfg.Cc) > 0 {
		create.SetCc(cfg.Cc)
	}
	create.OnConflictColumns(email.FieldMessageID).DoNothing()
	m, err := create.Save(ctx)
	reused := false
	if errors.Is(err, sql.ErrNoRows) {
		m, err = requeue(ctx, env.Tx, s, msgID)
		reused = true
	}
	if err != nil {
		return nil, fmt.Errorf("queue email: %w", err)
	}
	return map[string]any{
		"emailId":   m.ID.String(),
		"messageId": m.MessageID,
		"to":        m.To,
		"status":    string(m.Status),
		"reused":    reused,
	}, nil
}

// requeue returns the message a previous run of the step queued, queueing it again if its
// delivery had failed for good.
func requeue(ctx context.Context, tx *ent.Client, s Step, msgID string) (*ent.Email, error) {
	m, err := tx.Email.Query().Where(email.MessageID(msgID)).Only(ctx)
	if err != nil {
		return nil, fmt.Errorf("read queued message %s: %w", msgID, err)
	}
	if m.Status != email.StatusFAILED {
		return m, nil
	}
	return m.Update().
		SetStatus(email.StatusQUEUED).
		SetAttempts(0).
		SetNextAttemptAt(s.Now).
		ClearLastError().
		Save(ctx)
}
