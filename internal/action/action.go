package action

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/delivery"
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
	// Client is that client as the step's placeholders read it just before the step (with
	// its owner), or nil when they read none. An action that only reads the client may use it
	// instead of reading it again; one that changes the client locks and reads it (LoadClient).
	Client *ent.Contact
	// Index is the step's position in the definition, from 0.
	Index int
	// Depth is the execution's causation depth.
	Depth int
	// Now is the step's time: tasks are due relative to it, delays start at it.
	Now time.Time
	// Run is the execution's run: 1, then one more per retry from the start.
	Run int
	// Items are the loop items the step runs for, outermost loop first (none outside loops).
	Items []int
}

// IdempotencyKey returns the step's stable key, <executionId>:<stepIndex>, with [<item>] per
// loop around the step, and :<run> added for a run restarted from the start, whose effects
// are new ones.
func (s Step) IdempotencyKey() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d", s.ExecutionID, s.Index)
	for _, it := range s.Items {
		fmt.Fprintf(&b, "[%d]", it)
	}
	if s.Run > 1 {
		fmt.Fprintf(&b, ":%d", s.Run)
	}
	return b.String()
}

// MessageRef is the execution part of the step's Message-ID: the execution id, with .r<run>
// for a restarted run and .i<item> per loop around the step.
func (s Step) MessageRef() string {
	var b strings.Builder
	b.WriteString(s.ExecutionID.String())
	if s.Run > 1 {
		fmt.Fprintf(&b, ".r%d", s.Run)
	}
	for _, it := range s.Items {
		fmt.Fprintf(&b, ".i%d", it)
	}
	return b.String()
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

// LockRows reports whether read-modify-write must lock the row (PostgreSQL); SQLite runs one
// writer at a time and has no row locks.
func (e Env) LockRows() bool { return e.Raiser.Dialect.LocksRows() }

// Type is one action type: what the definition language knows of it (workflow.ActionKind:
// config check, preview, output shape) and how it runs, which is one of Internal, External
// or Sleeper. Each type lives in a folder of its own under internal/action; the registry
// (internal/action/registry) lists them.
type Type interface {
	workflow.ActionKind
}

// Internal is an action type that writes only Flowline's database. Run applies the step
// inside env.Tx, the step's transaction, which the engine commits with the step's log row and
// the execution's advance: the effect happens exactly once. cfg is the config as Check
// decoded it.
type Internal interface {
	Type
	Run(ctx context.Context, env Env, s Step, cfg any) (map[string]any, error)
}

// External is an action type that calls another system. Call runs outside any transaction
// and may be repeated after a crash, so it passes s.IdempotencyKey() to the peer. The output
// describes the peer's answer even when the call failed.
type External interface {
	Type
	Call(ctx context.Context, peers Peers, s Step, cfg any) (map[string]any, error)
}

// Sleeper is an action type that has no effect but parks the execution until WakeTime
// (which may already have passed).
type Sleeper interface {
	Type
	WakeTime(now time.Time, cfg any) time.Time
}

// Peers are the clients external actions call with.
type Peers struct {
	Webhooks *delivery.WebhookSender
}
