package customfields

import (
	"context"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/workflow"
)

// WorkflowCatalog tells the workflow validator the type of each field.
func (c Catalog) WorkflowCatalog() workflow.Catalog {
	types := make(map[string]workflow.FieldType, len(c))
	options := map[string][]string{}
	for k, d := range c {
		types[k] = workflow.CustomFieldType(string(d.Type))
		if d.Type == Select {
			options[k] = d.Options
		}
	}
	return workflow.Catalog{CustomFields: types, CustomOptions: options}
}

// ValidateDefinition validates a workflow definition knowing the custom fields the database
// defines (read with the caller's rights).
func ValidateDefinition(ctx context.Context, db *ent.Client, def workflow.Definition) error {
	cat, err := Load(ctx, db)
	if err != nil {
		return err
	}
	return workflow.ValidateWith(def, cat.WorkflowCatalog())
}
