package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/authz"
)

// Contact is a CRM client (the API calls it Client; ent reserves the Go name Client for its
// own database client): the record most workflows react to and act on.
type Contact struct{ ent.Schema }

// Mixin of the Contact.
func (Contact) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{}, CreatedAtMixin{}, UpdatedAtMixin{}}
}

// Fields of the Contact.
func (Contact) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().Validate(notBlank).MaxLen(200).
			Annotations(entgql.OrderField("NAME")),
		field.String("email").NotEmpty().MaxLen(254).
			Annotations(entgql.OrderField("EMAIL")),
		field.String("phone").Optional().Nillable().MaxLen(50),
		field.Enum("status").Values("LEAD", "ACTIVE", "INACTIVE", "CHURNED").Default("LEAD").
			Annotations(entgql.OrderField("STATUS"), entgql.Type("ClientStatus")),
		field.Strings("tags").Default([]string{}),
		field.UUID("owner_id", uuid.UUID{}).Optional().Nillable(),
		// custom_fields holds the values of the custom client fields (CustomField), keyed by
		// their keys; writes are checked against the definitions (internal/customfields).
		field.JSON("custom_fields", map[string]any{}).Default(map[string]any{}).
			Annotations(entsql.Default("{}")), // rows that predate the column hold no values
	}
}

// Edges of the Contact.
func (Contact) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", User.Type).Ref("clients").Field("owner_id").Unique(),
		// No where-filter on executions: edge predicates are plain subqueries that the privacy
		// policies do not narrow, so hasExecutionsWith would let a caller probe workflows it
		// may not read.
		edge.To("executions", WorkflowExecution.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.RelayConnection(),
				entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
		edge.To("tasks", Task.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("documents", Document.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("activities", Activity.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("enrollments", WorkflowEnrollment.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipAll)),
		edge.To("enrollment_skips", EnrollmentSkip.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipAll)),
		// Pending CLIENT_DATE runs (scheduler bookkeeping, not in the API).
		edge.To("date_occurrences", ClientDateOccurrence.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of the Contact.
func (Contact) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("status"), index.Fields("email"), index.Fields("owner_id"),
		// On PostgreSQL a GIN index (jsonb_path_ops) serves equality filters on custom
		// fields: custom_fields @> '{"tier":"gold"}'.
		index.Fields("custom_fields").Annotations(
			entsql.IndexTypes(map[string]string{dialect.Postgres: "GIN"}),
			entsql.OpClass("jsonb_path_ops"),
		),
	}
}

// Annotations of the Contact.
func (Contact) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Table("clients"),
		entgql.QueryField("clients"),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

// Policy of the Contact.
func (Contact) Policy() ent.Policy { return authz.CRMPolicy() }
