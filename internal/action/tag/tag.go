// Package tag is the ADD_TAG and REMOVE_TAG actions: they change one tag of the client
// (internal, exactly once; doing what is already done changes nothing) and raise
// CLIENT_UPDATED (tags) one causation level deeper when the tags change.
package tag

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/workflow"
)

// Config is a rendered ADD_TAG or REMOVE_TAG config.
type Config struct {
	Tag string `json:"tag"`
}

// Type is ADD_TAG (Add) or REMOVE_TAG (Remove).
type Type struct{ add bool }

// Add is ADD_TAG; Remove is REMOVE_TAG.
var (
	Add    action.Internal = Type{add: true}
	Remove action.Internal = Type{add: false}
)

// Type implements workflow.ActionKind.
func (t Type) Type() workflow.ActionType {
	if t.add {
		return workflow.ActionAddTag
	}
	return workflow.ActionRemoveTag
}

// Effect implements workflow.ActionKind.
func (t Type) Effect() string {
	if t.add {
		return "wouldAddTag"
	}
	return "wouldRemoveTag"
}

// NeedsClient implements workflow.ClientActor.
func (Type) NeedsClient() bool { return true }

// ConfigSchema implements workflow.ConfigSchemaer.
func (Type) ConfigSchema() workflow.Schema {
	return workflow.SchemaObject(map[string]workflow.Schema{"tag": {"type": "string", "minLength": 1}}, "tag")
}

// Output implements workflow.ActionKind: a client write, plus the tag and whether it changed.
func (Type) Output() map[string]workflow.FieldType {
	out := action.ClientWriteOutput()
	out["tag"], out["changed"] = workflow.FieldString, workflow.FieldBool
	return out
}

// WriteTargets implements workflow.ClientWriter.
func (Type) WriteTargets(map[string]any) []string { return []string{"tags"} }

// Check implements workflow.ActionKind: {tag}.
func (Type) Check(c *workflow.ConfigChecker, cfg map[string]any, base string) any {
	c.Object(cfg, base, "tag")
	var out Config
	if s, ok := c.String(cfg, base, "tag", true); ok {
		out.Tag = s
		c.Tag(workflow.Pointer(base, "tag"), s)
	}
	return out
}

// Preview implements workflow.ActionKind.
func (Type) Preview(decoded any, _ workflow.Context, now time.Time) (map[string]any, time.Time) {
	return map[string]any{"tag": decoded.(Config).Tag}, now
}

// Run implements action.Internal.
func (t Type) Run(ctx context.Context, env action.Env, s action.Step, decoded any) (map[string]any, error) {
	return changeTag(ctx, env, s, decoded.(Config).Tag, t.add)
}

// changeTag adds or removes one tag; doing what is already done changes nothing.
func changeTag(ctx context.Context, env action.Env, s action.Step, tag string, add bool) (map[string]any, error) {
	tag = strings.TrimSpace(tag)
	// Most runs find the tag as it should be (a workflow that tags its clients runs again and
	// again): that is decided on an unlocked read, which commits to nothing, so it needs no
	// lock and no transaction. A change is decided again on the client locked.
	before, err := action.PeekClient(ctx, env, s)
	if err == nil && slices.Contains(before.Tags, tag) != add && env.LockRows() {
		before, err = action.LoadClient(ctx, env, s)
	}
	if err != nil {
		return nil, err
	}
	if slices.Contains(before.Tags, tag) == add {
		return map[string]any{"clientId": before.ID.String(), "tag": tag, "changed": false}, nil
	}
	tags := slices.DeleteFunc(slices.Clone(before.Tags), func(t string) bool { return t == tag })
	if add {
		tags = append(tags, tag)
	}
	// The client is locked and read already, and only tags and updatedAt change: the row
	// after the update is known without the read-back an UpdateOne would make.
	now := database.Now()
	if err := env.Tx.Contact.Update().Where(contact.ID(before.ID)).SetTags(tags).SetUpdatedAt(now).Exec(ctx); err != nil {
		return nil, fmt.Errorf("update tags of client %s: %w", before.ID, err)
	}
	after := *before
	after.Tags, after.UpdatedAt = tags, now
	out, err := action.ClientWritten(ctx, env, s, before, &after)
	if err != nil {
		return nil, err
	}
	out["tag"], out["changed"] = tag, true
	return out, nil
}
