package workflow

import (
	"maps"
	"slices"
)

// Catalog is what the database defines that a definition may refer to, filled by the
// caller (the workflow store reads it before validating a definition).
type Catalog struct {
	// CustomFields maps the key of each custom client field to its type (CustomFieldType).
	CustomFields map[string]FieldType
	// CustomOptions maps the key of each SELECT custom field to its options: literals
	// compared with it or written to it must be one of them.
	CustomOptions map[string][]string
}

// CustomFieldType is the condition type of a custom client field of the given API type
// (TEXT, NUMBER, DATE, DATETIME, BOOLEAN, SELECT): DATE and DATETIME compare as times,
// SELECT as a string.
func CustomFieldType(apiType string) FieldType {
	switch apiType {
	case "NUMBER":
		return FieldNumber
	case "BOOLEAN":
		return FieldBool
	case "DATE", "DATETIME":
		return FieldTime
	default:
		return FieldString
	}
}

// contextFields is ContextFields plus client.custom.<key> for each custom field when runs
// of the trigger have a client.
func (c Catalog) contextFields(t TriggerType) map[string]FieldType {
	fields := ContextFields(t)
	if fields == nil || !hasClient(t) {
		return fields
	}
	_, hasPrevious := fields["trigger.changedFields"]
	for k, ft := range c.CustomFields {
		fields["client.custom."+k] = ft
		if hasPrevious {
			fields["trigger.previous.custom."+k] = ft
		}
	}
	return fields
}

// writableFields is ClientWritableFields plus custom.<key> for each custom field: the
// names a CLIENT_UPDATED trigger may listen to.
func (c Catalog) writableFields() []string {
	out := slices.Clone(ClientWritableFields)
	for _, k := range slices.Sorted(maps.Keys(c.CustomFields)) {
		out = append(out, "custom."+k)
	}
	return out
}
