package graph

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflow"
)

// readableWorkflow answers NOT_FOUND for a workflow that does not exist or that the caller
// may not read (the privacy policy filters the lookup), before statistics are computed for it.
func readableWorkflow(ctx context.Context, db *ent.Client, id uuid.UUID) error {
	ok, err := db.Workflow.Query().Where(workflow.ID(id)).Exist(ctx)
	if err != nil {
		return fmt.Errorf("find workflow %s: %w", id, err)
	}
	if !ok {
		return notFound(ctx, "workflowId", "workflow "+id.String())
	}
	return nil
}
