package workflowstore

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/customfields"
	"github.com/flowline/flowline/internal/workflow"
)

// Draft is a workflow to create.
type Draft struct {
	Name        string
	Description *string
	// IsActive defaults to true, as the API promises.
	IsActive   *bool
	IsTemplate bool
	Definition workflow.Definition
	CreatedBy  uuid.UUID
	// TemplateKey marks a built-in template.
	TemplateKey *string
	// RetentionDays overrides the server's retention for the workflow's executions.
	RetentionDays *int
}

// Created is the result of creating a workflow: the record and, for WEBHOOK workflows, the
// webhook secret, which exists in clear text only here.
type Created struct {
	Workflow      *ent.Workflow
	WebhookSecret string
}

// Create validates d, stores the workflow and its first version. A validation failure is a
// *workflow.ValidationError and writes nothing.
func Create(ctx context.Context, db *ent.Client, d Draft) (Created, error) {
	if d.IsTemplate {
		// Templates never run, so they are never active.
		if d.IsActive != nil && *d.IsActive {
			return Created{}, conflictf("a template cannot be active: templates never run; leave isActive out or false")
		}
		inactive := false
		d.IsActive = &inactive
	}
	if err := customfields.ValidateDefinition(ctx, db, d.Definition); err != nil {
		return Created{}, err
	}
	def := withEmptyJSON(d.Definition)
	create := db.Workflow.Create().
		SetName(d.Name).
		SetNillableDescription(d.Description).
		SetNillableIsActive(d.IsActive).
		SetIsTemplate(d.IsTemplate).
		SetTriggerType(def.TriggerType).
		SetTriggerConfig(def.TriggerConfig).
		SetConditions(def.Conditions).
		SetActions(def.Actions).
		SetEnrollment(def.Enrollment).
		SetGoal(def.Goal).
		SetCreatedByID(d.CreatedBy).
		SetNillableTemplateKey(d.TemplateKey).
		SetNillableRetentionDays(d.RetentionDays)
	setFlowCreate(create, def)
	var secret string
	if def.TriggerType == workflow.TriggerWebhook {
		s, hash, err := newWebhookSecret()
		if err != nil {
			return Created{}, err
		}
		secret = s
		create.SetWebhookSecret(hash)
	}
	wf, err := create.Save(ctx)
	if err != nil {
		return Created{}, fmt.Errorf("create workflow: %w", err)
	}
	if err := writeVersion(ctx, db, wf, d.CreatedBy); err != nil {
		return Created{}, err
	}
	return Created{Workflow: wf, WebhookSecret: secret}, nil
}

// writeVersion snapshots wf's current definition as version wf.Version.
func writeVersion(ctx context.Context, db *ent.Client, wf *ent.Workflow, author uuid.UUID) error {
	_, err := db.WorkflowVersion.Create().
		SetWorkflowID(wf.ID).
		SetVersion(wf.Version).
		SetDefinition(DefinitionOf(wf)).
		SetCreatedByID(author).
		Save(ctx)
	if err != nil {
		return fmt.Errorf("write workflow version %d: %w", wf.Version, err)
	}
	return nil
}

// DefinitionOf returns the versioned part of a stored workflow.
func DefinitionOf(wf *ent.Workflow) workflow.Definition {
	return workflow.Definition{
		TriggerType:   wf.TriggerType,
		TriggerConfig: wf.TriggerConfig,
		Conditions:    wf.Conditions,
		Actions:       wf.Actions,
		Enrollment:    wf.Enrollment,
		Goal:          wf.Goal,
		Debounce:      wf.Debounce,
		Concurrency:   wf.Concurrency,
		Throttle:      wf.Throttle,
	}
}

// withEmptyJSON stores absent JSON as {} and [] rather than null, so clients can rely on
// the shape.
func withEmptyJSON(d workflow.Definition) workflow.Definition {
	if d.TriggerConfig == nil {
		d.TriggerConfig = map[string]any{}
	}
	if d.Conditions == nil {
		d.Conditions = map[string]any{}
	}
	if d.Actions == nil {
		d.Actions = []workflow.Action{}
	}
	// The enrollment and goal objects are optional: {} means the default (EVERY_TIME, no
	// goal) and is stored as null, so both spellings are the same definition.
	if len(d.Enrollment) == 0 {
		d.Enrollment = nil
	}
	if len(d.Goal) == 0 {
		d.Goal = nil
	}
	return d
}
