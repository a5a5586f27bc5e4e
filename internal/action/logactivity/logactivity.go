// Package logactivity is the LOG_ACTIVITY action: an entry on the client's timeline
// (internal, exactly once).
package logactivity

import (
	"context"
	"fmt"
	"time"

	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/workflow"
)

// ActivityKind is the kind of timeline entries written by LOG_ACTIVITY.
const ActivityKind = "workflow"

const maxMessageLength = 4000

// Config is a rendered LOG_ACTIVITY config.
type Config struct {
	Message string `json:"message"`
}

// Type is LOG_ACTIVITY.
type Type struct{}

var _ action.Internal = Type{}

// Type implements workflow.ActionKind.
func (Type) Type() workflow.ActionType { return workflow.ActionLogActivity }

// Effect implements workflow.ActionKind.
func (Type) Effect() string { return "wouldLogActivity" }

// NeedsClient implements workflow.ClientActor.
func (Type) NeedsClient() bool { return true }

// ConfigSchema implements workflow.ConfigSchemaer.
func (Type) ConfigSchema() workflow.Schema {
	return workflow.SchemaObject(map[string]workflow.Schema{"message": {"type": "string", "minLength": 1, "maxLength": maxMessageLength}}, "message")
}

// Output implements workflow.ActionKind.
func (Type) Output() map[string]workflow.FieldType {
	return map[string]workflow.FieldType{"activityId": workflow.FieldString, "message": workflow.FieldString}
}

// Check implements workflow.ActionKind: {message}.
func (Type) Check(c *workflow.ConfigChecker, cfg map[string]any, base string) any {
	c.Object(cfg, base, "message")
	var out Config
	if s, ok := c.String(cfg, base, "message", true); ok {
		out.Message = s
		path := workflow.Pointer(base, "message")
		_ = c.NotBlank(path, s) && c.MaxLen(path, s, maxMessageLength)
	}
	return out
}

// Preview implements workflow.ActionKind.
func (Type) Preview(decoded any, _ workflow.Context, now time.Time) (map[string]any, time.Time) {
	return map[string]any{"message": decoded.(Config).Message}, now
}

// Run implements action.Internal: it writes the entry on the client's timeline, with the
// workflow as actor ("workflow:<id>").
func (Type) Run(ctx context.Context, env action.Env, s action.Step, decoded any) (map[string]any, error) {
	cfg := decoded.(Config)
	if s.ClientID == nil {
		return nil, action.Permanentf("this execution has no client whose timeline could be written")
	}
	a, err := env.Tx.Activity.Create().
		SetClientID(*s.ClientID).
		SetKind(ActivityKind).
		SetMessage(cfg.Message).
		SetActor("workflow:" + s.WorkflowID.String()).
		Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("log activity: %w", err)
	}
	return map[string]any{"activityId": a.ID.String(), "message": a.Message}, nil
}
