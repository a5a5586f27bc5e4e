// Package updateclient is the UPDATE_CLIENT action: it sets client fields (internal, exactly
// once) and raises CLIENT_UPDATED / CLIENT_STATUS_CHANGED one causation level deeper.
package updateclient

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
)

// Config is a rendered UPDATE_CLIENT config. Set's keys are among name, email, phone, status,
// tags and ownerId; values are strings, except tags ([]string) and null for phone and ownerId
// (which clears them).
type Config struct {
	Set map[string]any `json:"set"`
}

// Type is UPDATE_CLIENT.
type Type struct{}

var _ action.Internal = Type{}

// Type implements workflow.ActionKind.
func (Type) Type() workflow.ActionType { return workflow.ActionUpdateClient }

// Effect implements workflow.ActionKind.
func (Type) Effect() string { return "wouldUpdateClient" }

// NeedsClient implements workflow.ClientActor.
func (Type) NeedsClient() bool { return true }

// ConfigSchema implements workflow.ConfigSchemaer.
func (Type) ConfigSchema() workflow.Schema {
	set := workflow.SchemaObject(map[string]workflow.Schema{
		"name": workflow.SchemaString, "email": workflow.SchemaString, "phone": {"type": []string{"string", "null"}},
		"status": workflow.SchemaEnum(workflow.ClientStatuses, true), "tags": {"type": "array", "items": workflow.SchemaString},
		"ownerId": {"type": []string{"string", "null"}},
		"custom":  {"type": "object", "minProperties": 1},
	})
	set["minProperties"] = 1
	return workflow.SchemaObject(map[string]workflow.Schema{"set": set}, "set")
}

// Output implements workflow.ActionKind.
func (Type) Output() map[string]workflow.FieldType { return action.ClientWriteOutput() }

// WriteTargets implements workflow.ClientWriter: the keys of set that are client fields.
func (Type) WriteTargets(cfg map[string]any) []string {
	set, _ := workflow.AsMap(cfg["set"])
	var out []string
	for _, k := range slices.Sorted(maps.Keys(set)) {
		if slices.Contains(workflow.ClientWritableFields, k) {
			out = append(out, k)
		}
		if k == "custom" {
			custom, _ := workflow.AsMap(set[k])
			for _, ck := range slices.Sorted(maps.Keys(custom)) {
				out = append(out, "custom."+ck)
			}
		}
	}
	return out
}

// Preview implements workflow.ActionKind.
func (Type) Preview(decoded any, _ workflow.Context, now time.Time) (map[string]any, time.Time) {
	return map[string]any{"set": decoded.(Config).Set}, now
}

// Check implements workflow.ActionKind: {set: {name?, email?, phone?, status?, tags?, ownerId?}}.
func (Type) Check(c *workflow.ConfigChecker, cfg map[string]any, base string) any {
	c.Object(cfg, base, "set")
	out := Config{Set: map[string]any{}}
	v, found := cfg["set"]
	at := workflow.Pointer(base, "set")
	if !found || v == nil {
		c.Problemf(at, "set is required: an object of client fields (%s)", strings.Join(workflow.ClientWritableFields, ", "))
		return out
	}
	set, ok := workflow.AsMap(v)
	if !ok {
		c.Problemf(at, "set must be an object of client fields, got %s", workflow.TypeName(v))
		return out
	}
	if len(set) == 0 {
		c.Problemf(at, "set needs at least one field (%s)", strings.Join(workflow.ClientWritableFields, ", "))
		return out
	}
	for _, k := range slices.Sorted(maps.Keys(set)) {
		path := workflow.Pointer(at, k)
		val := set[k]
		switch k {
		case "name":
			if s, ok := setString(c, path, k, val, false); ok && c.NotBlank(path, s) && c.MaxLen(path, s, workflow.MaxActionNameLength) {
				out.Set[k] = s
			}
		case "email":
			if s, ok := setString(c, path, k, val, false); ok {
				c.Email(path, s)
				out.Set[k] = s
			}
		case "phone":
			if val == nil {
				out.Set[k] = nil
			} else if s, ok := setString(c, path, k, val, true); ok && c.SingleLine(path, s) && c.MaxLen(path, s, 50) {
				out.Set[k] = s
			}
		case "status":
			if s, ok := setString(c, path, k, val, false); ok {
				c.Enum(path, s, workflow.ClientStatuses)
				out.Set[k] = s
			}
		case "ownerId":
			if val == nil {
				out.Set[k] = nil
			} else if s, ok := setString(c, path, k, val, true); ok && c.NotBlank(path, s) && c.MaxLen(path, s, workflow.MaxActionNameLength) {
				if _, err := uuid.Parse(s); err != nil && !c.Dynamic(s) {
					c.Problemf(path, "ownerId must be a user id (or a {{placeholder}}), got %q", s)
				}
				out.Set[k] = s
			}
		case "tags":
			out.Set[k] = c.TagList(path, val)
		case "custom":
			out.Set[k] = checkCustom(c, path, val)
		default:
			c.Problemf(path, "unknown client field %q; settable: %s", k, strings.Join(workflow.ClientWritableFields, ", "))
		}
	}
	return out
}

func setString(c *workflow.ConfigChecker, path, key string, v any, nullable bool) (string, bool) {
	s, ok := v.(string)
	if !ok {
		if nullable {
			c.Problemf(path, "%s must be a string or null, got %s", key, workflow.TypeName(v))
		} else {
			c.Problemf(path, "%s must be a string, got %s", key, workflow.TypeName(v))
		}
	}
	return s, ok
}

// Run implements action.Internal: it applies the set. A set that changes nothing writes nothing and
// raises nothing, which also ends loops that keep setting the same value.
func (Type) Run(ctx context.Context, env action.Env, s action.Step, decoded any) (map[string]any, error) {
	cfg := decoded.(Config)
	before, err := action.LoadClient(ctx, env, s)
	if err != nil {
		return nil, err
	}
	want := *before
	upd := env.Tx.Contact.UpdateOneID(before.ID)
	for _, k := range slices.Sorted(maps.Keys(cfg.Set)) {
		v := cfg.Set[k]
		switch k {
		case "name":
			want.Name = v.(string)
			upd.SetName(want.Name)
		case "email":
			want.Email = v.(string)
			upd.SetEmail(want.Email)
		case "phone":
			if s, ok := v.(string); ok && s != "" {
				want.Phone = &s
				upd.SetPhone(s)
			} else {
				want.Phone = nil
				upd.ClearPhone()
			}
		case "status":
			st := contact.Status(v.(string))
			if err := contact.StatusValidator(st); err != nil {
				return nil, action.Permanentf("status %q is not a client status", st)
			}
			want.Status = st
			upd.SetStatus(st)
		case "tags":
			want.Tags = normalizeTags(v.([]string))
			upd.SetTags(want.Tags)
		case "custom":
			values, err := customValues(ctx, env, before.CustomFields, v)
			if err != nil {
				return nil, err
			}
			want.CustomFields = values
			upd.SetCustomFields(values)
		case "ownerId":
			id, err := ownerID(ctx, env, v)
			if err != nil {
				return nil, err
			}
			want.OwnerID = id
			if id == nil {
				upd.ClearOwnerID()
			} else {
				upd.SetOwnerID(*id)
			}
		default:
			return nil, action.Permanentf("client field %q cannot be set", k)
		}
	}
	if changed, _ := events.ClientChanges(before, &want); len(changed) == 0 {
		return map[string]any{"clientId": before.ID.String(), "changedFields": []string{}, "changed": false}, nil
	}
	after, err := upd.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("update client %s: %w", before.ID, err)
	}
	return action.ClientWritten(ctx, env, s, before, after)
}

// ownerID resolves UPDATE_CLIENT's ownerId: nil or "" clears it, anything else must be the
// id of an existing user.
func ownerID(ctx context.Context, env action.Env, v any) (*uuid.UUID, error) {
	s, _ := v.(string)
	if s == "" {
		return nil, nil
	}
	id, err := uuid.Parse(s)
	if err != nil {
		return nil, action.Permanentf("ownerId %q is not a user id", s)
	}
	ok, err := env.Tx.User.Query().Where(user.ID(id)).Exist(ctx)
	if err != nil {
		return nil, fmt.Errorf("check owner %s: %w", id, err)
	}
	if !ok {
		return nil, action.Permanentf("owner %s does not exist", id)
	}
	return &id, nil
}

// normalizeTags trims tags and drops blank and repeated ones, keeping their order.
func normalizeTags(in []string) []string {
	out := make([]string, 0, len(in))
	for _, t := range in {
		t = strings.TrimSpace(t)
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}
