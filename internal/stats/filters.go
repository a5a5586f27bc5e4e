package stats

import (
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"

	"github.com/flowline/flowline/ent/predicate"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// FailedAtActionType holds for FAILED executions whose failing step (the last FAILED
// attempt of the current run) is of type t. Earlier failures that a retry got past, or
// failures of a previous run, do not count.
func FailedAtActionType(t spec.ActionType) predicate.WorkflowExecution {
	return func(s *sql.Selector) {
		s.Where(sql.And(
			sql.EQ(s.C(workflowexecution.FieldStatus), workflowexecution.StatusFAILED),
			sql.P(func(b *sql.Builder) {
				b.WriteString("EXISTS (SELECT 1 FROM workflow_execution_logs fl WHERE fl.execution_id = ").WriteString(s.C(workflowexecution.FieldID)).
					WriteString(" AND fl.run = ").WriteString(s.C(workflowexecution.FieldRun)).
					WriteString(" AND fl.status = 'FAILED' AND fl.action_type = ").Arg(string(t)).
					WriteString(" AND NOT EXISTS (SELECT 1 FROM workflow_execution_logs ll WHERE ll.execution_id = fl.execution_id" +
						" AND ll.run = fl.run AND ll.status = 'FAILED'" +
						" AND (ll.executed_at > fl.executed_at OR (ll.executed_at = fl.executed_at AND ll.id > fl.id))))")
			}),
		))
	}
}

// TriggeredBy holds for executions started by an event of type t: the type recorded in
// the execution's trigger data when it was created, which stays right when the workflow's
// trigger is changed later.
func TriggeredBy(t spec.TriggerType) predicate.WorkflowExecution {
	return func(s *sql.Selector) {
		s.Where(sqljson.ValueEQ(s.C(workflowexecution.FieldTriggerData), string(t), sqljson.Path("type")))
	}
}
