package workflow

import (
	"encoding/json"
	"slices"
)

// ConfigSchemaer is implemented by action kinds that describe their config as a JSON Schema
// object (its "properties" and "required"); DefinitionSchema puts them together. Strings may
// hold placeholders, so the schemas check shapes, not formats; Validate checks the rest.
type ConfigSchemaer interface {
	ConfigSchema() Schema
}

// Schema is a JSON Schema object.
type Schema = map[string]any

// SchemaURL is where the server publishes DefinitionSchema.
const SchemaURL = "/schema/workflow-definition.json"

// Schema helpers for kinds' ConfigSchema.
var (
	// SchemaString is any string (placeholders allowed).
	SchemaString = Schema{"type": "string"}
	// SchemaNumber is a number or a placeholder.
	SchemaNumber = Schema{"type": []string{"number", "string"}}
	// SchemaBool is true, false or a placeholder.
	SchemaBool = Schema{"type": []string{"boolean", "string"}}
	// SchemaAny is any JSON value.
	SchemaAny = Schema{}
)

// SchemaObject is an object with exactly these properties, the listed ones required.
func SchemaObject(props map[string]Schema, required ...string) Schema {
	s := Schema{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

// SchemaEnum is one of values (or a placeholder, when placeholders is set).
func SchemaEnum(values []string, placeholders bool) Schema {
	if placeholders {
		return Schema{"anyOf": []Schema{{"enum": values}, {"type": "string", "pattern": `\{\{`}}}
	}
	return Schema{"enum": values}
}

// SchemaList is a list of items, or (listOrOne) also one item alone.
func SchemaList(item Schema, listOrOne bool) Schema {
	l := Schema{"type": "array", "items": item, "minItems": 1}
	if listOrOne {
		return Schema{"anyOf": []Schema{l, item}}
	}
	return l
}

// DefinitionSchema is the JSON Schema (draft 2020-12) of a workflow definition: triggers with
// their configs, conditions, and the step tree with each action type's config. It is what
// the validator checks for shape; Validate also checks what a schema cannot (placeholders
// that exist, references in scope, cron expressions, expression types).
func DefinitionSchema() Schema {
	triggerTypes := TriggerType("").Values()
	var triggerRules []Schema
	for _, t := range TriggerTypes {
		triggerRules = append(triggerRules, Schema{
			"if":   Schema{"properties": Schema{"triggerType": Schema{"const": string(t)}}, "required": []string{"triggerType"}},
			"then": Schema{"properties": Schema{"triggerConfig": triggerConfigSchema(t)}},
		})
	}
	return Schema{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         SchemaURL,
		"title":       "Flowline workflow definition",
		"description": "triggerType, triggerConfig, conditions, actions, enrollment and goal of a workflow, as createWorkflow takes them.",
		"type":        "object",
		"required":    []string{"triggerType", "actions"},
		"properties": Schema{
			"triggerType":   Schema{"enum": triggerTypes},
			"triggerConfig": Schema{"type": []string{"object", "null"}},
			"conditions":    Schema{"anyOf": []Schema{{"type": "null"}, {"$ref": "#/$defs/conditions"}}},
			"actions":       Schema{"$ref": "#/$defs/block", "minItems": 1},
			"enrollment":    Schema{"anyOf": []Schema{{"type": "null"}, enrollmentSchema()}},
			"goal":          Schema{"anyOf": []Schema{{"type": "null"}, {"$ref": "#/$defs/conditions"}}},
			"debounce":      flowControlSchemas["debounce"],
			"concurrency":   flowControlSchemas["concurrency"],
			"throttle":      flowControlSchemas["throttle"],
		},
		"additionalProperties": false,
		"allOf":                triggerRules,
		"$defs":                defs(),
	}
}

// enrollmentSchema is the shape of a definition's enrollment object (which custom fields
// reenrollOn may name is the server's to check).
func enrollmentSchema() Schema {
	field := Schema{"anyOf": []Schema{SchemaEnum(ClientWritableFields, false),
		{"type": "string", "pattern": `^custom\.[a-z][a-zA-Z0-9_]{0,49}$`}}}
	return Schema{
		"type": "object",
		"properties": Schema{
			"mode":       SchemaEnum(EnrollmentMode("").Values(), false),
			"reenrollOn": Schema{"type": "array", "items": field, "uniqueItems": true},
		},
		"required":             []string{"mode"},
		"additionalProperties": false,
	}
}

// DefinitionSchemaJSON is DefinitionSchema as indented JSON, as committed and served.
func DefinitionSchemaJSON() []byte {
	b, err := json.MarshalIndent(DefinitionSchema(), "", "  ")
	if err != nil {
		panic(err) // the schema is built from literals: it always encodes
	}
	return append(b, '\n')
}

func triggerConfigSchema(t TriggerType) Schema {
	statuses := SchemaList(SchemaEnum(ClientStatuses, false), true)
	switch t {
	case TriggerClientCreated:
		return SchemaObject(map[string]Schema{"status": statuses})
	case TriggerClientUpdated:
		// custom.<key> names a custom client field (which ones exist is the server's to check).
		field := Schema{"anyOf": []Schema{SchemaEnum(ClientWritableFields, false),
			{"type": "string", "pattern": `^custom\.[a-z][a-zA-Z0-9_]{0,49}$`}}}
		return SchemaObject(map[string]Schema{"fields": SchemaList(field, true)})
	case TriggerClientStatusChanged:
		return SchemaObject(map[string]Schema{"from": statuses, "to": statuses, "status": statuses})
	case TriggerDocumentUploaded:
		return SchemaObject(map[string]Schema{"contentTypes": SchemaList(SchemaString, true)})
	case TriggerTaskCompleted:
		return SchemaObject(map[string]Schema{"priority": SchemaList(SchemaEnum(TaskPriorities, false), true)})
	case TriggerScheduled:
		return SchemaObject(map[string]Schema{"cron": SchemaString, "timezone": SchemaString,
			"catchUp": SchemaEnum([]string{CatchUpOnce, CatchUpSkip}, false)}, "cron")
	case TriggerClientDate:
		return SchemaObject(map[string]Schema{
			"field":      {"type": "string", "pattern": `^(createdAt|custom\.[a-z][a-zA-Z0-9_]{0,49})$`},
			"offsetDays": {"type": "integer", "minimum": -MaxOffsetDays, "maximum": MaxOffsetDays},
			"at":         {"type": "string", "pattern": atPattern.String()},
			"timezone":   SchemaString,
			"yearly":     {"type": "boolean"},
		}, "field")
	default:
		return SchemaObject(map[string]Schema{})
	}
}

func defs() Schema {
	ref := func(name string) Schema { return Schema{"$ref": "#/$defs/" + name} }
	var typeRules []Schema
	for _, t := range ActionTypes {
		typeRules = append(typeRules, Schema{
			"if":   Schema{"properties": Schema{"type": Schema{"const": string(t)}}, "required": []string{"type"}},
			"then": stepRule(t),
		})
	}
	return Schema{
		"block": Schema{"type": "array", "items": ref("step"), "maxItems": MaxActions},
		"step": Schema{
			"type":     "object",
			"required": []string{"type"},
			"properties": Schema{
				"key":     Schema{"type": "string", "pattern": keyPattern.String()},
				"type":    Schema{"enum": ActionType("").Values()},
				"name":    Schema{"type": "string", "maxLength": MaxActionNameLength},
				"onError": Schema{"enum": []string{OnErrorStop, OnErrorContinue}},
				"retry":   ref("retry"),
				"config":  Schema{"type": "object"},
				"then":    ref("block"),
				"else":    ref("block"),
				"cases":   Schema{"type": "array", "items": ref("case"), "minItems": 1, "maxItems": MaxCases},
				"default": ref("block"),
				"body":    ref("block"),
			},
			"additionalProperties": false,
			"allOf":                typeRules,
		},
		"case": SchemaObject(map[string]Schema{
			"name": Schema{"type": "string", "minLength": 1, "maxLength": maxCaseNameLength}, "conditions": ref("conditions"), "actions": ref("block"),
		}, "name", "conditions"),
		"retry": SchemaObject(map[string]Schema{
			"maxAttempts": Schema{"type": "integer", "minimum": 1}, "initialBackoff": SchemaString, "maxBackoff": SchemaString,
		}),
		"conditions": Schema{"anyOf": []Schema{SchemaObject(map[string]Schema{}), ref("condition")}},
		"condition": Schema{"oneOf": []Schema{
			SchemaObject(map[string]Schema{"all": Schema{"type": "array", "items": ref("condition"), "minItems": 1}}, "all"),
			SchemaObject(map[string]Schema{"any": Schema{"type": "array", "items": ref("condition"), "minItems": 1}}, "any"),
			SchemaObject(map[string]Schema{"not": ref("condition")}, "not"),
			SchemaObject(map[string]Schema{"field": Schema{"type": "string", "minLength": 1}, "operator": Schema{"enum": Operators}, "value": SchemaAny}, "field", "operator"),
			SchemaObject(map[string]Schema{"expr": Schema{"type": "string", "minLength": 1, "maxLength": MaxExprLength}}, "expr"),
		}},
	}
}

// stepRule is what a step of type t must look like beyond the common fields: its config and
// which blocks it may have.
func stepRule(t ActionType) Schema {
	blocks := map[ActionType][]string{ActionIf: {"then", "else"}, ActionSwitch: {"cases", "default"}, ActionForEach: {"body"}}[t]
	rule := Schema{"properties": Schema{"config": configSchema(t)}}
	var forbidden []Schema
	for _, b := range []string{"then", "else", "cases", "default", "body"} {
		if !slices.Contains(blocks, b) {
			forbidden = append(forbidden, Schema{"required": []string{b}})
		}
	}
	rule["not"] = Schema{"anyOf": forbidden}
	switch t {
	case ActionIf:
		rule["required"] = []string{"config"}
	case ActionSwitch:
		rule["required"] = []string{"cases"}
	case ActionForEach:
		rule["required"] = []string{"config", "body"}
	default:
	}
	return rule
}

func configSchema(t ActionType) Schema {
	switch t {
	case ActionIf:
		return SchemaObject(map[string]Schema{"conditions": Schema{"$ref": "#/$defs/condition"}}, "conditions")
	case ActionSwitch:
		return SchemaObject(map[string]Schema{})
	case ActionForEach:
		return SchemaObject(map[string]Schema{
			"items": Schema{"type": "string", "pattern": `^\s*\{\{[^{}]+\}\}\s*$`}, "as": Schema{"type": "string", "pattern": loopVarPattern.String()},
			"maxItems": Schema{"type": "integer", "minimum": 1, "maximum": MaxLoopItems}, "continueOnItemError": Schema{"type": "boolean"},
		}, "items", "as")
	case ActionStop:
		return SchemaObject(map[string]Schema{"reason": Schema{"type": "string", "maxLength": maxStopReason}})
	case ActionCompute:
		return SchemaObject(map[string]Schema{"values": Schema{
			"type": "object", "minProperties": 1, "maxProperties": MaxComputeValues,
			"propertyNames":        Schema{"pattern": `^[a-zA-Z][a-zA-Z0-9_]{0,39}$`},
			"additionalProperties": Schema{"type": "string", "minLength": 1, "maxLength": MaxExprLength},
		}}, "values")
	default:
	}
	k, ok := Kind(t)
	if !ok {
		return Schema{"type": "object"}
	}
	s, ok := k.(ConfigSchemaer)
	if !ok {
		return Schema{"type": "object"}
	}
	out := s.ConfigSchema()
	if acceptsClientID(k) {
		if props, ok := out["properties"].(map[string]Schema); ok {
			props[ClientIDKey] = SchemaString
		}
	}
	return out
}
