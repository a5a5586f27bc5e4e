package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/authz"
)

// Email is an outgoing message in the outbox. A workflow step writes it in the step's own
// transaction; the sender delivers it afterwards, retrying with backoff. Without SMTP
// configured it stays QUEUED, visible through the API.
type Email struct{ ent.Schema }

// Mixin of the Email.
func (Email) Mixin() []ent.Mixin { return []ent.Mixin{IDMixin{}, CreatedAtMixin{}} }

// Fields of the Email.
func (Email) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("execution_id", uuid.UUID{}).Optional().Nillable().Immutable().
			Annotations(entgql.Type("ID")),
		field.Int("step_index").Optional().Nillable().Immutable(),
		field.UUID("client_id", uuid.UUID{}).Optional().Nillable().Immutable().
			Annotations(entgql.Type("ID")),
		field.String("to").NotEmpty().MaxLen(998).Immutable(),
		field.Strings("cc").Optional().Immutable(),
		field.String("subject").MaxLen(998).Immutable(),
		field.Text("body").Immutable(),
		// message_id is derived from <executionId>.<stepIndex>, so a re-sent message is
		// recognisable by the receiver; unique, so a step can only queue it once.
		field.String("message_id").Unique().Immutable(),
		field.Enum("status").Values("QUEUED", "SENDING", "SENT", "FAILED").Default("QUEUED").
			Annotations(entgql.OrderField("STATUS"), entgql.Type("EmailStatus")),
		field.Int("attempts").Default(0).NonNegative(),
		field.Time("next_attempt_at").Default(now).
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("last_error").Optional().Nillable(),
		field.Time("sent_at").Optional().Nillable(),
	}
}

// Indexes of the Email.
func (Email) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("next_attempt_at").StorageKey("emails_queued_next_attempt").
			Annotations(entsql.IndexWhere("status = 'QUEUED'")),
		// While SENDING, next_attempt_at is the sender's lease: the mailer requeues messages
		// whose sender died, and this index keeps that look-up independent of history.
		index.Fields("next_attempt_at").StorageKey("emails_sending_next_attempt").
			Annotations(entsql.IndexWhere("status = 'SENDING'")),
		index.Fields("execution_id"),
		// The retention job deletes delivered and failed messages by age; queued ones are
		// never its business, so the index leaves them out.
		index.Fields("created_at").StorageKey("emails_done_created_at").
			Annotations(entsql.IndexWhere("status IN ('SENT', 'FAILED')")),
	}
}

// Annotations of the Email.
func (Email) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Table("emails"),
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// Policy of the Email.
func (Email) Policy() ent.Policy { return authz.EmailPolicy() }
