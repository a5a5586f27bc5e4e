package workflowstore

import (
	"context"
	"fmt"
	"reflect"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	entworkflow "github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/internal/customfields"
	"github.com/flowline/flowline/internal/workflow"
)

// Change is an edit of a workflow; nil fields are left as they are.
type Change struct {
	Name             *string
	Description      *string
	ClearDescription bool
	IsActive         *bool
	IsTemplate       *bool
	TriggerType      *workflow.TriggerType
	TriggerConfig    map[string]any
	Conditions       map[string]any
	Actions          []workflow.Action
	// Enrollment and Goal replace the definition's ({} removes them: EVERY_TIME, no goal).
	Enrollment map[string]any
	Goal       map[string]any
	// Flow edits debounce, concurrency and throttle (part of the definition).
	Flow FlowChange
	// RetentionDays sets the workflow's retention override; ClearRetentionDays removes it.
	// Neither makes a version: retention is not part of the definition.
	RetentionDays      *int
	ClearRetentionDays bool
	// ExpectedVersion, when set, must equal the stored version (optimistic locking).
	ExpectedVersion *int
	// Author is who makes the change; a new version records them.
	Author uuid.UUID
}

// Updated is the result of an edit.
type Updated struct {
	Workflow *ent.Workflow
	// NewVersion is true when the definition changed and a version was written.
	NewVersion bool
	// WebhookSecret is set when the edit turned the workflow into a WEBHOOK workflow.
	WebhookSecret string
}

// Options tune how a read-modify-write reads the row.
type Options struct {
	// Lock reads the workflow FOR UPDATE (PostgreSQL); SQLite serialises writers instead.
	Lock bool
}

// Load reads a workflow, locking it when opts.Lock.
func Load(ctx context.Context, db *ent.Client, id uuid.UUID, opts Options) (*ent.Workflow, error) {
	q := db.Workflow.Query().Where(entworkflow.ID(id))
	if opts.Lock {
		q.ForUpdate()
	}
	wf, err := q.Only(ctx)
	if ent.IsNotFound(err) {
		return nil, notFoundf("workflow %s", id)
	}
	if err != nil {
		return nil, fmt.Errorf("load workflow: %w", err)
	}
	return wf, nil
}

// Update applies ch to workflow id. When the trigger, conditions or actions change (really
// change: resending the same definition does not count) the definition is validated, the
// version is bumped and the new version is snapshotted. Name, description and flag edits
// make no version.
func Update(ctx context.Context, db *ent.Client, id uuid.UUID, ch Change, opts Options) (Updated, error) {
	wf, err := Load(ctx, db, id, opts)
	if err != nil {
		return Updated{}, err
	}
	template := wf.IsTemplate
	if ch.IsTemplate != nil {
		template = *ch.IsTemplate
	}
	if template {
		// Templates never run, so they are never active: making a workflow a template
		// deactivates it, and activating a template is refused.
		if ch.IsActive != nil && *ch.IsActive {
			return Updated{}, conflictf("workflow %s is a template; templates never run, so it cannot be active", id)
		}
		inactive := false
		ch.IsActive = &inactive
	}
	if ch.ExpectedVersion != nil && *ch.ExpectedVersion != wf.Version {
		return Updated{}, conflictf("workflow %s is at version %d, not the expected version %d: reload it and apply your change again", id, wf.Version, *ch.ExpectedVersion)
	}
	old := DefinitionOf(wf)
	def := old
	if ch.TriggerType != nil {
		def.TriggerType = *ch.TriggerType
	}
	if ch.TriggerConfig != nil {
		def.TriggerConfig = ch.TriggerConfig
	}
	if ch.Conditions != nil {
		def.Conditions = ch.Conditions
	}
	if ch.Enrollment != nil {
		def.Enrollment = ch.Enrollment
	}
	if ch.Goal != nil {
		def.Goal = ch.Goal
	}
	if ch.Actions != nil {
		def.Actions = restoreRedacted(ch.Actions, old.Actions)
		if err := leftoverRedactions(def.Actions); err != nil {
			return Updated{}, err
		}
	}
	ch.Flow.apply(&def)
	changed := !sameDefinition(old, def)
	if changed {
		if err := customfields.ValidateDefinition(ctx, db, def); err != nil {
			return Updated{}, err
		}
	}
	upd := wf.Update().
		SetNillableName(ch.Name).
		SetNillableIsActive(ch.IsActive).
		SetNillableIsTemplate(ch.IsTemplate)
	if ch.ClearDescription {
		upd.ClearDescription()
	} else {
		upd.SetNillableDescription(ch.Description)
	}
	if ch.ClearRetentionDays {
		upd.ClearRetentionDays()
	} else {
		upd.SetNillableRetentionDays(ch.RetentionDays)
	}
	var secret string
	if changed {
		def = withEmptyJSON(def)
		upd.SetTriggerType(def.TriggerType).
			SetTriggerConfig(def.TriggerConfig).
			SetConditions(def.Conditions).
			SetActions(def.Actions).
			AddVersion(1)
		if def.Enrollment == nil {
			upd.ClearEnrollment()
		} else {
			upd.SetEnrollment(def.Enrollment)
		}
		if def.Goal == nil {
			upd.ClearGoal()
		} else {
			upd.SetGoal(def.Goal)
		}
		setFlowUpdate(upd, def)
		if def.TriggerType == workflow.TriggerWebhook && wf.WebhookSecret == nil {
			s, hash, err := newWebhookSecret()
			if err != nil {
				return Updated{}, err
			}
			secret = s
			upd.SetWebhookSecret(hash)
		}
	}
	saved, err := upd.Save(ctx)
	if err != nil {
		return Updated{}, fmt.Errorf("update workflow: %w", err)
	}
	if changed {
		if err := writeVersion(ctx, db, saved, ch.Author); err != nil {
			return Updated{}, err
		}
	}
	return Updated{Workflow: saved, NewVersion: changed, WebhookSecret: secret}, nil
}

// sameDefinition compares definitions as JSON values, so {} and nil, or 1 and 1.0, are equal.
func sameDefinition(a, b workflow.Definition) bool {
	return reflect.DeepEqual(jsonValue(withEmptyJSON(a)), jsonValue(withEmptyJSON(b)))
}
