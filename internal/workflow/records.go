package workflow

import (
	"fmt"
	"strings"
	"time"
)

// ClientFields are the fields of a client record, as FIND_CLIENTS' where and its output
// elements name them (id, name, status, owner.email, ...).
func ClientFields() map[string]FieldType { return cloneFields(clientFieldTypes) }

// TaskFields are the fields of a task record (id, title, priority, dueAt, ...).
func TaskFields() map[string]FieldType { return cloneFields(taskFieldTypes) }

func cloneFields(m map[string]FieldType) map[string]FieldType {
	out := make(map[string]FieldType, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// recordRoot is the context key under which a record's fields are checked and evaluated:
// conditions read bare field names as client.<name>, so a record sits where the client does.
const recordRoot = "client"

// Conditions checks cfg[key], an optional condition over a record's fields (bare names such
// as "status"; placeholders allowed in values at save time), and returns it.
func (c *ConfigChecker) Conditions(cfg map[string]any, base, key string, record map[string]FieldType) map[string]any {
	raw, ok := cfg[key]
	if !ok || raw == nil {
		return nil
	}
	path := Pointer(base, key)
	m, ok := AsMap(raw)
	if !ok {
		c.Problemf(path, "%s must be a condition object, got %s", key, TypeName(raw))
		return nil
	}
	fields := make(map[string]FieldType, len(record))
	for f, ft := range record {
		if ft == FieldEnum && enumDomains[recordRoot+"."+f] == nil {
			ft = FieldString
		}
		fields[recordRoot+"."+f] = ft
	}
	fields["now"] = FieldTime
	names := sortedKeys(record)
	var selects map[string][]string
	if c.catalog != nil {
		selects = c.catalog.CustomOptions
	}
	validateConditionsIn(m, path, conditionScope{fields: fields, templated: c.templated, selects: selects, unknown: func(field string) string {
		return fmt.Sprintf("unknown field %q; available: %s", strings.TrimPrefix(field, recordRoot+"."), strings.Join(names, ", "))
	}}, c.p)
	return m
}

// MatchRecord evaluates a condition checked by ConfigChecker.Conditions against one record,
// at now (the "now" variable, for expressions such as
// timestamp(client.updatedAt) < timestamp(now) - duration("336h")).
func MatchRecord(conds map[string]any, record map[string]any, now time.Time) (bool, error) {
	passed, _, err := EvaluateConditions(conds, Context{recordRoot: record, "now": now.UTC().Format(time.RFC3339)})
	return passed, err
}
