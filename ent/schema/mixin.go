// Package schema holds Flowline's ent schemas: the single source of truth for the database
// tables, their indexes and foreign keys, and the GraphQL types entgql derives from them.
package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"
	"github.com/google/uuid"
)

// newID returns a time-ordered UUID (version 7) so that new rows land at the end of the
// primary-key index instead of scattering across it.
func newID() uuid.UUID { return uuid.Must(uuid.NewV7()) }

// now is the default for timestamps: UTC at microsecond precision, which is what PostgreSQL
// stores, so a value returned by a mutation equals the value read back later.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// IDMixin gives an entity a UUID primary key.
type IDMixin struct{ mixin.Schema }

// Fields of the IDMixin.
func (IDMixin) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).Default(newID).Immutable(),
	}
}

// CreatedAtMixin records when a row was created; it is indexed and orderable.
type CreatedAtMixin struct{ mixin.Schema }

// Fields of the CreatedAtMixin.
func (CreatedAtMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of the CreatedAtMixin.
func (CreatedAtMixin) Indexes() []ent.Index {
	return []ent.Index{index.Fields("created_at")}
}

// UpdatedAtMixin records the last change of a row.
type UpdatedAtMixin struct{ mixin.Schema }

// Fields of the UpdatedAtMixin.
func (UpdatedAtMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("updated_at").Default(now).UpdateDefault(now).
			Annotations(entgql.OrderField("UPDATED_AT"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}
