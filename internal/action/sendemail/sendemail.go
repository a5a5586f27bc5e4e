// Package sendemail is the SEND_EMAIL action: it writes a message to the outbox (an internal
// effect, exactly once); the outbox sender delivers it over SMTP, at least once, under a stable
// Message-ID.
package sendemail

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/email"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/workflow"
)

// DefaultMessageIDDomain is the Message-ID domain when none is configured.
const DefaultMessageIDDomain = "flowline.local"

const (
	maxSubjectLength = 500
	maxCc            = 20
)

// Config is a rendered SEND_EMAIL config.
type Config struct {
	To         string   `json:"to"`
	Cc         []string `json:"cc,omitempty"`
	Subject    string   `json:"subject"`
	Body       string   `json:"body,omitempty"`
	TemplateID string   `json:"templateId,omitempty"`
}

// Type is SEND_EMAIL.
type Type struct{}

var _ action.Internal = Type{}

// Type implements workflow.ActionKind.
func (Type) Type() workflow.ActionType { return workflow.ActionSendEmail }

// Effect implements workflow.ActionKind.
func (Type) Effect() string { return "wouldSendEmail" }

// NeedsClient implements workflow.ClientActor: the step may name a client (clientId) and
// runs without one too.
func (Type) NeedsClient() bool { return false }

// ConfigSchema implements workflow.ConfigSchemaer.
func (Type) ConfigSchema() workflow.Schema {
	return workflow.SchemaObject(map[string]workflow.Schema{
		"to": workflow.SchemaString, "cc": workflow.SchemaList(workflow.SchemaString, true),
		"subject": workflow.SchemaString, "body": workflow.SchemaString, "templateId": workflow.SchemaString,
	}, "to")
}

// Output implements workflow.ActionKind.
func (Type) Output() map[string]workflow.FieldType {
	return map[string]workflow.FieldType{
		"emailId": workflow.FieldString, "messageId": workflow.FieldString, "to": workflow.FieldString,
		"status": workflow.FieldString, "reused": workflow.FieldBool,
	}
}

// Check implements workflow.ActionKind: {to, subject, body, cc?, templateId?}.
func (Type) Check(c *workflow.ConfigChecker, cfg map[string]any, base string) any {
	c.Object(cfg, base, "to", "cc", "subject", "body", "templateId")
	var out Config
	if s, ok := c.String(cfg, base, "to", true); ok {
		out.To = s
		c.Email(workflow.Pointer(base, "to"), s)
	}
	if v, found := cfg["cc"]; found && v != nil {
		list, ok := workflow.AsList(v)
		switch {
		case !ok:
			c.Problemf(workflow.Pointer(base, "cc"), "cc must be a list of email addresses, got %s", workflow.TypeName(v))
		case len(list) > maxCc:
			c.Problemf(workflow.Pointer(base, "cc"), "at most %d cc addresses, got %d", maxCc, len(list))
		default:
			for i, e := range list {
				s, isString := e.(string)
				if !isString {
					c.Problemf(workflow.Pointer(base, "cc", i), "must be a string, got %s", workflow.TypeName(e))
					continue
				}
				out.Cc = append(out.Cc, s)
				c.Email(workflow.Pointer(base, "cc", i), s)
			}
		}
	}
	if s, ok := c.String(cfg, base, "subject", true); ok {
		out.Subject = s
		path := workflow.Pointer(base, "subject")
		_ = c.SingleLine(path, s) && c.NotBlank(path, s) && c.MaxLen(path, s, maxSubjectLength)
	}
	if s, ok := c.String(cfg, base, "templateId", false); ok {
		out.TemplateID = s
		path := workflow.Pointer(base, "templateId")
		if c.SingleLine(path, s) && c.NotBlank(path, s) && c.MaxLen(path, s, workflow.MaxActionNameLength) {
			if _, known := emailTemplates[s]; !known {
				c.Problemf(path, "unknown email template %q; built-in templates: %s", s, strings.Join(EmailTemplateIDs(), ", "))
			}
		}
	}
	if v, found := cfg["body"]; (!found || v == nil) && out.TemplateID == "" {
		c.Problemf(workflow.Pointer(base, "body"), "body is required unless templateId is set")
	} else if s, ok := c.String(cfg, base, "body", false); ok {
		out.Body = s
		if out.TemplateID == "" {
			c.NotBlank(workflow.Pointer(base, "body"), s)
		}
	}
	return out
}

// Preview implements workflow.ActionKind.
func (Type) Preview(decoded any, _ workflow.Context, now time.Time) (map[string]any, time.Time) {
	c := decoded.(Config)
	details := map[string]any{"to": c.To, "subject": c.Subject}
	if len(c.Cc) > 0 {
		details["cc"] = c.Cc
	}
	return details, now
}

// Run implements action.Internal: it writes the message to the outbox; the sender delivers it
// later. The Message-ID is derived from <executionId>.<stepIndex>, and unique: when the step
// runs again (a retry from the start), the queued message is reused, and queued again if it
// had failed.
func (Type) Run(ctx context.Context, env action.Env, s action.Step, decoded any) (map[string]any, error) {
	cfg := decoded.(Config)
	if cfg.Body == "" {
		// Prepare fills a known templateId's text in before rendering; this one is unknown.
		return nil, action.Permanentf("email template %q does not exist; built-in templates: %s", cfg.TemplateID, strings.Join(EmailTemplateIDs(), ", "))
	}
	domain := env.MessageIDDomain
	if domain == "" {
		domain = DefaultMessageIDDomain
	}
	msgID := delivery.MessageID(s.MessageRef(), s.Index, domain)
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
func requeue(ctx context.Context, tx *ent.Client, s action.Step, msgID string) (*ent.Email, error) {
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
