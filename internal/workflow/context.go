package workflow

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"time"
)

// Context is the data that placeholders and conditions read: nested maps keyed "client",
// "trigger", "document", "task", "workflow", "execution" and "now". BuildContext produces it in
// a JSON-like shape (maps, lists, strings, float64 numbers, bools, RFC 3339 times) so it can be
// stored with an execution and evaluated again later with the same result.
type Context map[string]any

// Lookup returns the value at a dotted path such as "client.owner.email", and whether it exists.
// A key whose value is null exists.
func (c Context) Lookup(path string) (any, bool) {
	return lookupPath(map[string]any(c), path)
}

// FieldType describes a context variable's type for save-time checks of operators and values.
type FieldType string

// The types a context variable may have.
const (
	FieldString     FieldType = "string"
	FieldNumber     FieldType = "number"
	FieldBool       FieldType = "bool"
	FieldTime       FieldType = "time" // RFC 3339 string
	FieldStringList FieldType = "stringList"
	FieldEnum       FieldType = "enum"
	// FieldAny marks free-form data (trigger.data): any sub-path may be used and its type is
	// only known at run time.
	FieldAny FieldType = "any"
	// FieldList is a list of objects (FIND_CLIENTS' clients): FOR_EACH iterates it, and the
	// fields of its elements are declared under "<path>[].<field>".
	FieldList FieldType = "list"
)

// Client statuses and task priorities, the enums that trigger configs and conditions check.
var (
	ClientStatuses = []string{"LEAD", "ACTIVE", "INACTIVE", "CHURNED"}
	TaskPriorities = []string{"LOW", "MEDIUM", "HIGH", "URGENT"}
)

// ClientWritableFields are the client fields that can change (and so be listened to by
// CLIENT_UPDATED, tested with changed/changed_to, and set by UPDATE_CLIENT).
var ClientWritableFields = []string{"name", "email", "phone", "status", "tags", "ownerId"}

// contextRoots are the top-level keys of a Context; a condition field starting with one of them is
// absolute, any other field is relative to client.
var contextRoots = []string{"client", "trigger", "document", "task", "workflow", "execution", "now", "steps", "loop"}

var clientFieldTypes = map[string]FieldType{
	"id":          FieldString,
	"name":        FieldString,
	"email":       FieldString,
	"emailDomain": FieldString, // derived: the lower-cased part after "@", for tagging by domain
	"phone":       FieldString,
	"status":      FieldEnum,
	"tags":        FieldStringList,
	"ownerId":     FieldString,
	"owner.id":    FieldString,
	"owner.name":  FieldString,
	"owner.email": FieldString,
	"createdAt":   FieldTime,
	"updatedAt":   FieldTime,
}

var documentFieldTypes = map[string]FieldType{
	"id":          FieldString,
	"name":        FieldString,
	"contentType": FieldString,
	"sizeBytes":   FieldNumber,
	"clientId":    FieldString,
}

var taskFieldTypes = map[string]FieldType{
	"id":          FieldString,
	"title":       FieldString,
	"priority":    FieldEnum,
	"dueAt":       FieldTime,
	"completedAt": FieldTime,
	"clientId":    FieldString,
	"assigneeId":  FieldString,
}

// enumDomains lists the values of every enum context variable.
var enumDomains = map[string][]string{
	"client.status":           ClientStatuses,
	"trigger.oldStatus":       ClientStatuses,
	"trigger.newStatus":       ClientStatuses,
	"trigger.previous.status": ClientStatuses,
	"task.priority":           TaskPriorities,
	"trigger.type":            TriggerType("").Values(),
}

// hasClient reports whether runs of a trigger type have a client. SCHEDULED runs are not about
// one client; MANUAL and WEBHOOK runs have one when the caller names it.
func hasClient(t TriggerType) bool { return t.IsValid() && t != TriggerScheduled }

// ContextFields lists the variables available to a trigger type, as dotted paths with their
// types. Conditions and placeholders may only use these (or sub-paths of a FieldAny variable).
// It returns nil for an unknown trigger type. The map is fresh: callers may modify it.
func ContextFields(t TriggerType) map[string]FieldType {
	if !t.IsValid() {
		return nil
	}
	fields := map[string]FieldType{
		"trigger.type":  FieldEnum,
		"workflow.id":   FieldString,
		"workflow.name": FieldString,
		"execution.id":  FieldString,
		"now":           FieldTime,
	}
	if hasClient(t) {
		for k, v := range clientFieldTypes {
			fields["client."+k] = v
		}
	}
	switch t {
	case TriggerClientStatusChanged:
		fields["trigger.oldStatus"] = FieldEnum
		fields["trigger.newStatus"] = FieldEnum
		fallthrough
	case TriggerClientUpdated:
		fields["trigger.changedFields"] = FieldStringList
		for _, f := range ClientWritableFields {
			fields["trigger.previous."+f] = clientFieldTypes[f]
		}
	case TriggerDocumentUploaded:
		for k, v := range documentFieldTypes {
			fields["document."+k] = v
		}
	case TriggerTaskCompleted:
		for k, v := range taskFieldTypes {
			fields["task."+k] = v
		}
	case TriggerManual, TriggerWebhook:
		fields["trigger.data"] = FieldAny
	case TriggerScheduled:
		fields["trigger.data.scheduledAt"] = FieldTime // the cron tick the run is for
		fields["trigger.data.caughtUp"] = FieldBool    // a slot missed while no scheduler ran
	case TriggerClientDate:
		fields["trigger.data.field"] = FieldString  // the date field followed
		fields["trigger.data.date"] = FieldTime     // the client's date (this year's, when yearly)
		fields["trigger.data.dueAt"] = FieldTime    // when the run was due
		fields["trigger.data.caughtUp"] = FieldBool // fired late: no scheduler ran when it was due
	default:
		// CLIENT_CREATED: the client.* fields above are all there is.
	}
	return fields
}

// lookupField finds the type of a dotted path, including sub-paths of FieldAny variables.
func lookupField(fields map[string]FieldType, path string) (FieldType, bool) {
	if ft, ok := fields[path]; ok {
		return ft, true
	}
	for i := strings.LastIndexByte(path, '.'); i > 0; i = strings.LastIndexByte(path[:i], '.') {
		if fields[path[:i]] == FieldAny {
			return FieldAny, true
		}
	}
	return "", false
}

// fieldNames lists fields sorted, for "available: ..." hints.
func fieldNames(fields map[string]FieldType) string {
	names := sortedKeys(fields)
	return strings.Join(names, ", ")
}

// canonicalField resolves a condition's field name: bare names (and names whose first segment is
// not a context root, like "owner.email") are relative to client.
func canonicalField(name string) string { return resolveField(name, nil) }

// resolveField is canonicalField where isVar also names roots: the loop variables in scope.
func resolveField(name string, isVar func(root string) bool) string {
	root, _, _ := strings.Cut(name, ".")
	if slices.Contains(contextRoots, root) || (isVar != nil && isVar(root)) {
		return name
	}
	return "client." + name
}

// validPath reports whether a dotted path has only non-empty segments.
func validPath(path string) bool {
	if path == "" {
		return false
	}
	for _, seg := range strings.Split(path, ".") {
		if seg == "" {
			return false
		}
	}
	return true
}

// lookupNormal is lookupPath with the value found normalized.
func lookupNormal(root map[string]any, path string) (any, bool) {
	v, ok := lookupPath(root, path)
	if !ok {
		return nil, false
	}
	return normalize(v), true
}

// lookupPath walks a normalized (or Go-built) context along a dotted path.
func lookupPath(root map[string]any, path string) (any, bool) {
	if !validPath(path) {
		return nil, false
	}
	var cur any = root
	for _, seg := range strings.Split(path, ".") {
		if cur == nil {
			// A null on the way (a client without an owner) makes the whole path null, not
			// missing: {{client.owner.name}} renders empty.
			return nil, true
		}
		m, ok := AsMap(cur)
		if !ok {
			if sm, isStringMap := cur.(map[string]string); isStringMap {
				v, found := sm[seg]
				if !found {
					return nil, false
				}
				cur = v
				continue
			}
			return nil, false
		}
		v, found := m[seg]
		if !found {
			return nil, false
		}
		cur = v
	}
	return cur, true
}

// Event is a CRM event as the engine sees it. Map values may be any Go values (time.Time,
// uuid.UUID, []string, ...); BuildContext normalizes them.
type Event struct {
	Type          TriggerType
	OldStatus     string
	NewStatus     string
	ChangedFields []string
	// Client holds id, name, email, phone, status, tags ([]string), ownerId, owner {id, name,
	// email}, createdAt and updatedAt, as they are after the change.
	Client map[string]any
	// Previous holds client field values before the change (CLIENT_UPDATED and
	// CLIENT_STATUS_CHANGED); the "changed" and "changed_to" operators compare against it.
	Previous map[string]any
	Document map[string]any // id, name, contentType, sizeBytes, clientId
	Task     map[string]any // id, title, priority, dueAt, completedAt, clientId, assigneeId
	Data     map[string]any // MANUAL/WEBHOOK payload, exposed as trigger.data
}

// previousCustom is trigger.previous.custom: the previous values the event gives (nil: the
// key had none), and the current value of every other key, which did not change.
func previousCustom(prev, current any) map[string]any {
	out := map[string]any{}
	if cur, ok := current.(map[string]any); ok {
		maps.Copy(out, cur)
	}
	if p, ok := prev.(map[string]any); ok {
		for k, v := range p {
			if v == nil {
				delete(out, k)
			} else {
				out[k] = v
			}
		}
	}
	return out
}

// changedFields returns the event's changed client fields: the list the engine gave or, when it
// gave none, the fields whose Previous value differs from the current one.
func changedFields(ev Event) []string {
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, f := range ev.ChangedFields {
		add(f)
	}
	if len(out) == 0 && ev.Previous != nil {
		current := normalize(ev.Client)
		cur, _ := current.(map[string]any)
		prev, _ := normalize(ev.Previous).(map[string]any)
		for _, f := range sortedKeys(prev) {
			pc, isCustom := prev[f].(map[string]any)
			if f != "custom" || !isCustom {
				if !equalValues(prev[f], cur[f]) {
					add(f)
				}
				continue
			}
			cc, _ := cur["custom"].(map[string]any)
			for _, k := range sortedKeys(pc) {
				if !equalValues(pc[k], cc[k]) {
					add("custom." + k)
				}
			}
		}
	}
	if ev.Type == TriggerClientStatusChanged && ev.OldStatus != ev.NewStatus {
		add("status")
	}
	sort.Strings(out)
	return out
}

// BuildContext makes the evaluation and render context for an event: trigger.type, plus
// trigger.oldStatus and trigger.newStatus (CLIENT_STATUS_CHANGED), trigger.changedFields and
// trigger.previous (CLIENT_UPDATED, CLIENT_STATUS_CHANGED; fields without a previous value take
// their current one), trigger.data (MANUAL, WEBHOOK, or
// whenever Data is set), client.* (with the derived client.emailDomain), document.*, task.*,
// workflow.id, workflow.name, execution.id, and now as an RFC 3339 string. Sections of the event
// that are nil are left out, so a placeholder that needs them fails to render instead of
// rendering empty. The result shares no memory with ev.
func BuildContext(ev Event, workflowID, workflowName, executionID string, now time.Time) Context {
	trigger := map[string]any{"type": string(ev.Type)}
	switch ev.Type {
	case TriggerClientStatusChanged:
		oldStatus, newStatus := eventStatuses(ev)
		trigger["oldStatus"] = oldStatus
		trigger["newStatus"] = newStatus
		fallthrough
	case TriggerClientUpdated:
		fields := changedFields(ev)
		list := make([]any, len(fields))
		for i, f := range fields {
			list[i] = f
		}
		trigger["changedFields"] = list
		prev, _ := normalize(ev.Previous).(map[string]any)
		if prev == nil {
			prev = map[string]any{}
		}
		// A field the event has no previous value for did not change: its previous value is
		// its current one. Every announced trigger.previous.* variable then exists.
		if oldStatus, _ := eventStatuses(ev); ev.Type == TriggerClientStatusChanged && oldStatus != "" {
			if _, ok := prev["status"]; !ok {
				prev["status"] = oldStatus
			}
		}
		client, _ := normalize(ev.Client).(map[string]any)
		for _, f := range ClientWritableFields {
			if _, ok := prev[f]; !ok {
				if v, found := client[f]; found {
					prev[f] = v
				}
			}
		}
		prev["custom"] = previousCustom(prev["custom"], client["custom"])
		trigger["previous"] = prev
	default:
		// Other triggers have no status change or previous values.
	}
	if ev.Data != nil || ev.Type == TriggerManual || ev.Type == TriggerWebhook {
		data, _ := normalize(ev.Data).(map[string]any)
		if data == nil {
			data = map[string]any{}
		}
		trigger["data"] = data
	}
	ctx := Context{
		"trigger":   trigger,
		"workflow":  map[string]any{"id": workflowID, "name": workflowName},
		"execution": map[string]any{"id": executionID},
		"now":       now.UTC().Format(time.RFC3339),
	}
	if client, ok := normalize(ev.Client).(map[string]any); ok {
		client["emailDomain"] = emailDomain(client["email"])
		ctx["client"] = client
	}
	if doc, ok := normalize(ev.Document).(map[string]any); ok {
		ctx["document"] = doc
	}
	if task, ok := normalize(ev.Task).(map[string]any); ok {
		ctx["task"] = task
	}
	return ctx
}

// emailDomain derives the lower-cased domain of an email address, or "" if there is none.
func emailDomain(v any) string {
	s, _ := v.(string)
	i := strings.LastIndexByte(s, '@')
	if i < 0 {
		return ""
	}
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(s[i+1:]), ">"))
}

// EmailDomain derives the lower-cased domain of an email address, or "" if there is none
// (client.emailDomain).
func EmailDomain(email string) string { return emailDomain(email) }
