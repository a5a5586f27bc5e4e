package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/authz"

	"github.com/flowline/flowline/internal/workflow/spec"
)

// WorkflowExecutionLog records one attempt of one step of an execution.
type WorkflowExecutionLog struct{ ent.Schema }

// Mixin of the WorkflowExecutionLog.
func (WorkflowExecutionLog) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}} }

// Fields of the WorkflowExecutionLog.
func (WorkflowExecutionLog) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("execution_id", uuid.UUID{}).Immutable(),
		field.Int("step_index").NonNegative().Immutable().
			Annotations(entgql.OrderField("STEP_INDEX")),
		// path is the step's JSON pointer in the definition (/actions/1/body/0), step_key its
		// key, iteration the loop item (null outside loops), branch the IF/SWITCH branch the
		// step is in, and run the execution's run (a retry from the start makes run 2).
		field.String("path").Default("").Immutable(),
		field.String("step_key").Optional().Nillable().Immutable(),
		field.Int("iteration").Optional().Nillable().Immutable(),
		field.String("branch").Optional().Nillable().Immutable(),
		field.Int("run").Default(1).Positive().Immutable(),
		field.Enum("action_type").GoType(spec.ActionType("")).Immutable().
			Annotations(entgql.Type("ActionType")),
		field.Enum("status").Values("SUCCESS", "FAILED", "SKIPPED").Immutable().
			Annotations(entgql.OrderField("STATUS")),
		field.JSON("input_data", map[string]any{}).Optional().
			Annotations(entgql.Type("Map")),
		field.JSON("output_data", map[string]any{}).Optional().
			Annotations(entgql.Type("Map")),
		field.String("error_message").Optional().Nillable().Immutable(),
		// attempt is the try of this step (1 for the first), one log row per try.
		field.Int("attempt").Default(1).Positive().Immutable(),
		field.Int64("duration_ms").Default(0).NonNegative().Immutable(),
		field.Time("executed_at").Default(now).Immutable().
			Annotations(entgql.OrderField("EXECUTED_AT")),
	}
}

// Edges of the WorkflowExecutionLog.
func (WorkflowExecutionLog) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("execution", WorkflowExecution.Type).Ref("logs").Field("execution_id").
			Unique().Required().Immutable(),
	}
}

// Indexes of the WorkflowExecutionLog.
func (WorkflowExecutionLog) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("execution_id", "step_index"), index.Fields("executed_at"),
		// The failedActionType filter looks for an execution's last FAILED attempt of a run;
		// failed rows are few, so a partial index keeps it small.
		index.Fields("execution_id", "run", "executed_at").StorageKey("workflow_execution_logs_failed").
			Annotations(entsql.IndexWhere("status = 'FAILED'")),
	}
}

// Annotations of the WorkflowExecutionLog.
func (WorkflowExecutionLog) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Table("workflow_execution_logs"),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// Policy of the WorkflowExecutionLog.
func (WorkflowExecutionLog) Policy() ent.Policy { return authz.ExecutionLogPolicy() }
