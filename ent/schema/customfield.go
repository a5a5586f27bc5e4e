package schema

import (
	"regexp"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/flowline/flowline/internal/authz"
)

// Limits on custom client fields.
const (
	MaxCustomFields       = 100
	MaxCustomFieldOptions = 100
)

// CustomFieldKeyPattern is the shape of a custom field's key (client.custom.<key>).
var CustomFieldKeyPattern = regexp.MustCompile(`^[a-z][a-zA-Z0-9_]{0,49}$`)

// CustomFieldIndexPrefix starts the name of the expression index that createClientField adds
// on PostgreSQL for a NUMBER, DATE or DATETIME field (clients_cf_<key>). These indexes come
// and go with the fields, so they are not in this schema; the migration planner leaves
// indexes with this prefix alone.
const CustomFieldIndexPrefix = "clients_cf_"

// CustomField is the definition of a custom client field (the API's ClientField): its key,
// label and type, against which every client's custom_fields values are checked. The GraphQL
// type is written by hand (graph/clientfields.graphqls).
type CustomField struct{ ent.Schema }

// Mixin of the CustomField.
func (CustomField) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{}}
}

// Fields of the CustomField.
func (CustomField) Fields() []ent.Field {
	return []ent.Field{
		field.String("key").Match(CustomFieldKeyPattern).Immutable(),
		field.String("label").NotEmpty().Validate(notBlank).MaxLen(200),
		field.Enum("type").Values("TEXT", "NUMBER", "DATE", "DATETIME", "BOOLEAN", "SELECT").Immutable(),
		field.Strings("options").Default([]string{}),
	}
}

// Indexes of the CustomField.
func (CustomField) Indexes() []ent.Index {
	return []ent.Index{index.Fields("key").Unique()}
}

// Annotations of the CustomField.
func (CustomField) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Table("client_fields"), entgql.Skip(entgql.SkipAll)}
}

// Policy of the CustomField: everyone signed in reads the definitions, only ADMIN writes them.
func (CustomField) Policy() ent.Policy { return authz.UserPolicy() }
