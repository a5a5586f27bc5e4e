package schema

import (
	"context"
	"fmt"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/authz"
)

// User is a person who signs in to Flowline: creator of workflows and owner of clients.
type User struct{ ent.Schema }

// Mixin of the User.
func (User) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}, CreatedAtMixin{}} }

// Fields of the User.
func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").Unique().NotEmpty().MaxLen(254).
			Annotations(entgql.OrderField("EMAIL")),
		// email_key is auth.EmailKey(email), kept by a hook: its unique index makes emails
		// unique without regard to case, whichever path creates the user.
		field.String("email_key").Optional().Nillable().Unique().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("name").NotEmpty().Validate(notBlank).MaxLen(200).
			Annotations(entgql.OrderField("NAME")),
		field.Enum("role").GoType(auth.Role("")).Default(string(auth.RoleEditor)).
			Annotations(entgql.Type("Role")),
		// password_hash is a bcrypt hash; users without one (API-token-only users, the
		// template library) cannot log in with a password.
		field.String("password_hash").Optional().Nillable().Sensitive().
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Edges of the User.
func (User) Edges() []ent.Edge {
	return []ent.Edge{
		// A user who created workflows cannot be deleted: the workflows would lose their author.
		edge.To("workflows", Workflow.Type).
			Annotations(entsql.OnDelete(entsql.Restrict), entgql.Skip(entgql.SkipAll)),
		edge.To("clients", Contact.Type).
			Annotations(entsql.OnDelete(entsql.SetNull), entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("workflow_versions", WorkflowVersion.Type).
			Annotations(entsql.OnDelete(entsql.Restrict), entgql.Skip(entgql.SkipAll)),
		edge.To("api_tokens", APIToken.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
		edge.To("assigned_tasks", Task.Type).
			Annotations(entsql.OnDelete(entsql.SetNull), entgql.Skip(entgql.SkipAll)),
	}
}

// Annotations of the User.
func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Table("users"),
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// Hooks of the User.
func (User) Hooks() []ent.Hook { return []ent.Hook{keepEmailKey} }

// keepEmailKey sets email_key whenever a mutation sets email.
func keepEmailKey(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		if v, ok := m.Field("email"); ok {
			if email, ok := v.(string); ok {
				if err := m.SetField("email_key", auth.EmailKey(email)); err != nil {
					return nil, fmt.Errorf("set email_key: %w", err)
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

// Policy of the User.
func (User) Policy() ent.Policy { return authz.UserPolicy() }
