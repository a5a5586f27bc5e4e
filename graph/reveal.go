package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"
)

// Secrets (webhook secrets today) are stored hashed and shown once: in the response of the
// mutation that generated them. The mutation puts the clear value in a per-operation
// store; the field resolver reads it from there, so no later query can ever see it.

type revealKey struct{}

type revealed struct {
	mu      sync.Mutex
	secrets map[uuid.UUID]string
}

// RevealOnce is an operation middleware that gives each operation its own store.
func RevealOnce(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return next(context.WithValue(ctx, revealKey{}, &revealed{secrets: map[uuid.UUID]string{}}))
}

func revealSecret(ctx context.Context, id uuid.UUID, secret string) {
	if secret == "" {
		return
	}
	if r, ok := ctx.Value(revealKey{}).(*revealed); ok {
		r.mu.Lock()
		r.secrets[id] = secret
		r.mu.Unlock()
	}
}

func revealedSecret(ctx context.Context, id uuid.UUID) *string {
	r, ok := ctx.Value(revealKey{}).(*revealed)
	if !ok {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.secrets[id]; ok {
		return &s
	}
	return nil
}
