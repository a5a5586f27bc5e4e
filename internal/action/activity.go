package action

import (
	"context"
	"fmt"

	"github.com/flowline/flowline/internal/workflow"
)

// ActivityKind is the kind of timeline entries written by LOG_ACTIVITY.
const ActivityKind = "workflow"

// logActivity writes LOG_ACTIVITY's entry on the client's timeline, with the workflow as
// actor ("workflow:<id>").
func logActivity(ctx context.Context, env Env, s Step, cfg workflow.LogActivityConfig) (map[string]any, error) {
	if s.ClientID == nil {
		return nil, Permanentf("this execution has no client whose timeline could be written")
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
