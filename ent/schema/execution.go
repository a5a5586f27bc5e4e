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

// WorkflowExecution is one run of a workflow, created by the event that triggered it and
// advanced by the engine step by step. The API can read executions but never write them.
type WorkflowExecution struct{ ent.Schema }

// Mixin of the WorkflowExecution.
func (WorkflowExecution) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{}, CreatedAtMixin{}}
}

// Fields of the WorkflowExecution.
func (WorkflowExecution) Fields() []ent.Field {
	return append([]ent.Field{
		field.UUID("workflow_id", uuid.UUID{}).Immutable(),
		field.UUID("client_id", uuid.UUID{}).Optional().Nillable().Immutable(),
		field.Enum("status").Values("PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED").Default("PENDING").
			Annotations(entgql.OrderField("STATUS")),
		field.JSON("trigger_data", map[string]any{}).Default(map[string]any{}).
			Annotations(entgql.Type("Map")),
		field.Int("current_step").Default(0).NonNegative(),
		field.Time("started_at").Optional().Nillable().
			Annotations(entgql.OrderField("STARTED_AT")),
		field.Time("completed_at").Optional().Nillable().
			Annotations(entgql.OrderField("COMPLETED_AT")),
		field.String("error_message").Optional().Nillable(),
		// exit_reason says why a COMPLETED execution ended before its last step: a STOP step
		// (STOPPED, with exit_message the step's reason) or its workflow's goal (GOAL_MET).
		field.Enum("exit_reason").Values("STOPPED", "GOAL_MET").Optional().Nillable(),
		field.String("exit_message").Optional().Nillable(),

		// Engine bookkeeping, not part of the API.
		field.Int("workflow_version").Default(1).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		// definition is the workflow as it was when the execution was created: runs are
		// pinned to it, so editing the workflow never changes a running execution.
		field.JSON("definition", spec.Definition{}).Optional().
			Annotations(entgql.Skip(entgql.SkipAll)),
		// dedupe_key identifies the triggering event; with workflow_id it is unique, so the
		// same event can never start a workflow twice.
		field.String("dedupe_key").Optional().Nillable().Immutable().MaxLen(200).
			Annotations(entgql.Skip(entgql.SkipAll)),
		// run_at is when the execution may next be claimed (later than now while delayed
		// or backing off before a retry).
		field.Time("run_at").Default(now).
			Annotations(entgql.Skip(entgql.SkipWhereInput), entgql.OrderField("RUN_AT")),
		field.String("lease_owner").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("lease_expires_at").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		// attempt counts claims; every write by a worker is fenced on the value it claimed.
		field.Int("attempt").Default(0).NonNegative().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		// step_attempt counts tries of the current step, for its retry policy.
		field.Int("step_attempt").Default(0).NonNegative().
			Annotations(entgql.Skip(entgql.SkipAll)),
		// run counts runs: 1, plus one per retry from the start. A restarted run's effects get
		// new identities (idempotency keys, Message-IDs, event dedupe keys), so they happen
		// again instead of being taken for duplicates of the first run's.
		field.Int("run").Default(1).Positive(),
		// loop_frames is the stack of FOR_EACH loops current_step is inside, with each loop's
		// item: with current_step, the execution's durable position in its step tree.
		field.JSON("loop_frames", []spec.Frame{}).Optional().
			Annotations(entgql.Skip(entgql.SkipAll)),
		// step_runs counts the steps run in this run, against the per-execution limit.
		field.Int("step_runs").Default(0).NonNegative().
			Annotations(entgql.Skip(entgql.SkipAll)),
		// conditions_checked is set once the conditions passed for the current run, so a
		// retry from the failed step does not evaluate them again.
		field.Bool("conditions_checked").Default(false).
			Annotations(entgql.Skip(entgql.SkipAll)),
		// depth is the causation depth: 0 for a user's change, parent depth + 1 for a change
		// made by an execution. The loop guard refuses to start executions past a limit.
		field.Int("depth").Default(0).NonNegative().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		// one_active marks the runs of a ONE_ACTIVE workflow: a partial unique index lets a
		// client have only one of them PENDING or RUNNING at a time.
		field.Bool("one_active").Default(false).Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
	}, flowControlFields()...)
}

// Edges of the WorkflowExecution.
func (WorkflowExecution) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("workflow", Workflow.Type).Ref("executions").Field("workflow_id").
			Unique().Required().Immutable(),
		edge.From("client", Contact.Type).Ref("executions").Field("client_id").
			Unique().Immutable(),
		edge.To("logs", WorkflowExecutionLog.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.RelayConnection()),
		edge.To("step_outputs", StepOutput.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of the WorkflowExecution.
func (WorkflowExecution) Indexes() []ent.Index {
	return append([]ent.Index{
		// Run history and the dashboard (internal/stats) read windows of created_at: of one
		// workflow, of one workflow in one status, of one client (created_at alone comes with
		// CreatedAtMixin); recent failures read status in completed_at order. Each also serves
		// lookups by its leading column alone (cascading deletes, counts by status).
		index.Fields("workflow_id", "created_at"),
		index.Fields("workflow_id", "status", "created_at"),
		index.Fields("client_id", "created_at"),
		index.Fields("status", "completed_at"),
		index.Fields("workflow_id", "dedupe_key").Unique(),
		// A workflow's executions connection pages in id order (its default): the nested
		// page of each workflow is a range of this index that stops after N rows
		// (internal/nestedpage), however long the workflow's history.
		index.Fields("workflow_id", "id"),
		// Claims read only pending rows in run_at order: a partial index keeps the claim
		// O(1) in the size of the history. Executions under a concurrency or throttle rule
		// have their own (workflow_executions_gated_run_at), so a backlog waiting for slots
		// is never walked by the ordinary claim.
		index.Fields("run_at").StorageKey("workflow_executions_pending_run_at").
			Annotations(entsql.IndexWhere("status = 'PENDING' AND NOT flow_gated")),
		// The reaper looks for running rows whose lease expired.
		index.Fields("lease_expires_at").StorageKey("workflow_executions_running_lease").
			Annotations(entsql.IndexWhere("status = 'RUNNING'")),
		// The retention job deletes ended rows by age: reading only ended rows keeps a pass
		// proportional to what it deletes, not to the history it keeps.
		index.Fields("completed_at").StorageKey("workflow_executions_ended_completed_at").
			Annotations(entsql.IndexWhere("status IN ('COMPLETED', 'FAILED', 'CANCELLED')")),
		// A client change looks for the client's active runs that have a goal, to end those
		// whose goal it met: reading only those rows keeps that independent of the client's
		// history and of its active runs without a goal (a backlog of thousands, say).
		// events.EndMetGoals's query states this predicate in the same words.
		index.Fields("client_id").StorageKey("workflow_executions_goal_runs").
			Annotations(entsql.IndexWhere(GoalRunsPredicate)),
		// ONE_ACTIVE: one active run per (workflow, client), enforced by the database.
		index.Fields("workflow_id", "client_id").Unique().StorageKey("workflow_executions_one_active").
			Annotations(entsql.IndexWhere("one_active AND status IN ('PENDING', 'RUNNING')")),
	}, flowControlIndexes()...)
}

// Annotations of the WorkflowExecution.
func (WorkflowExecution) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Table("workflow_executions"),
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// Policy of the WorkflowExecution.
func (WorkflowExecution) Policy() ent.Policy { return authz.ExecutionPolicy() }

// GoalRunsPredicate is the partial index of active runs with a goal: literal values, so that
// a prepared statement's generic plan proves it too, and words that both PostgreSQL (jsonb)
// and SQLite (JSON text) read.
const GoalRunsPredicate = "status IN ('PENDING', 'RUNNING') AND definition -> 'goal' IS NOT NULL"
