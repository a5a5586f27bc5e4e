package gqlguard

import (
	"context"
	"runtime"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/flowline/flowline/internal/apierr"
)

func operation(op ast.Operation) context.Context {
	return graphql.WithOperationContext(context.Background(),
		&graphql.OperationContext{Operation: &ast.OperationDefinition{Operation: op}})
}

// answered is an operation handler whose response says which operation it was.
func answered(name string) graphql.OperationHandler {
	return func(context.Context) graphql.ResponseHandler {
		return graphql.OneShot(&graphql.Response{Data: []byte(`"` + name + `"`)})
	}
}

func code(r *graphql.Response) any {
	if r == nil || len(r.Errors) == 0 {
		return nil
	}
	return r.Errors[0].Extensions["code"]
}

// TestAdmissionQueuesThenRefuses: with one slot and one place in the queue, the first
// operation runs, the second waits until the first's response is made, a third is refused
// SERVER_BUSY at once, a waiting one whose request ends is refused without running, and
// subscriptions pass without a slot.
func TestAdmissionQueuesThenRefuses(t *testing.T) {
	a := newAdmission(1, 1)
	ctx := operation(ast.Query)
	first := a.around(ctx, answered("first"))

	second := make(chan *graphql.Response)
	go func() { second <- a.around(ctx, answered("second"))(ctx) }()
	for len(a.queue) < 2 { // the second is queued
		runtime.Gosched()
	}
	if got := code(a.around(ctx, answered("third"))(ctx)); got != apierr.ServerBusy {
		t.Fatalf("third operation: code %v, want %s", got, apierr.ServerBusy)
	}
	if got := a.around(operation(ast.Subscription), answered("sub"))(ctx); string(got.Data) != `"sub"` {
		t.Fatalf("subscription: %+v, want it to run without a slot", got)
	}
	select {
	case r := <-second:
		t.Fatalf("the second operation ran before the first answered: %+v", r)
	default:
	}
	if r := first(ctx); string(r.Data) != `"first"` {
		t.Fatalf("first: %+v", r)
	}
	if r := <-second; string(r.Data) != `"second"` {
		t.Fatalf("second: %+v", r)
	}
	if len(a.slots) != 0 || len(a.queue) != 0 {
		t.Fatalf("%d slots and %d places still held after both answered", len(a.slots), len(a.queue))
	}

	// A request that ends while it waits gives its place back and does not run.
	hold := a.around(ctx, answered("hold"))
	gone, cancel := context.WithCancel(ctx)
	waiting := make(chan *graphql.Response)
	ran := false
	go func() {
		waiting <- a.around(gone, func(context.Context) graphql.ResponseHandler {
			ran = true
			return nil
		})(gone)
	}()
	for len(a.queue) < 2 {
		runtime.Gosched()
	}
	cancel()
	if r := <-waiting; code(r) != apierr.ServerBusy || ran {
		t.Fatalf("cancelled while waiting: %+v (ran: %v), want SERVER_BUSY without running", r, ran)
	}
	hold(ctx)
	if len(a.slots) != 0 || len(a.queue) != 0 {
		t.Fatalf("%d slots and %d places still held", len(a.slots), len(a.queue))
	}
}
