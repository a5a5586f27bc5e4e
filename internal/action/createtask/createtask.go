// Package createtask is the CREATE_TASK action: a task on the client (internal, exactly once).
package createtask

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/task"
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/workflow"
)

const (
	maxTitleLength = 500
	maxDueDays     = 3650
)

// Config is a rendered CREATE_TASK config. Priority is LOW, MEDIUM, HIGH or URGENT and
// defaults to MEDIUM. The task is due at the step's time plus DueDays (0, the default, means
// due now). Assignee is a user id or email; empty means the client's owner, or the workflow's
// owner when the run has no client. The seed's "text" key is accepted as Title.
type Config struct {
	Title    string `json:"title"`
	Priority string `json:"priority"`
	DueDays  int    `json:"dueDays"`
	Assignee string `json:"assignee,omitempty"`
}

// Type is CREATE_TASK.
type Type struct{}

var _ action.Internal = Type{}

// Type implements workflow.ActionKind.
func (Type) Type() workflow.ActionType { return workflow.ActionCreateTask }

// Effect implements workflow.ActionKind.
func (Type) Effect() string { return "wouldCreateTask" }

// NeedsClient implements workflow.ClientActor: the step may name a client (clientId) and
// runs without one too.
func (Type) NeedsClient() bool { return false }

// ConfigSchema implements workflow.ConfigSchemaer: title, or text (its older name).
func (Type) ConfigSchema() workflow.Schema {
	s := workflow.SchemaObject(map[string]workflow.Schema{
		"title": workflow.SchemaString, "text": workflow.SchemaString,
		"priority": workflow.SchemaEnum(workflow.TaskPriorities, true), "dueDays": workflow.SchemaNumber, "assignee": workflow.SchemaString,
	})
	s["oneOf"] = []workflow.Schema{{"required": []string{"title"}}, {"required": []string{"text"}}}
	return s
}

// Output implements workflow.ActionKind.
func (Type) Output() map[string]workflow.FieldType {
	return map[string]workflow.FieldType{
		"taskId": workflow.FieldString, "title": workflow.FieldString, "priority": workflow.FieldEnum,
		"dueAt": workflow.FieldTime, "assigneeId": workflow.FieldString,
	}
}

// Normalize implements workflow.ConfigNormalizer: the seed's "text" becomes "title".
func (Type) Normalize(cfg map[string]any) {
	text, hasText := cfg["text"]
	if _, hasTitle := cfg["title"]; hasText && !hasTitle {
		cfg["title"] = text
		delete(cfg, "text")
	}
}

// Check implements workflow.ActionKind: {title (or text), priority?, dueDays?, assignee?}.
func (Type) Check(c *workflow.ConfigChecker, cfg map[string]any, base string) any {
	c.Object(cfg, base, "title", "text", "priority", "dueDays", "assignee")
	out := Config{Priority: "MEDIUM"}
	_, hasTitle := cfg["title"]
	_, hasText := cfg["text"]
	key := "title"
	switch {
	case hasTitle && hasText:
		c.Problemf(workflow.Pointer(base, "text"), "use title or text (its older name), not both")
	case hasText:
		key = "text"
	}
	if s, ok := c.String(cfg, base, key, true); ok {
		out.Title = s
		path := workflow.Pointer(base, key)
		_ = c.NotBlank(path, s) && c.MaxLen(path, s, maxTitleLength)
	}
	if s, ok := c.String(cfg, base, "priority", false); ok {
		c.Enum(workflow.Pointer(base, "priority"), s, workflow.TaskPriorities)
		out.Priority = s
	}
	if f, ok := c.Number(cfg, base, "dueDays"); ok {
		path := workflow.Pointer(base, "dueDays")
		switch {
		case f != math.Trunc(f):
			c.Problemf(path, "dueDays must be a whole number of days, got %s", workflow.FormatNumber(f))
		case f < 0 || f > maxDueDays:
			c.Problemf(path, "dueDays must be between 0 and %d, got %s", maxDueDays, workflow.FormatNumber(f))
		default:
			out.DueDays = int(f)
		}
	}
	if s, ok := c.String(cfg, base, "assignee", false); ok {
		out.Assignee = s
		path := workflow.Pointer(base, "assignee")
		if c.SingleLine(path, s) && c.NotBlank(path, s) && c.MaxLen(path, s, workflow.MaxEmailLength) && !c.Dynamic(s) {
			if strings.Contains(s, "@") {
				c.Email(path, s)
			} else if _, err := uuid.Parse(s); err != nil {
				c.Problemf(path, "assignee must be a user id or an email address (or a {{placeholder}}), got %q", s)
			}
		}
	}
	return out
}

// Preview implements workflow.ActionKind.
func (Type) Preview(decoded any, ctx workflow.Context, now time.Time) (map[string]any, time.Time) {
	c := decoded.(Config)
	return map[string]any{
		"title":    c.Title,
		"priority": c.Priority,
		"dueAt":    now.AddDate(0, 0, c.DueDays).UTC().Format(time.RFC3339),
		"assignee": previewAssignee(c, ctx),
	}, now
}

// previewAssignee says who a task would be assigned to: the configured assignee, else the
// client's owner, else the workflow's owner.
func previewAssignee(c Config, ctx workflow.Context) string {
	if c.Assignee != "" {
		return c.Assignee
	}
	if id, ok := ctx.Lookup("client.ownerId"); ok && id != nil && id != "" {
		return fmt.Sprint(id)
	}
	return "workflow owner"
}

// Run implements action.Internal: it creates the task on the step's client, due dueDays
// after the step. The assignee is the configured user (an id or an email), else the client's
// owner, else the workflow's creator.
func (Type) Run(ctx context.Context, env action.Env, s action.Step, decoded any) (map[string]any, error) {
	cfg := decoded.(Config)
	assignee, err := taskAssignee(ctx, env, s, cfg.Assignee)
	if err != nil {
		return nil, err
	}
	due := s.Now.AddDate(0, 0, cfg.DueDays)
	priority := task.Priority(cfg.Priority)
	if err := task.PriorityValidator(priority); err != nil {
		return nil, action.Permanentf("priority %q is not a task priority", cfg.Priority)
	}
	t, err := env.Tx.Task.Create().
		SetTitle(cfg.Title).
		SetPriority(priority).
		SetDueAt(due).
		SetNillableClientID(s.ClientID).
		SetAssigneeID(assignee).
		Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("create task: %w", err)
	}
	return map[string]any{
		"taskId":     t.ID.String(),
		"title":      t.Title,
		"priority":   string(t.Priority),
		"dueAt":      due.UTC().Format(time.RFC3339),
		"assigneeId": assignee.String(),
	}, nil
}

// taskAssignee resolves who a task goes to.
func taskAssignee(ctx context.Context, env action.Env, s action.Step, configured string) (uuid.UUID, error) {
	if configured != "" {
		return findUser(ctx, env, configured)
	}
	// The client's owner, else the workflow's creator. The step's placeholders may have read
	// the client a moment ago (s.Client): then it is not read again.
	c := s.Client
	if c == nil && s.ClientID != nil {
		var err error
		if c, err = env.Tx.Contact.Query().Where(contact.ID(*s.ClientID)).Only(ctx); err != nil && !ent.IsNotFound(err) {
			return uuid.Nil, fmt.Errorf("read client %s: %w", *s.ClientID, err)
		}
	}
	if c != nil && c.OwnerID != nil {
		return *c.OwnerID, nil
	}
	return s.CreatorID, nil
}

// findUser finds a user by id or email.
func findUser(ctx context.Context, env action.Env, ref string) (uuid.UUID, error) {
	q := env.Tx.User.Query()
	if id, err := uuid.Parse(ref); err == nil {
		q.Where(user.ID(id))
	} else if strings.Contains(ref, "@") {
		q.Where(user.EmailEqualFold(ref))
	} else {
		return uuid.Nil, action.Permanentf("assignee %q is neither a user id nor an email", ref)
	}
	id, err := q.OnlyID(ctx)
	if ent.IsNotFound(err) {
		return uuid.Nil, action.Permanentf("assignee %q is not a user", ref)
	}
	if err != nil {
		return uuid.Nil, fmt.Errorf("find assignee: %w", err)
	}
	return id, nil
}
