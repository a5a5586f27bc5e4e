package find

import (
	"context"

	"entgo.io/ent/dialect/sql"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/predicate"
	"github.com/flowline/flowline/ent/task"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
)

// Clients is FIND_CLIENTS.
var Clients = &kind{
	typ:    workflow.ActionFindClients,
	plural: "clients",
	fields: workflow.ClientFields(),
	custom: true,
	orders: []string{"createdAt", "updatedAt", "name", "email"},
	scan:   scanClients,
}

// Tasks is FIND_TASKS.
var Tasks = &kind{
	typ:    workflow.ActionFindTasks,
	plural: "tasks",
	fields: workflow.TaskFields(),
	orders: []string{"createdAt", "dueAt", "title"},
	scan:   scanTasks,
}

var (
	_ action.Internal = Clients
	_ action.Internal = Tasks
)

func order(field string, desc bool) func(*sql.Selector) {
	if desc {
		return ent.Desc(field)
	}
	return ent.Asc(field)
}

func uuids(vals []string) []uuid.UUID {
	var out []uuid.UUID
	for _, v := range vals {
		if id, err := uuid.Parse(v); err == nil {
			out = append(out, id)
		}
	}
	return out
}

func scanClients(ctx context.Context, env action.Env, cfg Config, offset int) ([]map[string]any, error) {
	var where []predicate.Contact
	for field, vals := range pushdown(cfg.Where, "status", "ownerId", "id", "email") {
		switch field {
		case "status":
			st := make([]contact.Status, len(vals))
			for i, v := range vals {
				st[i] = contact.Status(v)
			}
			where = append(where, contact.StatusIn(st...))
		case "ownerId":
			where = append(where, contact.OwnerIDIn(uuids(vals)...))
		case "id":
			where = append(where, contact.IDIn(uuids(vals)...))
		case "email":
			where = append(where, contact.EmailIn(vals...))
		}
	}
	where = append(where, customPushdown(cfg.Where)...)
	column := map[string]string{"createdAt": contact.FieldCreatedAt, "updatedAt": contact.FieldUpdatedAt,
		"name": contact.FieldName, "email": contact.FieldEmail}[cfg.OrderBy]
	rows, err := env.Tx.Contact.Query().Where(where...).WithOwner().
		Order(order(column, cfg.Desc), order(contact.FieldID, cfg.Desc)).
		Offset(offset).Limit(pageSize).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]map[string]any, len(rows))
	for i, c := range rows {
		out[i] = events.ClientFields(c)
		out[i]["emailDomain"] = workflow.EmailDomain(c.Email)
	}
	return out, nil
}

func scanTasks(ctx context.Context, env action.Env, cfg Config, offset int) ([]map[string]any, error) {
	var where []predicate.Task
	for field, vals := range pushdown(cfg.Where, "priority", "clientId", "assigneeId", "id") {
		switch field {
		case "priority":
			pr := make([]task.Priority, len(vals))
			for i, v := range vals {
				pr[i] = task.Priority(v)
			}
			where = append(where, task.PriorityIn(pr...))
		case "clientId":
			where = append(where, task.ClientIDIn(uuids(vals)...))
		case "assigneeId":
			where = append(where, task.AssigneeIDIn(uuids(vals)...))
		case "id":
			where = append(where, task.IDIn(uuids(vals)...))
		}
	}
	column := map[string]string{"createdAt": task.FieldCreatedAt, "dueAt": task.FieldDueAt, "title": task.FieldTitle}[cfg.OrderBy]
	rows, err := env.Tx.Task.Query().Where(where...).
		Order(order(column, cfg.Desc), order(task.FieldID, cfg.Desc)).
		Offset(offset).Limit(pageSize).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]map[string]any, len(rows))
	for i, t := range rows {
		out[i] = events.TaskFields(t)
	}
	return out, nil
}
