package changes

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
)

// Capture makes every committed write of an execution, an execution log or a workflow
// through client (and its transactions) publish an event. Inside a transaction the events
// are published when it commits and dropped when it rolls back; outside one, once the
// statement succeeded.
func Capture(client *ent.Client, p *Publisher) {
	client.WorkflowExecution.Use(captureHook(p))
	client.WorkflowExecutionLog.Use(captureHook(p))
	client.Workflow.Use(captureHook(p))
}

// txMutation is what every generated mutation offers: its transaction, if it runs in one.
type txMutation interface {
	Tx() (*ent.Tx, error)
}

func captureHook(p *Publisher) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			_, isWorkflow := m.(*ent.WorkflowMutation)
			// Deleted executions and logs go by retention: nobody watches them. A deleted
			// workflow ends the subscriptions that name it.
			if (m.Op().Is(ent.OpDelete|ent.OpDeleteOne) && !isWorkflow) || leaseOnly(m) {
				return next.Mutate(ctx, m)
			}
			// An update or delete of many rows returns a count: find the ids first.
			var ids []uuid.UUID
			if m.Op().Is(ent.OpUpdate | ent.OpDelete | ent.OpDeleteOne) {
				var err error
				if ids, err = updatedIDs(ctx, m); err != nil {
					return nil, err
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			events := eventsOf(m, v, ids)
			if len(events) == 0 {
				return v, nil
			}
			if tm, ok := m.(txMutation); ok {
				if tx, err := tm.Tx(); err == nil {
					tx.OnCommit(func(next ent.Committer) ent.Committer {
						return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
							if err := next.Commit(ctx, tx); err != nil {
								return err
							}
							p.Publish(events...)
							return nil
						})
					})
					return v, nil
				}
			}
			p.Publish(events...)
			return v, nil
		})
	}
}

// leaseOnly reports an execution update that only extends a lease: nothing a subscriber
// sees changed.
func leaseOnly(m ent.Mutation) bool {
	em, ok := m.(*ent.WorkflowExecutionMutation)
	if !ok {
		return false
	}
	fields := em.Fields()
	return len(fields) == 1 && fields[0] == workflowexecution.FieldLeaseExpiresAt && len(em.ClearedFields()) == 0
}

type updateOfKey struct{}

// UpdateOf tells the capture that the execution update run with ctx can only change the
// execution id (its predicates name it), which saves the query that would find out. The
// engine's fenced updates, one per step, use it.
func UpdateOf(ctx context.Context, id uuid.UUID) context.Context {
	return context.WithValue(ctx, updateOfKey{}, id)
}

func updatedIDs(ctx context.Context, m ent.Mutation) ([]uuid.UUID, error) {
	if id, ok := ctx.Value(updateOfKey{}).(uuid.UUID); ok && m.Op().Is(ent.OpUpdate) {
		if _, isExecution := m.(*ent.WorkflowExecutionMutation); isExecution {
			return []uuid.UUID{id}, nil
		}
	}
	var ids []uuid.UUID
	var err error
	switch m := m.(type) {
	case *ent.WorkflowExecutionMutation:
		ids, err = m.IDs(ctx)
	case *ent.WorkflowMutation:
		ids, err = m.IDs(ctx)
	default:
		return nil, nil // logs are never updated
	}
	if err != nil {
		return nil, fmt.Errorf("find the rows an update changes: %w", err)
	}
	return ids, nil
}

// eventsOf names the rows a successful mutation wrote.
func eventsOf(m ent.Mutation, v ent.Value, ids []uuid.UUID) []Event {
	switch row := v.(type) {
	case *ent.WorkflowExecution:
		return []Event{{Kind: ExecutionChanged, ID: row.ID, Workflow: row.WorkflowID}}
	case *ent.WorkflowExecutionLog:
		return []Event{{Kind: LogAdded, ID: row.ID, Execution: row.ExecutionID}}
	case *ent.Workflow:
		return []Event{{Kind: WorkflowChanged, ID: row.ID}}
	case int:
		if row == 0 {
			return nil
		}
	}
	kind := ExecutionChanged
	if _, ok := m.(*ent.WorkflowMutation); ok {
		kind = WorkflowChanged
	}
	events := make([]Event, len(ids))
	for i, id := range ids {
		events[i] = Event{Kind: kind, ID: id}
	}
	return events
}
