package workflowstore

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowversion"
)

// Rollback makes a NEW version whose definition equals version's: history is never
// rewritten, and executions pinned to later versions keep theirs.
func Rollback(ctx context.Context, db *ent.Client, id uuid.UUID, version int, author uuid.UUID, opts Options) (*ent.Workflow, error) {
	wf, err := Load(ctx, db, id, opts)
	if err != nil {
		return nil, err
	}
	v, err := db.WorkflowVersion.Query().
		Where(workflowversion.WorkflowID(id), workflowversion.Version(version)).
		Only(ctx)
	if ent.IsNotFound(err) {
		return nil, &NotFoundError{Field: "version", Msg: fmt.Sprintf("workflow %s has no version %d (it is at version %d)", id, version, wf.Version)}
	}
	if err != nil {
		return nil, fmt.Errorf("load workflow version: %w", err)
	}
	def := v.Definition
	res, err := Update(ctx, db, id, Change{
		TriggerType:   &def.TriggerType,
		TriggerConfig: def.TriggerConfig,
		Conditions:    def.Conditions,
		Actions:       def.Actions,
		// A version saved before enrollment and goals existed had neither: {} restores that.
		Enrollment: orEmptyMap(def.Enrollment),
		Goal:       orEmptyMap(def.Goal),
		Flow:       flowChangeTo(def),
		Author:     author,
	}, opts)
	if err != nil {
		return nil, err
	}
	if !res.NewVersion {
		return nil, conflictf("workflow %s already has the definition of version %d", id, version)
	}
	return res.Workflow, nil
}
