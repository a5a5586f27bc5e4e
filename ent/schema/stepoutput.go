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
)

// StepOutput is what one keyed step of an execution produced (or a FOR_EACH's items), kept so
// that later steps, a resumed run and a retry from the failed step read the same values. A
// step inside a loop overwrites its output with each item's.
type StepOutput struct{ ent.Schema }

// Mixin of the StepOutput.
func (StepOutput) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}} }

// Fields of the StepOutput.
func (StepOutput) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("execution_id", uuid.UUID{}).Immutable(),
		// path is the step's JSON pointer in the definition (/actions/1/body/0).
		field.String("path").NotEmpty().MaxLen(400).Immutable(),
		// key is the step's key, "" for a FOR_EACH without one (its items are kept anyway).
		field.String("key").Default("").MaxLen(40).Immutable(),
		field.JSON("output", map[string]any{}),
	}
}

// Edges of the StepOutput.
func (StepOutput) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("execution", WorkflowExecution.Type).Ref("step_outputs").Field("execution_id").
			Unique().Required().Immutable(),
	}
}

// Indexes of the StepOutput.
func (StepOutput) Indexes() []ent.Index {
	return []ent.Index{index.Fields("execution_id", "path").Unique()}
}

// Annotations of the StepOutput.
func (StepOutput) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Table("workflow_execution_step_outputs"), entgql.Skip(entgql.SkipAll)}
}

// Policy of the StepOutput.
func (StepOutput) Policy() ent.Policy { return authz.StepOutputPolicy() }
