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

// WorkflowVersion is an immutable snapshot of a workflow's definition, written each time
// the trigger, conditions or actions change.
type WorkflowVersion struct{ ent.Schema }

// Mixin of the WorkflowVersion.
func (WorkflowVersion) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}, CreatedAtMixin{}} }

// Fields of the WorkflowVersion.
func (WorkflowVersion) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("workflow_id", uuid.UUID{}).Immutable(),
		field.Int("version").Positive().Immutable().
			Annotations(entgql.OrderField("VERSION")),
		field.JSON("definition", spec.Definition{}).Immutable().
			Annotations(entgql.Type("WorkflowDefinition")),
		field.UUID("created_by_id", uuid.UUID{}).Immutable(),
	}
}

// Edges of the WorkflowVersion.
func (WorkflowVersion) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("workflow", Workflow.Type).Ref("versions").Field("workflow_id").
			Unique().Required().Immutable(),
		edge.From("created_by", User.Type).Ref("workflow_versions").Field("created_by_id").
			Unique().Required().Immutable(),
	}
}

// Indexes of the WorkflowVersion.
func (WorkflowVersion) Indexes() []ent.Index {
	return []ent.Index{index.Fields("workflow_id", "version").Unique()}
}

// Annotations of the WorkflowVersion.
func (WorkflowVersion) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Table("workflow_versions"),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// Policy of the WorkflowVersion.
func (WorkflowVersion) Policy() ent.Policy { return authz.VersionPolicy() }
