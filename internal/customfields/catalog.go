package customfields

import (
	"context"
	"fmt"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/customfield"
)

// Type is a custom field's type.
type Type string

// The types a custom field may have.
const (
	Text     Type = "TEXT"
	Number   Type = "NUMBER"
	Date     Type = "DATE"
	DateTime Type = "DATETIME"
	Boolean  Type = "BOOLEAN"
	Select   Type = "SELECT"
)

// Def is one field's definition.
type Def struct {
	Key     string
	Label   string
	Type    Type
	Options []string
}

// Catalog holds the defined fields by key.
type Catalog map[string]Def

// FromEnt builds a catalog from stored definitions.
func FromEnt(rows []*ent.CustomField) Catalog {
	c := make(Catalog, len(rows))
	for _, r := range rows {
		c[r.Key] = Def{Key: r.Key, Label: r.Label, Type: Type(r.Type), Options: r.Options}
	}
	return c
}

// Load reads every definition with the caller's rights (everyone signed in may read them).
func Load(ctx context.Context, db *ent.Client) (Catalog, error) {
	rows, err := db.CustomField.Query().Order(customfield.ByKey()).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load custom client fields: %w", err)
	}
	return FromEnt(rows), nil
}
