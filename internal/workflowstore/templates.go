package workflowstore

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/database"

	"entgo.io/ent/dialect/sql"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/user"
	entworkflow "github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/internal/workflow"
)

// LibraryAuthorEmail is the user that owns the built-in templates. It has no password and
// cannot sign in; it exists because every workflow has an author.
const LibraryAuthorEmail = "templates@flowline.invalid"

// InstallTemplates installs the built-in template library idempotently: a template whose
// key is already present is left alone (a user may have edited it), so restarts and
// replicas starting together never duplicate or overwrite one. Each template is written in
// its own transaction (never a workflow without its first version). db must not be a
// transactional client. It returns how many templates it created.
func InstallTemplates(ctx context.Context, db *ent.Client) (int, error) {
	author, err := libraryAuthor(ctx, db)
	if err != nil {
		return 0, err
	}
	installed := 0
	for _, t := range workflow.BuiltinTemplates() {
		exists, err := db.Workflow.Query().Where(entworkflow.TemplateKey(t.Key)).Exist(ctx)
		if err != nil {
			return installed, fmt.Errorf("look up template %s: %w", t.Key, err)
		}
		if exists {
			continue
		}
		created, err := installTemplate(ctx, db, t, author)
		if err != nil {
			return installed, err
		}
		if created {
			installed++
		}
	}
	return installed, nil
}

func installTemplate(ctx context.Context, db *ent.Client, t workflow.Template, author uuid.UUID) (bool, error) {
	key, inactive, desc := t.Key, false, t.Description
	err := database.InTx(ctx, db, func(tx *ent.Client) error {
		_, err := Create(ctx, tx, Draft{
			Name: t.Name, Description: &desc, IsActive: &inactive, IsTemplate: true,
			Definition: t.Definition, CreatedBy: author, TemplateKey: &key,
		})
		return err
	})
	if ent.IsConstraintError(err) {
		return false, nil // another replica installed it first
	}
	if err != nil {
		return false, fmt.Errorf("install template %s: %w", t.Key, err)
	}
	return true, nil
}

func libraryAuthor(ctx context.Context, db *ent.Client) (uuid.UUID, error) {
	err := db.User.Create().
		SetEmail(LibraryAuthorEmail).SetName("Flowline template library").SetRole(auth.RoleViewer).
		OnConflict(sql.ConflictColumns(user.FieldEmail)).DoNothing().
		Exec(ctx)
	if err != nil && !errors.Is(err, stdsql.ErrNoRows) {
		return uuid.Nil, fmt.Errorf("create template library author: %w", err)
	}
	id, err := db.User.Query().Where(user.Email(LibraryAuthorEmail)).OnlyID(ctx)
	if err != nil {
		return uuid.Nil, fmt.Errorf("load template library author: %w", err)
	}
	return id, nil
}

// Overrides adjust a template when a workflow is made from it.
type Overrides struct {
	Description   *string
	TriggerConfig map[string]any
	Conditions    map[string]any
	Actions       []workflow.Action
	Enrollment    map[string]any
	Goal          map[string]any
}

// FromTemplate creates an inactive workflow from template templateID, with overrides
// applied and validated.
func FromTemplate(ctx context.Context, db *ent.Client, templateID uuid.UUID, name string, o Overrides, author uuid.UUID) (Created, error) {
	t, err := Load(ctx, db, templateID, Options{})
	if err != nil {
		return Created{}, err
	}
	if !t.IsTemplate {
		return Created{}, conflictf("workflow %s is not a template", templateID)
	}
	def := DefinitionOf(t)
	if author != t.CreatedByID {
		def.Actions = blankSecrets(def.Actions)
	}
	if o.TriggerConfig != nil {
		def.TriggerConfig = o.TriggerConfig
	}
	if o.Conditions != nil {
		def.Conditions = o.Conditions
	}
	if o.Actions != nil {
		def.Actions = o.Actions
	}
	if o.Enrollment != nil {
		def.Enrollment = o.Enrollment
	}
	if o.Goal != nil {
		def.Goal = o.Goal
	}
	desc := t.Description
	if o.Description != nil {
		desc = o.Description
	}
	inactive := false
	return Create(ctx, db, Draft{Name: name, Description: desc, IsActive: &inactive, Definition: def, CreatedBy: author})
}

// Copy duplicates workflow id under a new name: as an inactive workflow, or as a template
// (saveWorkflowAsTemplate). The copy starts at version 1 and has no executions.
func Copy(ctx context.Context, db *ent.Client, id uuid.UUID, name string, asTemplate bool, author uuid.UUID) (Created, error) {
	src, err := Load(ctx, db, id, Options{})
	if err != nil {
		return Created{}, err
	}
	if name == "" {
		name = src.Name + " (copy)"
	}
	inactive := false
	def := DefinitionOf(src)
	if author != src.CreatedByID {
		def.Actions = blankSecrets(def.Actions)
	}
	return Create(ctx, db, Draft{
		Name: name, Description: src.Description, IsActive: &inactive, IsTemplate: asTemplate,
		Definition: def, CreatedBy: author, RetentionDays: src.RetentionDays,
	})
}
