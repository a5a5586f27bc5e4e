package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// flowControlFields are the execution's flow-control bookkeeping, written when the execution
// is created from its pinned definition's debounce, concurrency and throttle (keys rendered
// from the event), so the claim reads columns instead of decoding definitions. Not part of
// the API.
func flowControlFields() []ent.Field {
	skip := entgql.Skip(entgql.SkipAll)
	return []ent.Field{
		// debounce_key is set while the execution waits out its debounce period; a later trigger
		// of the same key updates this row instead of adding one. The claim clears it, so a
		// started execution never absorbs triggers.
		field.String("debounce_key").Optional().Nillable().Annotations(skip),
		// flow_gated marks executions with a concurrency or throttle rule: they are claimed by
		// the gated path, which checks the rules in a transaction, not by the one-statement claim.
		field.Bool("flow_gated").Default(false).Annotations(skip),
		field.String("concurrency_key").Optional().Nillable().Annotations(skip),
		field.Int("concurrency_limit").Default(0).NonNegative().Annotations(skip),
		field.String("throttle_key").Optional().Nillable().Annotations(skip),
		field.Int("throttle_limit").Default(0).NonNegative().Annotations(skip),
		field.Int64("throttle_period_ms").Default(0).NonNegative().Annotations(skip),
		// throttle_window is the window the execution's first start counted in.
		field.Time("throttle_window").Optional().Nillable().Annotations(skip),
	}
}

// flowControlIndexes make the rules the database's: the debounce key is unique among
// executions not yet started, and the counts the claim makes (RUNNING per concurrency key,
// starts per throttle window) read only the rows they count.
func flowControlIndexes() []ent.Index {
	return []ent.Index{
		index.Fields("workflow_id", "debounce_key").Unique().StorageKey("workflow_executions_debounce").
			Annotations(entsql.IndexWhere("debounce_key IS NOT NULL AND status = 'PENDING'")),
		index.Fields("workflow_id", "concurrency_key").StorageKey("workflow_executions_running_concurrency").
			Annotations(entsql.IndexWhere("status = 'RUNNING' AND concurrency_key IS NOT NULL")),
		index.Fields("workflow_id", "throttle_key", "throttle_window").StorageKey("workflow_executions_throttle_window").
			Annotations(entsql.IndexWhere("throttle_window IS NOT NULL")),
		index.Fields("run_at").StorageKey("workflow_executions_gated_run_at").
			Annotations(entsql.IndexWhere("status = 'PENDING' AND flow_gated")),
	}
}
