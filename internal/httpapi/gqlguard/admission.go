package gqlguard

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/internal/apierr"
)

// Admission runs at most running queries and mutations at once and queues the rest in
// arrival order (a channel's blocked senders are woken first in, first out). With more
// operations in flight than cores, each shares the CPU with all the others and takes as
// long as the mix it lands in; queued, an operation waits its turn and then runs at full
// speed, so the slowest finish about as soon as the typical one (issue 10: the 99th
// percentile at 16 clients).
//
// It gates the execution only: the answer is written to the client after the slot is given
// back, so a client that reads slowly holds no slot. Subscriptions are not counted. An
// operation waits until its client goes away; beyond waiting queued operations a newcomer
// is answered SERVER_BUSY, so an overload costs a refusal, not memory. running <= 0
// returns nil (no gate).
func Admission(running, waiting int) graphql.OperationMiddleware {
	if running <= 0 {
		return nil
	}
	return newAdmission(running, waiting).around
}

// admission holds a slot per running operation; queue holds one per running or waiting one.
type admission struct{ slots, queue chan struct{} }

func newAdmission(running, waiting int) *admission {
	return &admission{slots: make(chan struct{}, running), queue: make(chan struct{}, running+max(waiting, 0))}
}

func (a *admission) around(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if oc := graphql.GetOperationContext(ctx); oc == nil || oc.Operation == nil || oc.Operation.Operation == ast.Subscription {
		return next(ctx)
	}
	select {
	case a.queue <- struct{}{}:
	default:
		return refuse("the server is busy: retry shortly")
	}
	select {
	case a.slots <- struct{}{}:
	case <-ctx.Done():
		<-a.queue
		return refuse("the request ended while waiting for its turn")
	}
	release := sync.OnceFunc(func() { <-a.slots; <-a.queue })
	handler := func() (h graphql.ResponseHandler) {
		defer func() {
			if h == nil {
				release()
			}
		}()
		return next(ctx)
	}()
	// A query or mutation has one response: the slot is given back once it is made.
	return func(ctx context.Context) *graphql.Response {
		defer release()
		return handler(ctx)
	}
}

func refuse(msg string) graphql.ResponseHandler {
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
		Message:    msg,
		Extensions: map[string]any{"code": apierr.ServerBusy},
	}}})
}
