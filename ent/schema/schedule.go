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

// ClientDateOccurrence is the pending run of a CLIENT_DATE workflow for one client: the
// client's date and when the run is due. There is at most one per (workflow, client): a change
// of the client's date moves it, clearing the date deletes it, and firing deletes it (or moves
// it to the next anniversary). The scheduler reads the due ones through the due_at index.
type ClientDateOccurrence struct{ ent.Schema }

// Mixin of the ClientDateOccurrence.
func (ClientDateOccurrence) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}} }

// Fields of the ClientDateOccurrence.
func (ClientDateOccurrence) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("workflow_id", uuid.UUID{}).Immutable(),
		field.UUID("client_id", uuid.UUID{}).Immutable(),
		// date is the client's date the run is for (YYYY-MM-DD; this year's anniversary when
		// yearly); with the client it makes the execution's dedupe key.
		field.String("date").MaxLen(10),
		field.Time("due_at"),
	}
}

// Edges of the ClientDateOccurrence.
func (ClientDateOccurrence) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("workflow", Workflow.Type).Ref("date_occurrences").Field("workflow_id").
			Unique().Required().Immutable(),
		edge.From("client", Contact.Type).Ref("date_occurrences").Field("client_id").
			Unique().Required().Immutable(),
	}
}

// Indexes of the ClientDateOccurrence.
func (ClientDateOccurrence) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("workflow_id", "client_id").Unique(),
		index.Fields("due_at"),
		index.Fields("workflow_id", "due_at"),
	}
}

// Annotations of the ClientDateOccurrence.
func (ClientDateOccurrence) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Table("client_date_occurrences"), entgql.Skip(entgql.SkipAll)}
}

// Policy of the ClientDateOccurrence.
func (ClientDateOccurrence) Policy() ent.Policy { return authz.StepOutputPolicy() }

// ScheduleState is what the scheduler remembers about one workflow, kept apart from the
// workflow so that the scheduler's writes never bump the workflow's updatedAt.
type ScheduleState struct{ ent.Schema }

// Mixin of the ScheduleState.
func (ScheduleState) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}} }

// Fields of the ScheduleState.
func (ScheduleState) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("workflow_id", uuid.UUID{}).Unique().Immutable(),
		// handled_through is the latest SCHEDULED slot fired or deliberately skipped: a slot
		// after it that is older than the catch-up window was missed while no scheduler ran.
		field.Time("handled_through").Optional().Nillable(),
		// built_for is the workflow's updatedAt when its CLIENT_DATE occurrences were last
		// computed for every client; a later edit makes the scheduler compute them again.
		field.Time("built_for").Optional().Nillable(),
	}
}

// Edges of the ScheduleState.
func (ScheduleState) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("workflow", Workflow.Type).Ref("schedule_state").Field("workflow_id").
			Unique().Required().Immutable(),
	}
}

// Annotations of the ScheduleState.
func (ScheduleState) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Table("workflow_schedule_states"), entgql.Skip(entgql.SkipAll)}
}

// Policy of the ScheduleState.
func (ScheduleState) Policy() ent.Policy { return authz.StepOutputPolicy() }
