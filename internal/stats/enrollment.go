package stats

import (
	"context"
	"database/sql"
)

// enrollment counts the window's skipped enrollments (rows of workflow_enrollment_skips, in
// the same workflow and caller scope as the executions) and goal conversions (executions
// that ended with exitReason GOAL_MET), in one statement.
func (c computer) enrollment(ctx context.Context, out *Stats) error {
	var p placeholders
	skips := []string{"s.created_at >= " + p.add(c.req.Since), "s.created_at < " + p.add(c.req.Until)}
	if c.req.WorkflowID != nil {
		skips = append(skips, "s.workflow_id = "+p.add(*c.req.WorkflowID))
	}
	if !c.scope.All {
		skips = append(skips, "s.workflow_id IN (SELECT w.id FROM workflows w WHERE w.created_by_id = "+p.add(c.scope.CreatedBy)+")")
	}
	q := "SELECT (SELECT COUNT(*) FROM workflow_enrollment_skips s WHERE " + and(skips...) + "), " +
		"(SELECT COUNT(*) FROM workflow_executions e WHERE " + and(c.where(&p), "e.exit_reason = 'GOAL_MET'") + ")"
	return c.query(ctx, "enrollment counts", q, p.args, func(r *sql.Rows) error {
		var skipped, goals int64
		if err := r.Scan(&skipped, &goals); err != nil {
			return err
		}
		out.SkippedEnrollments, out.GoalConversions = int(skipped), int(goals)
		return nil
	})
}
