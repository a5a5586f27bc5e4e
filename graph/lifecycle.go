package graph

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/graph/model"
	"github.com/flowline/flowline/lifecycle"
	"github.com/flowline/flowline/workflow"
)

// lifecycleError translates the lifecycle package's errors into GraphQL errors. Validation
// problems come back all at once, as JSON pointers into the input.
func lifecycleError(ctx context.Context, err error) error {
	var (
		ve       *workflow.ValidationError
		conflict *lifecycle.ConflictError
	)
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ve):
		e := gqlerror.ErrorPathf(graphql.GetPath(ctx), "the workflow definition is invalid: %d problem(s)", len(ve.Problems))
		problems := make([]map[string]any, len(ve.Problems))
		for i, p := range ve.Problems {
			problems[i] = map[string]any{"path": p.Path, "message": p.Message}
		}
		e.Extensions = map[string]any{"code": CodeValidationFailed, "problems": problems}
		return e
	case errors.As(err, &conflict):
		return inputError(ctx, CodeConflict, "", "%s", conflict.Msg)
	case errors.Is(err, lifecycle.ErrNotFound):
		return inputError(ctx, CodeNotFound, "id", "%s", err.Error())
	}
	return err
}

// lifecycleOptions reads rows FOR UPDATE where the database has row locks.
func (r *Resolver) lifecycleOptions() lifecycle.Options {
	return lifecycle.Options{Lock: r.lockRows()}
}

func definitionFromInput(in *model.WorkflowDefinitionInput) workflow.Definition {
	return workflow.Definition{
		TriggerType:   in.TriggerType,
		TriggerConfig: in.TriggerConfig,
		Conditions:    in.Conditions,
		Actions:       derefActions(in.Actions),
	}
}

func (r *Resolver) copyWorkflow(ctx context.Context, id uuid.UUID, name string, asTemplate bool) (*ent.Workflow, error) {
	me, _, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	created, err := lifecycle.Copy(ctx, r.db(ctx), id, name, asTemplate, me)
	if err != nil {
		return nil, lifecycleError(ctx, err)
	}
	revealSecret(ctx, created.Workflow.ID, created.WebhookSecret)
	return created.Workflow, nil
}
