package workflow

import (
	"fmt"
	"time"

	"github.com/flowline/flowline/internal/workflow/spec"
)

// OnError values: what happens when a step still fails after its retries (STOP is the default;
// Action.EffectiveOnError applies it).
const (
	OnErrorStop     = spec.OnErrorStop
	OnErrorContinue = spec.OnErrorContinue
)

// Limits on actions and their configs; error messages state them when exceeded.
const (
	MaxActions           = 50
	MaxActionConfigBytes = 16 << 10 // JSON size of one action's config
	MaxActionNameLength  = 200
	maxSubjectLength     = 500
	maxTitleLength       = 500
	maxTagLength         = 64
	maxTags              = 100
	maxMessageLength     = 4000
	maxEmailLength       = 320
	maxCc                = 20
	maxDueDays           = 3650
	maxURLLength         = 2048
	maxHeaders           = 20
	maxHeaderValueLength = 1024
	maxDelay             = 365 * 24 * time.Hour
)

// SendEmailConfig is a rendered SEND_EMAIL config.
type SendEmailConfig struct {
	To         string   `json:"to"`
	Cc         []string `json:"cc,omitempty"`
	Subject    string   `json:"subject"`
	Body       string   `json:"body,omitempty"`
	TemplateID string   `json:"templateId,omitempty"`
}

// CreateTaskConfig is a rendered CREATE_TASK config. Priority is LOW, MEDIUM, HIGH or URGENT and
// defaults to MEDIUM. The task is due at the step's time plus DueDays (0, the default, means
// due now). Assignee is a user id or email; empty means the client's owner, or the workflow's
// owner when the run has no client. The seed's "text" key is accepted as Title.
type CreateTaskConfig struct {
	Title    string `json:"title"`
	Priority string `json:"priority"`
	DueDays  int    `json:"dueDays"`
	Assignee string `json:"assignee,omitempty"`
}

// UpdateClientConfig is a rendered UPDATE_CLIENT config. Set's keys are among name, email,
// phone, status, tags and ownerId; values are strings, except tags ([]string) and null for
// phone and ownerId (which clears them).
type UpdateClientConfig struct {
	Set map[string]any `json:"set"`
}

// TagConfig is a rendered ADD_TAG or REMOVE_TAG config.
type TagConfig struct {
	Tag string `json:"tag"`
}

// WebhookConfig is a rendered SEND_WEBHOOK config. Method defaults to POST; Body is any JSON
// value (nil: no body).
type WebhookConfig struct {
	URL     string            `json:"url"`
	Method  string            `json:"method"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    any               `json:"body,omitempty"`
}

// DelayConfig is a rendered DELAY config: exactly one of Duration (from minutes, hours or days)
// and Until is set.
type DelayConfig struct {
	Duration time.Duration `json:"duration,omitempty"`
	Until    time.Time     `json:"until,omitzero"`
}

// LogActivityConfig is a rendered LOG_ACTIVITY config.
type LogActivityConfig struct {
	Message string `json:"message"`
}

// DecodeConfig checks a rendered action config and returns its typed form: one of
// SendEmailConfig, CreateTaskConfig, UpdateClientConfig, TagConfig, WebhookConfig, DelayConfig or
// LogActivityConfig (a value, not a pointer). It applies the same rules as Validate, but reads
// strings literally: after rendering, "{{" is data. The error wraps a *ValidationError whose
// paths are relative to the config ("/to").
func DecodeConfig(t ActionType, cfg map[string]any) (any, error) {
	if !t.IsValid() {
		return nil, fmt.Errorf("decode config: unknown action type %q", t)
	}
	var p problems
	c := configChecker{p: &p}
	out := c.config(t, cfg, "")
	if err := p.err(); err != nil {
		return nil, fmt.Errorf("decode %s config: %w", t, err)
	}
	return out, nil
}

// configChecker decodes a config while recording problems. With templated set (save time),
// strings may hold placeholders and format checks are left to DecodeConfig after rendering; the
// placeholders themselves are checked by checkPlaceholders.
type configChecker struct {
	p         *problems
	templated bool
}

// dynamic reports whether s is a template whose value is only known at run time.
func (c *configChecker) dynamic(s string) bool { return c.templated && hasTemplate(s) }

func (c *configChecker) config(t ActionType, cfg map[string]any, base string) any {
	switch t {
	case ActionSendEmail:
		return c.sendEmail(cfg, base)
	case ActionCreateTask:
		return c.createTask(cfg, base)
	case ActionUpdateClient:
		return c.updateClient(cfg, base)
	case ActionAddTag, ActionRemoveTag:
		return c.tagConfig(cfg, base)
	case ActionSendWebhook:
		return c.webhook(cfg, base)
	case ActionDelay:
		return c.delay(cfg, base)
	case ActionLogActivity:
		return c.logActivity(cfg, base)
	}
	return nil
}
