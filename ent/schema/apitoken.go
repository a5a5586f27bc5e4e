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

// APIToken is a long-lived credential for scripts and SDKs. Only a hash is stored; the
// token itself is shown once, when created.
type APIToken struct{ ent.Schema }

// Mixin of the APIToken.
func (APIToken) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}, CreatedAtMixin{}} }

// Fields of the APIToken.
func (APIToken) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().Validate(notBlank).MaxLen(100),
		field.String("token_hash").Unique().Immutable().Sensitive().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.UUID("user_id", uuid.UUID{}).Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("expires_at").Optional().Nillable().Immutable(),
		field.Time("last_used_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
	}
}

// Edges of the APIToken.
func (APIToken) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("api_tokens").Field("user_id").Unique().Required().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of the APIToken.
func (APIToken) Indexes() []ent.Index { return []ent.Index{index.Fields("user_id")} }

// Annotations of the APIToken.
func (APIToken) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Table("api_tokens"),
		entgql.Type("ApiToken"),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField),
	}
}

// Policy of the APIToken.
func (APIToken) Policy() ent.Policy { return authz.APITokenPolicy() }
