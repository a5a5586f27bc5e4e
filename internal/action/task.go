package action

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/task"
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/workflow"
)

// createTask creates CREATE_TASK's task on the step's client, due dueDays after the step.
// The assignee is the configured user (an id or an email), else the client's owner, else the
// workflow's creator.
func createTask(ctx context.Context, env Env, s Step, cfg workflow.CreateTaskConfig) (map[string]any, error) {
	assignee, err := taskAssignee(ctx, env, s, cfg.Assignee)
	if err != nil {
		return nil, err
	}
	due := s.Now.AddDate(0, 0, cfg.DueDays)
	priority := task.Priority(cfg.Priority)
	if err := task.PriorityValidator(priority); err != nil {
		return nil, Permanentf("priority %q is not a task priority", cfg.Priority)
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
func taskAssignee(ctx context.Context, env Env, s Step, configured string) (uuid.UUID, error) {
	if configured != "" {
		return findUser(ctx, env, configured)
	}
	if s.ClientID != nil {
		c, err := env.Tx.Contact.Query().Where(contact.ID(*s.ClientID)).Only(ctx)
		if err != nil && !ent.IsNotFound(err) {
			return uuid.Nil, fmt.Errorf("read client %s: %w", *s.ClientID, err)
		}
		if c != nil && c.OwnerID != nil {
			return *c.OwnerID, nil
		}
	}
	return s.CreatorID, nil
}

// findUser finds a user by id or email.
func findUser(ctx context.Context, env Env, ref string) (uuid.UUID, error) {
	q := env.Tx.User.Query()
	if id, err := uuid.Parse(ref); err == nil {
		q.Where(user.ID(id))
	} else if strings.Contains(ref, "@") {
		q.Where(user.EmailEqualFold(ref))
	} else {
		return uuid.Nil, Permanentf("assignee %q is neither a user id nor an email", ref)
	}
	id, err := q.OnlyID(ctx)
	if ent.IsNotFound(err) {
		return uuid.Nil, Permanentf("assignee %q is not a user", ref)
	}
	if err != nil {
		return uuid.Nil, fmt.Errorf("find assignee: %w", err)
	}
	return id, nil
}
