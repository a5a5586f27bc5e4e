package events

import (
	"maps"
	"reflect"
	"slices"
	"time"

	"github.com/flowline/flowline/ent"
)

// ClientFields describes a client the way workflow contexts expect it: id, name, email,
// phone, status, tags, ownerId, createdAt, updatedAt, custom (the custom field values) and, when the owner edge is loaded,
// owner {id, name, email}. Absent optional values are nil.
func ClientFields(c *ent.Contact) map[string]any {
	m := map[string]any{
		"id":        c.ID.String(),
		"name":      c.Name,
		"email":     c.Email,
		"phone":     nil,
		"status":    string(c.Status),
		"tags":      tagsOf(c),
		"ownerId":   nil,
		"createdAt": c.CreatedAt.UTC().Format(time.RFC3339Nano),
		"updatedAt": c.UpdatedAt.UTC().Format(time.RFC3339Nano),
		"custom":    customOf(c),
	}
	if c.Phone != nil {
		m["phone"] = *c.Phone
	}
	if c.OwnerID != nil {
		m["ownerId"] = c.OwnerID.String()
	} else {
		m["owner"] = nil // no owner: {{client.owner.name}} renders empty
	}
	if owner := c.Edges.Owner; owner != nil {
		m["owner"] = map[string]any{"id": owner.ID.String(), "name": owner.Name, "email": owner.Email}
	}
	return m
}

// DocumentFields describes a document for DOCUMENT_UPLOADED: id, name, contentType,
// sizeBytes and clientId.
func DocumentFields(d *ent.Document) map[string]any {
	return map[string]any{
		"id":          d.ID.String(),
		"name":        d.Name,
		"contentType": d.ContentType,
		"sizeBytes":   d.SizeBytes,
		"clientId":    d.ClientID.String(),
	}
}

// TaskFields describes a task for TASK_COMPLETED: id, title, priority, dueAt, completedAt,
// clientId and assigneeId (nil when unset).
func TaskFields(t *ent.Task) map[string]any {
	m := map[string]any{
		"id":          t.ID.String(),
		"title":       t.Title,
		"priority":    string(t.Priority),
		"dueAt":       nil,
		"completedAt": nil,
		"clientId":    nil,
		"assigneeId":  nil,
	}
	if t.DueAt != nil {
		m["dueAt"] = t.DueAt.UTC().Format(time.RFC3339Nano)
	}
	if t.CompletedAt != nil {
		m["completedAt"] = t.CompletedAt.UTC().Format(time.RFC3339Nano)
	}
	if t.ClientID != nil {
		m["clientId"] = t.ClientID.String()
	}
	if t.AssigneeID != nil {
		m["assigneeId"] = t.AssigneeID.String()
	}
	return m
}

// customOf returns a copy of a client's custom field values, never nil (client.custom is
// always a map).
func customOf(c *ent.Contact) map[string]any {
	if c.CustomFields == nil {
		return map[string]any{}
	}
	return maps.Clone(c.CustomFields)
}

// tagsOf returns a client's tags, never nil, so "contains" sees an empty list.
func tagsOf(c *ent.Contact) []string {
	if c.Tags == nil {
		return []string{}
	}
	return slices.Clone(c.Tags)
}

// ClientChanges compares a client before and after a change and returns the changed fields
// (among name, email, phone, status, tags and ownerId, and custom.<key>, sorted) with their
// previous values (a changed custom field's under previous.custom.<key>).
func ClientChanges(before, after *ent.Contact) (changed []string, previous map[string]any) {
	b, a := ClientFields(before), ClientFields(after)
	previous = map[string]any{}
	for _, f := range []string{"email", "name", "ownerId", "phone", "status", "tags"} {
		if !sameValue(b[f], a[f]) {
			changed = append(changed, f)
			previous[f] = b[f]
		}
	}
	// A custom field is named custom.<key> (what CLIENT_UPDATED's fields lists).
	bc, ac := customOf(before), customOf(after)
	keys := slices.Collect(maps.Keys(bc))
	for k := range ac {
		if _, ok := bc[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	// previous.custom holds the changed keys' previous values, nil for a key that had none
	// (so that it is told from a key that did not change: trigger.previous fills those in).
	prevCustom := map[string]any{}
	for _, k := range keys {
		if !reflect.DeepEqual(bc[k], ac[k]) {
			changed = append(changed, "custom."+k)
			prevCustom[k] = bc[k]
		}
	}
	if len(prevCustom) > 0 {
		previous["custom"] = prevCustom
	}
	slices.Sort(changed)
	return changed, previous
}

// sameValue compares two client field values (strings, nil or tag lists).
func sameValue(x, y any) bool {
	xs, xList := x.([]string)
	ys, yList := y.([]string)
	if xList || yList {
		return xList && yList && slices.Equal(xs, ys)
	}
	return x == y
}
