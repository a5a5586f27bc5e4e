package graph

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/ent"
	entworkflow "github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/graph/model"
	"github.com/flowline/flowline/internal/apierr"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflowstore"
)

// storeError translates workflowstore's errors into GraphQL errors. Validation
// problems come back all at once, as JSON pointers into the input.
func storeError(ctx context.Context, err error) error {
	var (
		ve       *workflow.ValidationError
		conflict *workflowstore.ConflictError
	)
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ve):
		total := max(ve.Total, len(ve.Problems))
		e := gqlerror.ErrorPathf(graphql.GetPath(ctx), "the workflow definition is invalid: %d problem(s)", total)
		problems := make([]map[string]any, len(ve.Problems))
		for i, p := range ve.Problems {
			problems[i] = map[string]any{"path": p.Path, "message": p.Message}
		}
		e.Extensions = map[string]any{"code": apierr.ValidationFailed, "problems": problems}
		return e
	case errors.As(err, &conflict):
		return inputError(ctx, apierr.Conflict, "", "%s", conflict.Msg)
	case errors.Is(err, workflowstore.ErrNotFound):
		field := idArgument(ctx)
		var nf *workflowstore.NotFoundError
		if errors.As(err, &nf) && nf.Field != "" {
			field = nf.Field
		}
		return inputError(ctx, apierr.NotFound, field, "%s", err.Error())
	}
	return err
}

// idArgument names the current field's argument that identifies a workflow: id, templateId
// or workflowId.
func idArgument(ctx context.Context) string {
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		for _, name := range []string{"templateId", "workflowId"} {
			if _, ok := fc.Args[name]; ok {
				return name
			}
		}
	}
	return "id"
}

// mayChangeWorkflow refuses, as FORBIDDEN, an EDITOR's change to a workflow it can read but
// did not create (a template): the privacy policy would only make it look missing. A
// workflow the caller cannot read at all stays NOT_FOUND.
func (r *Resolver) mayChangeWorkflow(ctx context.Context, id uuid.UUID) error {
	me, v, err := caller(ctx)
	if err != nil || v.Role != auth.RoleEditor {
		return err
	}
	wf, err := r.db(ctx).Workflow.Query().Where(entworkflow.ID(id)).Select(entworkflow.FieldCreatedByID).Only(ctx)
	switch {
	case ent.IsNotFound(err):
		return notFound(ctx, "id", "workflow "+id.String())
	case err != nil:
		return err
	case wf.CreatedByID != me:
		return forbidden(ctx, "an EDITOR may change only the workflows it created; duplicate this one to edit a copy")
	}
	return nil
}

// storeOptions reads rows FOR UPDATE where the database has row locks.
func (r *Resolver) storeOptions() workflowstore.Options {
	return workflowstore.Options{Lock: r.lockRows()}
}

func definitionFromInput(in *model.WorkflowDefinitionInput) workflow.Definition {
	return workflow.Definition{
		TriggerType:   in.TriggerType,
		TriggerConfig: in.TriggerConfig,
		Conditions:    in.Conditions,
		Actions:       derefActions(in.Actions),
		Enrollment:    in.Enrollment,
		Goal:          in.Goal,
		Debounce:      in.Debounce,
		Concurrency:   in.Concurrency,
		Throttle:      in.Throttle,
	}
}

func (r *Resolver) copyWorkflow(ctx context.Context, id uuid.UUID, name string, asTemplate bool) (*ent.Workflow, error) {
	me, _, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	created, err := workflowstore.Copy(ctx, r.db(ctx), id, name, asTemplate, me)
	if err != nil {
		return nil, storeError(ctx, err)
	}
	revealSecret(ctx, created.Workflow.ID, created.WebhookSecret)
	return created.Workflow, nil
}
