package authz

import (
	"context"

	"entgo.io/ent"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/privacy"
	"github.com/flowline/flowline/internal/auth"
)

var (
	admin  = auth.RoleAdmin
	editor = auth.RoleEditor
	reader = auth.RoleViewer
)

// UserPolicy lets everyone signed in read users; only ADMIN writes them.
func UserPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{denyAnonymous(), allowRoles(admin, editor, reader), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{denyAnonymous(), allowRoles(admin), privacy.AlwaysDenyRule()},
	}
}

// CRMPolicy covers clients, tasks, documents and activities: everyone signed in reads them;
// ADMIN and EDITOR write them.
func CRMPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{denyAnonymous(), allowRoles(admin, editor, reader), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{denyAnonymous(), allowRoles(admin, editor), privacy.AlwaysDenyRule()},
	}
}

// WorkflowPolicy lets ADMIN and VIEWER read all workflows, an EDITOR its own and the
// templates; an EDITOR creates workflows as itself and changes only its own.
func WorkflowPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			denyAnonymous(), allowRoles(admin, reader), editorFilter(editorVisibleWorkflows), privacy.AlwaysDenyRule(),
		},
		Mutation: privacy.MutationPolicy{
			denyAnonymous(), allowRoles(admin), ownsWorkflowCreate(), unlessCreate(editorFilter(editorOwnWorkflows)), privacy.AlwaysDenyRule(),
		},
	}
}

// VersionPolicy makes versions readable with their workflow and written only alongside it.
func VersionPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			denyAnonymous(), allowRoles(admin, reader), editorFilter(editorVisibleVersions), privacy.AlwaysDenyRule(),
		},
		Mutation: privacy.MutationPolicy{denyAnonymous(), allowRoles(admin, editor), privacy.AlwaysDenyRule()},
	}
}

// ExecutionPolicy makes executions readable by whoever can read their workflow. Only the
// engine creates them (a system context); ADMIN and the workflow's own EDITOR may change
// them (cancel, retry).
func ExecutionPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			denyAnonymous(), allowRoles(admin, reader), editorFilter(editorVisibleExecutions), privacy.AlwaysDenyRule(),
		},
		Mutation: privacy.MutationPolicy{
			denyAnonymous(), allowRoles(admin), unlessCreate(editorFilter(editorOwnExecutions)), privacy.AlwaysDenyRule(),
		},
	}
}

// ExecutionLogPolicy makes logs readable with their execution; only the engine writes them.
func ExecutionLogPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			denyAnonymous(), allowRoles(admin, reader), editorFilter(editorVisibleLogs), privacy.AlwaysDenyRule(),
		},
		Mutation: privacy.MutationPolicy{denyAnonymous(), allowRoles(admin), privacy.AlwaysDenyRule()},
	}
}

// EmailPolicy makes the outbox readable by ADMIN and VIEWER, and by an EDITOR for emails of
// executions it may read. There is no API to write it: SEND_EMAIL steps queue emails as the
// workflow's creator (ADMIN or EDITOR), the sender updates them as the system.
func EmailPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			denyAnonymous(), allowRoles(admin, reader), editorEmails(), privacy.AlwaysDenyRule(),
		},
		Mutation: privacy.MutationPolicy{denyAnonymous(), allowRoles(admin, editor), privacy.AlwaysDenyRule()},
	}
}

// APITokenPolicy lets everyone see and revoke their own tokens, and ADMIN everyone's (to
// cut off a leaked one); tokens are created only for oneself.
func APITokenPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{denyAnonymous(), allowRoles(admin), ownTokens(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{
			denyAnonymous(), ownTokenCreate(), unlessCreate(allowRoles(admin)), unlessCreate(ownTokens()), privacy.AlwaysDenyRule(),
		},
	}
}

// unlessCreate applies rule to updates and deletes only.
func unlessCreate(rule privacy.QueryMutationRule) privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		if isCreate(m) {
			return privacy.Skip
		}
		return rule.EvalMutation(ctx, m)
	})
}

func ownTokenCreate() privacy.MutationRule {
	type ownedMutation interface {
		UserID() (uuid.UUID, bool)
	}
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		_, me, ok := viewer(ctx)
		if !ok || !isCreate(m) {
			return privacy.Skip
		}
		om, isOwned := m.(ownedMutation)
		if !isOwned {
			return privacy.Denyf("unexpected token mutation %T", m)
		}
		if owner, set := om.UserID(); set && owner == me {
			return privacy.Allow
		}
		return privacy.Denyf("API tokens are created for oneself")
	})
}

// StepOutputPolicy keeps step outputs to the engine, which writes and reads them as
// bookkeeping (a system context). The API shows them through WorkflowExecution.outputs,
// after the execution itself was read with the caller's rights.
func StepOutputPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}
