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

// Workflow is an automation definition: a trigger, conditions and a list of actions.
type Workflow struct{ ent.Schema }

// Mixin of the Workflow.
func (Workflow) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{}, CreatedAtMixin{}, UpdatedAtMixin{}}
}

// Fields of the Workflow.
func (Workflow) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().Validate(notBlank).MaxLen(200).
			Annotations(entgql.OrderField("NAME")),
		field.String("description").Optional().Nillable().MaxLen(5000),
		field.Bool("is_active").Default(true),
		field.Bool("is_template").Default(false),
		field.Enum("trigger_type").GoType(spec.TriggerType("")).
			Annotations(entgql.Type("TriggerType"), entgql.OrderField("TRIGGER_TYPE")),
		field.JSON("trigger_config", map[string]any{}).Default(map[string]any{}).
			Annotations(entgql.Type("Map")),
		field.JSON("conditions", map[string]any{}).Default(map[string]any{}).
			Annotations(entgql.Type("Map")),
		field.JSON("actions", []spec.Action{}).Default([]spec.Action{}).
			Annotations(entgql.Type("[WorkflowAction!]")),
		// enrollment ({"mode", "reenrollOn"}) and goal (a condition) are part of the
		// versioned definition; absent means EVERY_TIME and no goal.
		field.JSON("enrollment", map[string]any{}).Optional().
			Annotations(entgql.Type("Map")),
		field.JSON("goal", map[string]any{}).Optional().
			Annotations(entgql.Type("Map")),
		field.Int("version").Default(1).Positive(),
		field.UUID("created_by_id", uuid.UUID{}).Immutable(),
		// webhook_secret authenticates POST /hooks/{id} for WEBHOOK workflows. It is shown
		// once, when generated, and never read back through the API.
		field.String("webhook_secret").Optional().Nillable().Sensitive().
			Annotations(entgql.Skip(entgql.SkipAll)),
		// template_key marks a built-in template installed at start, so reinstalling finds
		// it instead of duplicating it.
		field.String("template_key").Optional().Nillable().Unique().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		// retention_days overrides RETENTION_DAYS for this workflow's executions: the retention
		// job deletes them that many days after they ended. Null follows the server's setting.
		field.Int("retention_days").Optional().Nillable().Range(MinRetentionDays, MaxRetentionDays).
			Annotations(entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		// Flow control (see flowcontrol.go): part of the definition, so versioned.
		field.JSON("debounce", &spec.Debounce{}).Optional().
			Annotations(entgql.Type("WorkflowDebounce"), entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.JSON("concurrency", &spec.Concurrency{}).Optional().
			Annotations(entgql.Type("WorkflowConcurrency"), entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.JSON("throttle", &spec.Throttle{}).Optional().
			Annotations(entgql.Type("WorkflowThrottle"), entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// The range of a workflow's retention_days (and of RETENTION_DAYS when it is not 0): at least
// a day, at most about ten years.
const (
	MinRetentionDays = 1
	MaxRetentionDays = 3650
)

// Edges of the Workflow.
func (Workflow) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("created_by", User.Type).Ref("workflows").Field("created_by_id").
			Unique().Required().Immutable(),
		edge.To("executions", WorkflowExecution.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.RelayConnection()),
		edge.To("versions", WorkflowVersion.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.RelayConnection()),
		edge.To("enrollments", WorkflowEnrollment.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipAll)),
		edge.To("enrollment_skips", EnrollmentSkip.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipAll)),
		// The scheduler's bookkeeping (CLIENT_DATE occurrences, SCHEDULED catch-up); not in the API.
		edge.To("date_occurrences", ClientDateOccurrence.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipAll)),
		edge.To("schedule_state", ScheduleState.Type).Unique().
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of the Workflow.
func (Workflow) Indexes() []ent.Index {
	return []ent.Index{index.Fields("trigger_type"), index.Fields("is_active"), index.Fields("created_by_id")}
}

// Annotations of the Workflow.
func (Workflow) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Table("workflows"),
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// Policy of the Workflow.
func (Workflow) Policy() ent.Policy { return authz.WorkflowPolicy() }
