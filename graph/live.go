package graph

import (
	"context"
	"errors"
	"log/slog"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/google/uuid"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/apierr"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/changes"
)

// subscribe starts a subscription of the caller to the events f selects and streams src's
// rows for them. Rows are reloaded in the subscriber's context, so its permissions apply
// to every event and nested fields are loaded as in queries (CollectFields).
func subscribe[T any](ctx context.Context, r *Resolver, f changes.Filter, src changes.Source[T]) (<-chan T, error) {
	if r.Hub == nil {
		return nil, &gqlerror.Error{Message: "this server does not serve subscriptions", Path: graphql.GetPath(ctx),
			Extensions: map[string]any{"code": apierr.Forbidden}}
	}
	_, me, ok := auth.Caller(ctx)
	if !ok {
		return nil, &gqlerror.Error{Message: "authentication required", Path: graphql.GetPath(ctx),
			Extensions: map[string]any{"code": apierr.Unauthenticated}}
	}
	sub, err := r.Hub.Subscribe(ctx, me.String(), f)
	if errors.Is(err, changes.ErrStopped) {
		return nil, &gqlerror.Error{Message: err.Error(), Path: graphql.GetPath(ctx),
			Extensions: map[string]any{"code": apierr.ServerStopping}}
	}
	if errors.Is(err, changes.ErrTooManySubscriptions) {
		return nil, &gqlerror.Error{Message: err.Error(), Path: graphql.GetPath(ctx),
			Extensions: map[string]any{"code": apierr.TooManySubscriptions}}
	}
	if err != nil {
		return nil, err
	}
	out := make(chan T)
	go func() {
		defer close(out)
		err := changes.Stream(ctx, sub, src, out)
		switch {
		case ctx.Err() != nil:
			// The client stopped the subscription: gqlgen reads no error any more.
		case errors.Is(err, changes.ErrStopped):
			addSubscriptionError(ctx, &gqlerror.Error{Message: err.Error(), Path: graphql.GetPath(ctx),
				Extensions: map[string]any{"code": apierr.ServerStopping}})
		case errors.Is(err, changes.ErrTooSlow):
			addSubscriptionError(ctx, &gqlerror.Error{Message: err.Error(), Path: graphql.GetPath(ctx),
				Extensions: map[string]any{"code": apierr.SubscriberTooSlow}})
		case err != nil:
			slog.ErrorContext(ctx, "subscription stopped", "error", err)
			addSubscriptionError(ctx, &gqlerror.Error{Message: "the subscription failed; subscribe again", Path: graphql.GetPath(ctx),
				Extensions: map[string]any{"code": apierr.Internal}})
		}
	}()
	return out, nil
}

// addSubscriptionError reports why a subscription ended. Only the WebSocket transport can
// say it (gqlgen's helper assumes its context and panics in another); over SSE the stream
// just completes.
func addSubscriptionError(ctx context.Context, err *gqlerror.Error) {
	defer func() { _ = recover() }()
	transport.AddSubscriptionError(ctx, err)
}

// byID indexes rows by id.
func byID[T any](rows []T, id func(T) uuid.UUID) map[uuid.UUID]T {
	m := make(map[uuid.UUID]T, len(rows))
	for _, r := range rows {
		m[id(r)] = r
	}
	return m
}

func executionSource(r *Resolver, workflowID *uuid.UUID, status []workflowexecution.Status) changes.Source[*ent.WorkflowExecution] {
	return changes.Source[*ent.WorkflowExecution]{
		Load: func(ctx context.Context, ids []uuid.UUID, gen uint64) (map[uuid.UUID]*ent.WorkflowExecution, error) {
			return sharedLoad(ctx, "execution", ids, gen, func() (map[uuid.UUID]*ent.WorkflowExecution, error) {
				q, err := r.Client.WorkflowExecution.Query().Where(workflowexecution.IDIn(ids...)).CollectFields(ctx)
				if err != nil {
					return nil, err
				}
				// Every column: the state and the filters need theirs whatever the subscriber
				// selected, and adding columns to CollectFields' selection would read only those
				// when it selected none (meaning all).
				rows, err := q.Select(workflowexecution.Columns...).All(ctx)
				return byID(rows, func(e *ent.WorkflowExecution) uuid.UUID { return e.ID }), err
			})
		},
		Sig: changes.ExecutionSig,
		Keep: func(e *ent.WorkflowExecution) bool {
			return (workflowID == nil || e.WorkflowID == *workflowID) && (len(status) == 0 || slices.Contains(status, e.Status))
		},
	}
}

func logSource(r *Resolver) changes.Source[*ent.WorkflowExecutionLog] {
	return changes.Source[*ent.WorkflowExecutionLog]{
		Load: func(ctx context.Context, ids []uuid.UUID, gen uint64) (map[uuid.UUID]*ent.WorkflowExecutionLog, error) {
			return sharedLoad(ctx, "log", ids, gen, func() (map[uuid.UUID]*ent.WorkflowExecutionLog, error) {
				q, err := r.Client.WorkflowExecutionLog.Query().Where(workflowexecutionlog.IDIn(ids...)).CollectFields(ctx)
				if err != nil {
					return nil, err
				}
				rows, err := q.All(ctx)
				return byID(rows, func(l *ent.WorkflowExecutionLog) uuid.UUID { return l.ID }), err
			})
		},
		Sig: func(l *ent.WorkflowExecutionLog) string { return l.ID.String() },
	}
}

func workflowSource(r *Resolver, id *uuid.UUID) changes.Source[*ent.Workflow] {
	return changes.Source[*ent.Workflow]{
		Load: func(ctx context.Context, ids []uuid.UUID, gen uint64) (map[uuid.UUID]*ent.Workflow, error) {
			return sharedLoad(ctx, "workflow", ids, gen, func() (map[uuid.UUID]*ent.Workflow, error) {
				q, err := r.Client.Workflow.Query().Where(workflow.IDIn(ids...)).CollectFields(ctx)
				if err != nil {
					return nil, err
				}
				rows, err := q.Select(workflow.Columns...).All(ctx) // as for executions
				return byID(rows, func(w *ent.Workflow) uuid.UUID { return w.ID }), err
			})
		},
		Sig: func(w *ent.Workflow) string {
			return w.UpdatedAt.UTC().Format("2006-01-02T15:04:05.000000000") + "/" + w.ID.String()
		},
		EndWhenMissing: id != nil,
	}
}

// orNil is the id a filter takes: uuid.Nil for "any".
func orNil(id *uuid.UUID) uuid.UUID {
	if id == nil {
		return uuid.Nil
	}
	return *id
}

// mustRead refuses, with NOT_FOUND, a subscription naming a workflow or an execution the
// caller cannot read: it would never receive anything, silently.
func (r *Resolver) mustRead(ctx context.Context, workflowID, executionID *uuid.UUID) error {
	if err := r.mustReadWorkflow(ctx, "workflowId", workflowID); err != nil {
		return err
	}
	if executionID == nil {
		return nil
	}
	if _, err := r.Client.WorkflowExecution.Get(ctx, *executionID); err != nil {
		if ent.IsNotFound(err) {
			return notFound(ctx, "executionId", "execution")
		}
		return err
	}
	return nil
}

func (r *Resolver) mustReadWorkflow(ctx context.Context, field string, id *uuid.UUID) error {
	if id == nil {
		return nil
	}
	if _, err := r.Client.Workflow.Get(ctx, *id); err != nil {
		if ent.IsNotFound(err) {
			return notFound(ctx, field, "workflow")
		}
		return err
	}
	return nil
}
