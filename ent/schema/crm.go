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

// Task is a to-do on a client, usually for its owner; workflows create them.
type Task struct{ ent.Schema }

// Mixin of the Task.
func (Task) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}, CreatedAtMixin{}, UpdatedAtMixin{}} }

// Fields of the Task.
func (Task) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").NotEmpty().Validate(notBlank).MaxLen(500).
			Annotations(entgql.OrderField("TITLE")),
		field.Enum("priority").Values("LOW", "MEDIUM", "HIGH", "URGENT").Default("MEDIUM").
			Annotations(entgql.OrderField("PRIORITY")),
		field.Time("due_at").Optional().Nillable().
			Annotations(entgql.OrderField("DUE_AT")),
		field.Time("completed_at").Optional().Nillable(),
		field.UUID("client_id", uuid.UUID{}).Optional().Nillable(),
		field.UUID("assignee_id", uuid.UUID{}).Optional().Nillable(),
	}
}

// Edges of the Task.
func (Task) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("client", Contact.Type).Ref("tasks").Field("client_id").Unique(),
		edge.From("assignee", User.Type).Ref("assigned_tasks").Field("assignee_id").Unique(),
	}
}

// Indexes of the Task.
func (Task) Indexes() []ent.Index {
	return []ent.Index{index.Fields("client_id"), index.Fields("assignee_id")}
}

// Annotations of the Task.
func (Task) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Table("tasks"),
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// Document is the metadata of a file attached to a client.
type Document struct{ ent.Schema }

// Mixin of the Document.
func (Document) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}, CreatedAtMixin{}} }

// Fields of the Document.
func (Document) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("client_id", uuid.UUID{}),
		field.String("name").NotEmpty().Validate(notBlank).MaxLen(500),
		field.String("content_type").NotEmpty().MaxLen(255),
		field.Int64("size_bytes").NonNegative(),
		field.UUID("uploaded_by_id", uuid.UUID{}).Optional().Nillable().Annotations(entgql.Type("ID")),
	}
}

// Edges of the Document.
func (Document) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("client", Contact.Type).Ref("documents").Field("client_id").Unique().Required(),
	}
}

// Indexes of the Document.
func (Document) Indexes() []ent.Index { return []ent.Index{index.Fields("client_id")} }

// Annotations of the Document.
func (Document) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Table("documents"), entgql.RelayConnection()}
}

// Activity is an entry on a client's timeline, written by people or by workflows.
type Activity struct{ ent.Schema }

// Mixin of the Activity.
func (Activity) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}, CreatedAtMixin{}} }

// Fields of the Activity.
func (Activity) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("client_id", uuid.UUID{}),
		field.String("kind").NotEmpty().MaxLen(100),
		field.String("message").MaxLen(10000),
		// actor names who wrote the entry: "user:<id>" or "workflow:<id>".
		field.String("actor").NotEmpty().MaxLen(200),
	}
}

// Edges of the Activity.
func (Activity) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("client", Contact.Type).Ref("activities").Field("client_id").Unique().Required(),
	}
}

// Indexes of the Activity.
func (Activity) Indexes() []ent.Index { return []ent.Index{index.Fields("client_id")} }

// Annotations of the Activity.
func (Activity) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Table("activities"), entgql.RelayConnection()}
}

// Policy of the Task.
func (Task) Policy() ent.Policy { return authz.CRMPolicy() }

// Policy of the Document.
func (Document) Policy() ent.Policy { return authz.CRMPolicy() }

// Policy of the Activity.
func (Activity) Policy() ent.Policy { return authz.CRMPolicy() }
