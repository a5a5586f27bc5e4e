package authz

import (
	"context"
	"slices"

	"entgo.io/ent"
	"entgo.io/ent/entql"
	"github.com/google/uuid"

	entgen "github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/predicate"
	"github.com/flowline/flowline/ent/privacy"
	"github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/auth"
)

// viewer returns the caller and their id, or ok=false for an anonymous (or malformed) one.
func viewer(ctx context.Context) (auth.Viewer, uuid.UUID, bool) { return auth.Caller(ctx) }

// allowRoles allows callers with one of roles.
func allowRoles(roles ...auth.Role) privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v, _, ok := viewer(ctx); ok && slices.Contains(roles, v.Role) {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// denyAnonymous refuses any query or mutation without an authenticated caller.
func denyAnonymous() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if _, _, ok := viewer(ctx); !ok {
			return privacy.Denyf("unauthenticated")
		}
		return privacy.Skip
	})
}

// readableWorkflows is what an editor may read: its own workflows and every template.
func readableWorkflows(me uuid.UUID) predicate.Workflow {
	return workflow.Or(workflow.CreatedByID(me), workflow.IsTemplate(true))
}

// editorFilter narrows an editor's queries (or updates and deletes) with filter, then allows.
func editorFilter(filter func(f privacy.Filter, me uuid.UUID)) privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v, me, ok := viewer(ctx)
		if !ok || v.Role != auth.RoleEditor {
			return privacy.Skip
		}
		filter(f, me)
		return privacy.Allow
	})
}

// The typed filters entql generates for each entity; the rules assert to these.
type (
	workflowFilter interface {
		Where(p entql.P)
		WhereCreatedByID(p entql.ValueP)
	}
	executionFilter interface {
		WhereHasWorkflowWith(preds ...predicate.Workflow)
	}
	logFilter interface {
		WhereHasExecutionWith(preds ...predicate.WorkflowExecution)
	}
	versionFilter interface {
		WhereHasWorkflowWith(preds ...predicate.Workflow)
	}
	userIDFilter interface {
		WhereUserID(p entql.ValueP)
	}
)

// onlyCreates lets a rule apply to create operations only.
func isCreate(m ent.Mutation) bool { return m.Op().Is(ent.OpCreate) }

// ownsWorkflowCreate allows an editor to create a workflow only as its own author.
func ownsWorkflowCreate() privacy.MutationRule {
	return privacy.WorkflowMutationRuleFunc(func(ctx context.Context, m *entgen.WorkflowMutation) error {
		v, me, ok := viewer(ctx)
		if !ok || v.Role != auth.RoleEditor || !isCreate(m) {
			return privacy.Skip
		}
		if author, set := m.CreatedByID(); set && author == me {
			return privacy.Allow
		}
		return privacy.Denyf("editors create workflows as themselves")
	})
}

// editorVisibleExecutions restricts an editor to executions of its own workflows. Templates
// are readable by every editor, but their runs (a workflow may become a template after it
// ran) stay with the template's author.
func editorVisibleExecutions(f privacy.Filter, me uuid.UUID) {
	if ef, ok := f.(executionFilter); ok {
		ef.WhereHasWorkflowWith(workflow.CreatedByID(me))
	}
}

// editorOwnExecutions restricts an editor's writes to executions of its own workflows.
func editorOwnExecutions(f privacy.Filter, me uuid.UUID) {
	if ef, ok := f.(executionFilter); ok {
		ef.WhereHasWorkflowWith(workflow.CreatedByID(me))
	}
}

func editorVisibleLogs(f privacy.Filter, me uuid.UUID) {
	if lf, ok := f.(logFilter); ok {
		lf.WhereHasExecutionWith(workflowexecution.HasWorkflowWith(workflow.CreatedByID(me)))
	}
}

func editorVisibleVersions(f privacy.Filter, me uuid.UUID) {
	if vf, ok := f.(versionFilter); ok {
		vf.WhereHasWorkflowWith(readableWorkflows(me))
	}
}

func editorVisibleWorkflows(f privacy.Filter, me uuid.UUID) {
	if wf, ok := f.(workflowFilter); ok {
		wf.Where(entql.Or(
			entql.FieldEQ(workflow.FieldCreatedByID, me),
			entql.FieldEQ(workflow.FieldIsTemplate, true),
		))
	}
}

func editorOwnWorkflows(f privacy.Filter, me uuid.UUID) {
	if wf, ok := f.(workflowFilter); ok {
		wf.WhereCreatedByID(entql.ValueEQ(me))
	}
}

// ownTokens restricts anyone to their own API tokens.
func ownTokens() privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		_, me, ok := viewer(ctx)
		if !ok {
			return privacy.Skip
		}
		if tf, ok := f.(userIDFilter); ok {
			tf.WhereUserID(entql.ValueEQ(me))
			return privacy.Allow
		}
		return privacy.Skip
	})
}
