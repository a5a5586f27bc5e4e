package action

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
)

// loadClient reads the step's client in env.Tx, locked for update on PostgreSQL. A run
// without a client, or whose client is gone, fails permanently.
func loadClient(ctx context.Context, env Env, s Step) (*ent.Contact, error) {
	if s.ClientID == nil {
		return nil, Permanentf("this execution has no client to act on")
	}
	q := env.Tx.Contact.Query().Where(contact.ID(*s.ClientID))
	if env.lockRows() {
		q.ForUpdate()
	}
	c, err := q.Only(ctx)
	if ent.IsNotFound(err) {
		return nil, Permanentf("client %s no longer exists", *s.ClientID)
	}
	if err != nil {
		return nil, fmt.Errorf("read client %s: %w", *s.ClientID, err)
	}
	return c, nil
}

// updateClient applies UPDATE_CLIENT's set. A set that changes nothing writes nothing and
// raises nothing, which also ends loops that keep setting the same value.
func updateClient(ctx context.Context, env Env, s Step, cfg workflow.UpdateClientConfig) (map[string]any, error) {
	before, err := loadClient(ctx, env, s)
	if err != nil {
		return nil, err
	}
	want := *before
	upd := env.Tx.Contact.UpdateOneID(before.ID)
	for _, k := range sortedKeys(cfg.Set) {
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
				return nil, Permanentf("status %q is not a client status", st)
			}
			want.Status = st
			upd.SetStatus(st)
		case "tags":
			want.Tags = normalizeTags(v.([]string))
			upd.SetTags(want.Tags)
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
			return nil, Permanentf("client field %q cannot be set", k)
		}
	}
	if changed, _ := events.ClientChanges(before, &want); len(changed) == 0 {
		return map[string]any{"clientId": before.ID.String(), "changedFields": []string{}}, nil
	}
	after, err := upd.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("update client %s: %w", before.ID, err)
	}
	return clientWritten(ctx, env, s, before, after)
}

// changeTag adds or removes one tag; doing what is already done changes nothing.
func changeTag(ctx context.Context, env Env, s Step, tag string, add bool) (map[string]any, error) {
	before, err := loadClient(ctx, env, s)
	if err != nil {
		return nil, err
	}
	tag = strings.TrimSpace(tag)
	has := slices.Contains(before.Tags, tag)
	if has == add {
		return map[string]any{"clientId": before.ID.String(), "tag": tag, "changed": false}, nil
	}
	tags := slices.DeleteFunc(slices.Clone(before.Tags), func(t string) bool { return t == tag })
	if add {
		tags = append(tags, tag)
	}
	after, err := env.Tx.Contact.UpdateOneID(before.ID).SetTags(tags).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("update tags of client %s: %w", before.ID, err)
	}
	out, err := clientWritten(ctx, env, s, before, after)
	if err != nil {
		return nil, err
	}
	out["tag"], out["changed"] = tag, true
	return out, nil
}

// clientWritten raises the events of a client write made by a step, one level deeper, and
// describes the write for the log row.
func clientWritten(ctx context.Context, env Env, s Step, before, after *ent.Contact) (map[string]any, error) {
	evs := events.ClientUpdated(before, after, events.StepCause(s.IdempotencyKey(), s.Depth))
	started, err := env.Raiser.RaiseAll(ctx, env.Tx, evs)
	if err != nil {
		return nil, err
	}
	changed, previous := events.ClientChanges(before, after)
	ids := make([]string, len(started))
	for i, ex := range started {
		ids[i] = ex.ID.String()
	}
	return map[string]any{
		"clientId":            after.ID.String(),
		"changedFields":       changed,
		"previous":            previous,
		"triggeredExecutions": ids,
	}, nil
}

// ownerID resolves UPDATE_CLIENT's ownerId: nil or "" clears it, anything else must be the
// id of an existing user.
func ownerID(ctx context.Context, env Env, v any) (*uuid.UUID, error) {
	s, _ := v.(string)
	if s == "" {
		return nil, nil
	}
	id, err := uuid.Parse(s)
	if err != nil {
		return nil, Permanentf("ownerId %q is not a user id", s)
	}
	ok, err := env.Tx.User.Query().Where(user.ID(id)).Exist(ctx)
	if err != nil {
		return nil, fmt.Errorf("check owner %s: %w", id, err)
	}
	if !ok {
		return nil, Permanentf("owner %s does not exist", id)
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

// sortedKeys returns a map's keys in order, so writes are deterministic.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
