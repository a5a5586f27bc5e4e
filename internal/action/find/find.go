// Package find is the FIND_CLIENTS and FIND_TASKS actions: they read CRM records that match a
// condition, in a stable order, and output them for later steps (a FOR_EACH over
// {{steps.<key>.output.clients}}, say). They write nothing, so they run as internal steps and
// read inside the step's transaction.
package find

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/workflow"
)

// Limits on a FIND step.
const (
	// MaxLimit bounds how many records one step outputs.
	MaxLimit = 1000
	// DefaultLimit is the limit of a step that sets none.
	DefaultLimit = 100
	// MaxScanned bounds how many records one step reads to find its matches: a condition that
	// the database cannot narrow (a name that ends with ..., say) fails the step past it
	// instead of reading a whole table.
	MaxScanned = 50_000
	pageSize   = 500
)

// Config is a rendered FIND config.
type Config struct {
	Where   map[string]any
	OrderBy string // a field name
	Desc    bool
	Limit   int
}

// kind is what differs between FIND_CLIENTS and FIND_TASKS.
type kind struct {
	typ    workflow.ActionType
	plural string // the output list's name
	fields map[string]workflow.FieldType
	// custom: the records have custom client fields (custom.<key>).
	custom bool
	orders []string
	// scan reads one page of records in order after the offset, narrowed by the
	// conditions the database can test.
	scan func(ctx context.Context, env action.Env, cfg Config, offset int) ([]map[string]any, error)
}

// Type implements workflow.ActionKind.
func (k kind) Type() workflow.ActionType { return k.typ }

// Effect implements workflow.ActionKind.
func (k kind) Effect() string {
	return "wouldFind" + strings.ToUpper(k.plural[:1]) + k.plural[1:]
}

// Output implements workflow.ActionKind: {<plural>: [record], count}.
func (k kind) Output() map[string]workflow.FieldType {
	out := map[string]workflow.FieldType{k.plural: workflow.FieldList, "count": workflow.FieldNumber}
	for f, ft := range k.fields {
		out[k.plural+"[]."+f] = ft
	}
	return out
}

// ConfigSchema implements workflow.ConfigSchemaer.
func (k kind) ConfigSchema() workflow.Schema {
	orders := append([]string(nil), k.orders...)
	for _, o := range k.orders {
		orders = append(orders, "-"+o)
	}
	return workflow.SchemaObject(map[string]workflow.Schema{
		"where": {"$ref": "#/$defs/conditions"}, "orderBy": workflow.SchemaEnum(orders, false),
		"limit": {"type": "integer", "minimum": 1, "maximum": MaxLimit},
	})
}

// Check implements workflow.ActionKind: {where?, orderBy?, limit?}.
func (k kind) Check(c *workflow.ConfigChecker, cfg map[string]any, base string) any {
	c.Object(cfg, base, "where", "orderBy", "limit")
	out := Config{OrderBy: "createdAt", Limit: DefaultLimit}
	fields := k.fields
	if k.custom {
		fields = maps.Clone(k.fields)
		maps.Copy(fields, c.CustomRecordFields())
	}
	out.Where = c.Conditions(cfg, base, "where", fields)
	if s, ok := c.String(cfg, base, "orderBy", false); ok && s != "" {
		field, desc := strings.CutPrefix(s, "-")
		if !slices.Contains(k.orders, field) {
			c.Problemf(workflow.Pointer(base, "orderBy"), "orderBy must be one of %s (prefix - for descending), got %q", strings.Join(k.orders, ", "), s)
		}
		out.OrderBy, out.Desc = field, desc
	}
	if n, ok := c.Number(cfg, base, "limit"); ok {
		if n < 1 || n > MaxLimit || n != float64(int(n)) {
			c.Problemf(workflow.Pointer(base, "limit"), "limit must be a whole number from 1 to %d, got %s", MaxLimit, workflow.FormatNumber(n))
		}
		out.Limit = int(n)
	}
	return out
}

// Preview implements workflow.ActionKind: a simulation does not read the CRM.
func (k kind) Preview(decoded any, _ workflow.Context, now time.Time) (map[string]any, time.Time) {
	c := decoded.(Config)
	return map[string]any{"where": c.Where, "orderBy": c.OrderBy, "descending": c.Desc, "limit": c.Limit}, now
}

// Run implements action.Internal: it reads pages in order and keeps the records that match,
// up to the limit.
func (k kind) Run(ctx context.Context, env action.Env, s action.Step, decoded any) (map[string]any, error) {
	cfg := decoded.(Config)
	found := []any{}
	for offset := 0; len(found) < cfg.Limit; offset += pageSize {
		if offset >= MaxScanned {
			return nil, action.Permanentf("%s read %d records without finding %d matches; narrow where with fields the database can filter (status, ownerId, clientId, assigneeId, priority)", k.typ, MaxScanned, cfg.Limit)
		}
		page, err := k.scan(ctx, env, cfg, offset)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", strings.ToLower(string(k.typ)), err)
		}
		for _, rec := range page {
			ok, err := workflow.MatchRecord(cfg.Where, rec, s.Now)
			if err != nil {
				return nil, action.Permanent(err)
			}
			if ok {
				found = append(found, rec)
				if len(found) == cfg.Limit {
					break
				}
			}
		}
		if len(page) < pageSize {
			break
		}
	}
	return map[string]any{k.plural: found, "count": len(found)}, nil
}

// pushdown returns the top-level leaves of a condition (itself a leaf, or an "all" of leaves
// and groups) on the given fields with equals or in: the database can narrow a scan by them,
// and the full condition is still tested on every row read.
func pushdown(conds map[string]any, fields ...string) map[string][]string {
	out := map[string][]string{}
	var leaves []any
	if all, ok := workflow.AsList(conds["all"]); ok {
		leaves = all
	} else {
		leaves = []any{conds}
	}
	for _, l := range leaves {
		m, ok := workflow.AsMap(l)
		if !ok {
			continue
		}
		field, _ := m["field"].(string)
		field = strings.TrimPrefix(field, "client.")
		if !slices.Contains(fields, field) {
			continue
		}
		switch m["operator"] {
		case workflow.OpEquals:
			if s, ok := m["value"].(string); ok {
				out[field] = append(out[field], s)
			}
		case workflow.OpIn:
			list, _ := workflow.AsList(m["value"])
			var vals []string
			for _, v := range list {
				if s, ok := v.(string); ok {
					vals = append(vals, s)
				}
			}
			if len(vals) == len(list) {
				out[field] = append(out[field], vals...)
			}
		}
		if _, dup := out[field]; dup && countLeaves(leaves, field) > 1 {
			delete(out, field) // two tests on one field: leave both to the evaluator
		}
	}
	return out
}

func countLeaves(leaves []any, field string) int {
	n := 0
	for _, l := range leaves {
		if m, ok := workflow.AsMap(l); ok {
			if f, _ := m["field"].(string); strings.TrimPrefix(f, "client.") == field {
				n++
			}
		}
	}
	return n
}
