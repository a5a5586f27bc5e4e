package workflowstore

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/workflow"
)

// Activated is an activated workflow and the self-triggering loops its definition may cause.
type Activated struct {
	Workflow *ent.Workflow
	Warnings []string
}

// SetActive turns a workflow on or off. Activating returns loop warnings: activation is
// allowed (the loop guard stops runaway chains), but the user is told.
func SetActive(ctx context.Context, db *ent.Client, id uuid.UUID, active bool, opts Options) (Activated, error) {
	wf, err := Load(ctx, db, id, opts)
	if err != nil {
		return Activated{}, err
	}
	if active && wf.IsTemplate {
		return Activated{}, conflictf("workflow %s is a template; templates never run: create a workflow from it instead", id)
	}
	saved, err := wf.Update().SetIsActive(active).Save(ctx)
	if err != nil {
		return Activated{}, fmt.Errorf("set workflow active=%t: %w", active, err)
	}
	out := Activated{Workflow: saved, Warnings: []string{}}
	if active {
		if w := workflow.LoopWarnings(DefinitionOf(saved)); w != nil {
			out.Warnings = w
		}
	}
	return out, nil
}
