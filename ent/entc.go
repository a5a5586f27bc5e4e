//go:build ignore

// The entc program generates the ent client and, through entgql, the GraphQL schema for
// the ent types (graph/ent.graphqls). It runs first in the go:generate chain (generate.go).
package main

import (
	"fmt"
	"log"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	"github.com/vektah/gqlparser/v2/ast"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("graph/ent.graphqls"),
		entgql.WithConfigPath("gqlgen.yml"),
		entgql.WithWhereInputs(true),
		entgql.WithRelaySpec(true),
		entgql.WithSchemaHook(renameContactToClient, defaultOrders, describeTypes),
	)
	if err != nil {
		log.Fatalf("create entgql extension: %v", err)
	}
	cfg := &gen.Config{
		Features: []gen.Feature{
			gen.FeatureNamedEdges,
			gen.FeatureLock,
			gen.FeatureModifier,
			gen.FeatureUpsert,
			gen.FeatureExecQuery,
			gen.FeatureIntercept,
			gen.FeaturePrivacy,
			gen.FeatureEntQL,
		},
	}
	if err := entc.Generate("./ent/schema", cfg, entc.Extensions(ex)); err != nil {
		log.Fatalf("run ent codegen: %v", err)
	}
}

// renameContactToClient publishes the ent type Contact as the GraphQL type Client. ent
// reserves the Go name Client for its database client, so the schema is named Contact, but
// the API (and every SDK generated from it) speaks of clients. gqlgen.yml binds the renamed
// GraphQL types back to the ent Go types.
func renameContactToClient(_ *gen.Graph, s *ast.Schema) error {
	rename := func(name string) string { return strings.ReplaceAll(name, "Contact", "Client") }
	types := make(map[string]*ast.Definition, len(s.Types))
	for name, def := range s.Types {
		def.Name = rename(name)
		types[def.Name] = def
	}
	s.Types = types
	for _, def := range s.Types {
		def.Description = rename(def.Description)
		for i, in := range def.Interfaces {
			def.Interfaces[i] = rename(in)
		}
		for _, f := range def.Fields {
			f.Description = rename(f.Description)
			renameTypeRef(f.Type, rename)
			for _, a := range f.Arguments {
				a.Description = rename(a.Description)
				renameTypeRef(a.Type, rename)
			}
		}
	}
	for name, impls := range s.PossibleTypes {
		for _, d := range impls {
			d.Name = rename(d.Name)
		}
		s.PossibleTypes[rename(name)] = impls
	}
	for name, ifaces := range s.Implements {
		delete(s.Implements, name)
		s.Implements[rename(name)] = ifaces
	}
	return nil
}

func renameTypeRef(t *ast.Type, rename func(string) string) {
	for ; t != nil; t = t.Elem {
		t.NamedType = rename(t.NamedType)
	}
}

// defaultOrders sets the order of nested lists that have a natural one: an execution's logs
// by step, a workflow's versions newest first. A default in the SDL (rather than in a
// resolver) is seen by the nested collector and the resolver alike, so preloaded pages and
// cursors agree; graph.DefaultingCache writes it into queries that leave orderBy out.
func defaultOrders(_ *gen.Graph, s *ast.Schema) error {
	for _, d := range []struct{ typ, field, order, direction string }{
		{"WorkflowExecution", "logs", "STEP_INDEX", "ASC"},
		{"Workflow", "versions", "VERSION", "DESC"},
	} {
		t := s.Types[d.typ]
		if t == nil {
			return fmt.Errorf("default order: no type %s", d.typ)
		}
		f := t.Fields.ForName(d.field)
		if f == nil {
			return fmt.Errorf("default order: no field %s.%s", d.typ, d.field)
		}
		a := f.Arguments.ForName("orderBy")
		if a == nil {
			return fmt.Errorf("default order: %s.%s has no orderBy", d.typ, d.field)
		}
		a.DefaultValue = &ast.Value{Kind: ast.ListValue, Children: ast.ChildValueList{{
			Value: &ast.Value{Kind: ast.ObjectValue, Children: ast.ChildValueList{
				{Name: "direction", Value: &ast.Value{Kind: ast.EnumValue, Raw: d.direction}},
				{Name: "field", Value: &ast.Value{Kind: ast.EnumValue, Raw: d.order}},
			}},
		}}}
	}
	return nil
}

// enumDocs describes the enums that ent generates (whose own text is "X is enum for the field
// y") and their values.
var enumDocs = map[string]struct {
	doc    string
	values map[string]string
}{
	"ActionType": {"What one step of a workflow does. IF, SWITCH, FOR_EACH, STOP and COMPUTE are run by the engine itself; the others are actions.", map[string]string{
		"SEND_EMAIL": "Queue an e-mail in the outbox (sent over SMTP, retried).", "CREATE_TASK": "Create a task for a client.",
		"UPDATE_CLIENT": "Change a client's fields.", "ADD_TAG": "Add a tag to a client.", "REMOVE_TAG": "Remove a tag from a client.",
		"SEND_WEBHOOK": "Send a signed JSON request to another system.", "DELAY": "Wait, durably, before the next step.",
		"LOG_ACTIVITY": "Write an entry on a client's timeline.", "FIND_CLIENTS": "Find the clients that match a condition.",
		"FIND_TASKS": "Find the tasks that match a condition.", "HTTP_REQUEST": "Call another system and keep its answer for later steps.",
		"COMPUTE": "Compute values with CEL expressions.", "IF": "Run the then or the else block.",
		"SWITCH": "Run the first case whose conditions hold, or the default block.", "FOR_EACH": "Run the body once per item of a list.",
		"STOP": "End the run as COMPLETED.",
	}},
	"ClientStatus": {"Where a client stands in the relationship.", map[string]string{
		"LEAD": "A prospect.", "ACTIVE": "A current client.", "INACTIVE": "A client with no current business.", "CHURNED": "A client that left.",
	}},
	"EmailStatus": {"Where an e-mail of the outbox is.", map[string]string{
		"QUEUED": "Waiting to be sent (or for its next attempt).", "SENDING": "Claimed by a sender.", "SENT": "Accepted by the SMTP server.",
		"FAILED": "Given up on after its attempts or a permanent refusal.",
	}},
	"Role": {"What a user may do.", map[string]string{
		"ADMIN": "Everything, users included.", "EDITOR": "Workflows of their own and the CRM.", "VIEWER": "Read only.",
	}},
	"TaskPriority": {"How urgent a task is.", map[string]string{"LOW": "Low.", "MEDIUM": "Medium (the default).", "HIGH": "High.", "URGENT": "Urgent."}},
	"TriggerType": {"The CRM event that starts a workflow.", map[string]string{
		"CLIENT_CREATED": "A client is created.", "CLIENT_UPDATED": "One of a client's fields changes.",
		"CLIENT_STATUS_CHANGED": "A client's status changes.", "DOCUMENT_UPLOADED": "A document is registered for a client.",
		"TASK_COMPLETED": "A task is completed.", "SCHEDULED": "A cron schedule ticks.", "MANUAL": "triggerWorkflow is called.",
		"WEBHOOK": "POST /hooks/{id} is called with the workflow's secret.",
	}},
	"WorkflowExecutionExitReason": {"Why a COMPLETED execution ended before its last step.", map[string]string{"STOPPED": "A STOP step ran (exitMessage holds its reason)."}},
	"WorkflowExecutionLogStatus": {"How one attempt of a step ended.", map[string]string{
		"SUCCESS": "It ran.", "FAILED": "It failed (errorMessage says why); it may be retried.", "SKIPPED": "It did not run: the conditions did not pass.",
	}},
	"WorkflowExecutionStatus": {"Where an execution is.", map[string]string{
		"PENDING": "Waiting for a worker (new, delayed, or backing off before a retry).", "RUNNING": "Held by a worker.",
		"COMPLETED": "Ended after its last step, a STOP, or conditions that did not pass.", "FAILED": "Ended by a failing step, a timeout or the loop guard.",
		"CANCELLED": "Cancelled by cancelExecution.",
	}},
}

// describeTypes replaces ent's generated enum descriptions and documents the scalars; Time
// points at its specification with @specifiedBy.
func describeTypes(_ *gen.Graph, s *ast.Schema) error {
	for name, d := range enumDocs {
		t := s.Types[name]
		if t == nil {
			return fmt.Errorf("describe: no enum %s", name)
		}
		t.Description = d.doc
		for _, v := range t.EnumValues {
			if doc, ok := d.values[v.Name]; ok {
				v.Description = doc
			} else {
				return fmt.Errorf("describe: enum value %s.%s has no description", name, v.Name)
			}
		}
	}
	scalars := map[string]string{
		"Time":   "A point in time, in RFC 3339 format with a time zone offset (2024-01-31T09:00:00Z).",
		"Map":    "A JSON object.",
		"Cursor": "An opaque position in a connection (Relay cursor): pass it back as after or before.",
	}
	for name, doc := range scalars {
		t := s.Types[name]
		if t == nil {
			return fmt.Errorf("describe: no scalar %s", name)
		}
		t.Description = doc
	}
	s.Types["Time"].Directives = append(s.Types["Time"].Directives, &ast.Directive{
		Name:      "specifiedBy",
		Arguments: ast.ArgumentList{{Name: "url", Value: &ast.Value{Kind: ast.StringValue, Raw: "https://datatracker.ietf.org/doc/html/rfc3339"}}},
	})
	return nil
}
