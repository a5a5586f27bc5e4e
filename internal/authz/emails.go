package authz

import (
	"context"

	"entgo.io/ent/dialect/sql"

	entgen "github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/privacy"
	"github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/auth"
)

// editorEmails lets an editor read the emails of executions of its own workflows. Emails
// keep their execution id without an edge (an email outlives a deleted execution), so the
// filter is a subquery.
func editorEmails() privacy.QueryRule {
	return privacy.EmailQueryRuleFunc(func(ctx context.Context, q *entgen.EmailQuery) error {
		v, me, ok := viewer(ctx)
		if !ok || v.Role != auth.RoleEditor {
			return privacy.Skip
		}
		q.Where(func(s *sql.Selector) {
			ex := sql.Table(workflowexecution.Table)
			wf := sql.Table(workflow.Table)
			visible := sql.Select(ex.C(workflowexecution.FieldID)).From(ex).
				Join(wf).On(ex.C(workflowexecution.FieldWorkflowID), wf.C(workflow.FieldID)).
				Where(sql.EQ(wf.C(workflow.FieldCreatedByID), me))
			s.Where(sql.In(s.C("execution_id"), visible))
		})
		return privacy.Allow
	})
}
