package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/customfield"
	"github.com/flowline/flowline/ent/privacy"
	"github.com/flowline/flowline/ent/schema"
	"github.com/flowline/flowline/internal/apierr"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/customfields"
)

// requireAdmin refuses, as FORBIDDEN, a caller below ADMIN before anything is read.
func requireAdmin(ctx context.Context, what string) error {
	if _, v, err := caller(ctx); err != nil {
		return err
	} else if !v.Role.AtLeast(auth.RoleAdmin) {
		return fmt.Errorf("%s: %w", what, privacy.Deny)
	}
	return nil
}

// defError points a refused client-field definition at its input field.
func defError(ctx context.Context, e *customfields.DefError) *gqlerror.Error {
	return badInput(ctx, "input."+e.Field, "%s", e.Msg)
}

func clientFieldDef(row *ent.CustomField) *customfields.Def {
	d := customfields.FromEnt([]*ent.CustomField{row})[row.Key]
	if d.Options == nil {
		d.Options = []string{}
	}
	return &d
}

// findClientField reads the field with key or reports NOT_FOUND pointing at the key argument.
func findClientField(ctx context.Context, db *ent.Client, key string) (*ent.CustomField, error) {
	row, err := db.CustomField.Query().Where(customfield.Key(key)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, notFound(ctx, "key", "client field "+key)
	}
	if err != nil {
		return nil, fmt.Errorf("read client field %s: %w", key, err)
	}
	return row, nil
}

// checkNewClientField checks a definition against the rules and the fields already defined.
func checkNewClientField(ctx context.Context, db *ent.Client, key, label string, t customfields.Type, options []string) error {
	for _, e := range []*customfields.DefError{customfields.CheckKey(key), customfields.CheckLabel(label), customfields.CheckOptions(t, options)} {
		if e != nil {
			return defError(ctx, e)
		}
	}
	n, err := db.CustomField.Query().Count(ctx)
	if err != nil {
		return fmt.Errorf("count client fields: %w", err)
	}
	if n >= schema.MaxCustomFields {
		return badInput(ctx, "input.key", "at most %d client fields can be defined", schema.MaxCustomFields)
	}
	taken, err := db.CustomField.Query().Where(customfield.Key(key)).Exist(ctx)
	if err != nil {
		return fmt.Errorf("look up client field %s: %w", key, err)
	}
	if taken {
		return badInput(ctx, "input.key", "a client field with key %q exists", key)
	}
	return nil
}

// clientFieldInUse refuses, as CONFLICT, deleting a field that workflows use.
func clientFieldInUse(ctx context.Context, db *ent.Client, key string) error {
	names, err := customfields.UsedBy(ctx, db, key)
	if err != nil {
		return err
	}
	if len(names) > 0 {
		return inputError(ctx, apierr.Conflict, "key", "client field %s is used by workflow(s) %s; change them first",
			key, strings.Join(names, ", "))
	}
	return nil
}

// mergeCustomFields checks changes against the definitions and merges them into current;
// field is the input's path ("input.customFields").
func mergeCustomFields(ctx context.Context, db *ent.Client, field string, current, changes map[string]any) (map[string]any, error) {
	catalog, err := customfields.Load(ctx, db)
	if err != nil {
		return nil, err
	}
	merged, verr := catalog.Merge(current, changes)
	if verr != nil {
		return nil, badInput(ctx, field+"."+verr.Key, "%s", verr.Msg)
	}
	return merged, nil
}
