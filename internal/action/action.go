package action

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent/dialect"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
)

// Step identifies the step being run and what it runs for.
type Step struct {
	ExecutionID uuid.UUID
	WorkflowID  uuid.UUID
	// CreatorID is the workflow's creator: the fallback assignee of tasks.
	CreatorID uuid.UUID
	// ClientID is the execution's client, if it has one.
	ClientID *uuid.UUID
	// Index is the step's position in the definition, from 0.
	Index int
	// Depth is the execution's causation depth.
	Depth int
	// Now is the step's time: tasks are due relative to it, delays start at it.
	Now time.Time
	// Run is the execution's run: 1, then one more per retry from the start.
	Run int
}

// IdempotencyKey returns the step's stable key, <executionId>:<stepIndex>, with :<run>
// added for a run restarted from the start, whose effects are new ones.
func (s Step) IdempotencyKey() string {
	if s.Run > 1 {
		return fmt.Sprintf("%s:%d:%d", s.ExecutionID, s.Index, s.Run)
	}
	return fmt.Sprintf("%s:%d", s.ExecutionID, s.Index)
}

// messageRef is the execution part of the step's Message-ID: the execution id, with .r<run>
// for a restarted run.
func (s Step) messageRef() string {
	if s.Run > 1 {
		return fmt.Sprintf("%s.r%d", s.ExecutionID, s.Run)
	}
	return s.ExecutionID.String()
}

// Env is what internal actions write with.
type Env struct {
	// Tx is the step's transaction.
	Tx *ent.Client
	// Raiser raises the events of client writes.
	Raiser events.Raiser
	// MessageIDDomain is the right-hand side of outgoing Message-IDs.
	MessageIDDomain string
}

// lockRows reports whether read-modify-write must lock the row (PostgreSQL); SQLite runs one
// writer at a time and has no row locks.
func (e Env) lockRows() bool { return e.Raiser.Dialect == dialect.Postgres }

// IsInternal reports whether an action type writes only Flowline's database.
func IsInternal(t workflow.ActionType) bool {
	switch t {
	case workflow.ActionCreateTask, workflow.ActionUpdateClient, workflow.ActionAddTag,
		workflow.ActionRemoveTag, workflow.ActionLogActivity, workflow.ActionSendEmail:
		return true
	}
	return false
}

// RunInternal applies an internal action of type t in env.Tx and returns its output for the
// log row. decoded is the action's config as workflow.DecodeConfig returned it.
func RunInternal(ctx context.Context, env Env, s Step, t workflow.ActionType, decoded any) (map[string]any, error) {
	switch c := decoded.(type) {
	case workflow.CreateTaskConfig:
		return createTask(ctx, env, s, c)
	case workflow.UpdateClientConfig:
		return updateClient(ctx, env, s, c)
	case workflow.TagConfig:
		return changeTag(ctx, env, s, c.Tag, t == workflow.ActionAddTag)
	case workflow.LogActivityConfig:
		return logActivity(ctx, env, s, c)
	case workflow.SendEmailConfig:
		return queueEmail(ctx, env, s, c)
	}
	return nil, Permanentf("%s is not an internal action", t)
}
