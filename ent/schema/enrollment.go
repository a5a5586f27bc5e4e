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

// WorkflowEnrollment records that a client entered a workflow whose enrollment mode is ONCE.
// (workflow_id, client_id) is unique, so the database decides who enrolls: a trigger enrolls
// by inserting the row, or by changing its fingerprint when a reenrollOn field changed, in one
// atomic upsert; concurrent triggers for the same client find the row and are skipped.
type WorkflowEnrollment struct{ ent.Schema }

// Mixin of the WorkflowEnrollment.
func (WorkflowEnrollment) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}} }

// Fields of the WorkflowEnrollment.
func (WorkflowEnrollment) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("workflow_id", uuid.UUID{}).Immutable(),
		field.UUID("client_id", uuid.UUID{}).Immutable(),
		// fingerprint digests the client's values of the reenrollOn fields at the last
		// enrollment ("" without such fields): a different one lets the client enroll again.
		field.String("fingerprint").Default("").MaxLen(100),
		// execution_id is the run the last enrollment started.
		field.UUID("execution_id", uuid.UUID{}).Optional().Nillable(),
		field.Int("enrollments").Default(1).Positive(),
		field.Time("enrolled_at").Default(now),
	}
}

// Edges of the WorkflowEnrollment.
func (WorkflowEnrollment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("workflow", Workflow.Type).Ref("enrollments").Field("workflow_id").
			Unique().Required().Immutable(),
		edge.From("client", Contact.Type).Ref("enrollments").Field("client_id").
			Unique().Required().Immutable(),
	}
}

// Indexes of the WorkflowEnrollment.
func (WorkflowEnrollment) Indexes() []ent.Index {
	return []ent.Index{index.Fields("workflow_id", "client_id").Unique(), index.Fields("client_id")}
}

// Annotations of the WorkflowEnrollment.
func (WorkflowEnrollment) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Table("workflow_enrollments"), entgql.Skip(entgql.SkipAll)}
}

// Policy of the WorkflowEnrollment.
func (WorkflowEnrollment) Policy() ent.Policy { return authz.EnrollmentPolicy() }

// EnrollmentSkip records one trigger that an enrollment rule (ONCE, ONE_ACTIVE) skipped, so
// workflowStats can count them per window (skippedEnrollments).
type EnrollmentSkip struct{ ent.Schema }

// Mixin of the EnrollmentSkip.
func (EnrollmentSkip) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}, CreatedAtMixin{}} }

// Fields of the EnrollmentSkip.
func (EnrollmentSkip) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("workflow_id", uuid.UUID{}).Immutable(),
		field.UUID("client_id", uuid.UUID{}).Immutable(),
		// reason is the mode that skipped the trigger: ONCE or ONE_ACTIVE.
		field.String("reason").MaxLen(20).Immutable(),
	}
}

// Edges of the EnrollmentSkip.
func (EnrollmentSkip) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("workflow", Workflow.Type).Ref("enrollment_skips").Field("workflow_id").
			Unique().Required().Immutable(),
		edge.From("client", Contact.Type).Ref("enrollment_skips").Field("client_id").
			Unique().Required().Immutable(),
	}
}

// Indexes of the EnrollmentSkip.
func (EnrollmentSkip) Indexes() []ent.Index {
	// workflowStats counts a window of one workflow's skips; the client index serves the
	// cascade when a client is deleted.
	return []ent.Index{index.Fields("workflow_id", "created_at"), index.Fields("client_id")}
}

// Annotations of the EnrollmentSkip.
func (EnrollmentSkip) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Table("workflow_enrollment_skips"), entgql.Skip(entgql.SkipAll)}
}

// Policy of the EnrollmentSkip.
func (EnrollmentSkip) Policy() ent.Policy { return authz.EnrollmentPolicy() }
