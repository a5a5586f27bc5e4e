package authz

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/privacy"
)

// ErrNoReadScope is returned by ExecutionReadScope for a caller who may read no execution
// (anonymous, or a role the policies do not know). It is a privacy.Deny, answered FORBIDDEN.
var ErrNoReadScope = fmt.Errorf("%w: the caller may not read executions", privacy.Deny)

// ExecutionScope is which executions a caller may read, for statements written by hand
// (aggregates over executions and their logs) that ent's privacy filters do not reach. It
// says the same as ExecutionPolicy's query rules: everything for ADMIN, VIEWER and system
// contexts, the executions of its own workflows for an EDITOR (editorVisibleExecutions).
type ExecutionScope struct {
	// All is true when every execution is readable.
	All bool
	// CreatedBy, when All is false, limits the executions to those of workflows created by
	// this user.
	CreatedBy uuid.UUID
}

// ExecutionReadScope returns the caller's ExecutionScope, or ErrNoReadScope.
func ExecutionReadScope(ctx context.Context) (ExecutionScope, error) {
	if _, ok := SystemReason(ctx); ok {
		return ExecutionScope{All: true}, nil
	}
	v, me, ok := viewer(ctx)
	if !ok {
		return ExecutionScope{}, ErrNoReadScope
	}
	switch v.Role {
	case admin, reader:
		return ExecutionScope{All: true}, nil
	case editor:
		return ExecutionScope{CreatedBy: me}, nil
	default:
		return ExecutionScope{}, ErrNoReadScope
	}
}
