package workflow_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

func TestEvaluateConditions(t *testing.T) {
	created := sampleContext(TriggerClientCreated)
	updated := sampleContext(TriggerClientStatusChanged)
	doc := sampleContext(TriggerDocumentUploaded)
	manual := sampleContext(TriggerManual)
	tests := []struct {
		name     string
		conds    map[string]any
		ctx      Context
		want     bool
		kind     string
		reason   string // exact reason of the root, if set
		contains string // substring of the root reason, if set
	}{
		{name: "nil conditions pass", conds: nil, ctx: created, want: true, kind: KindEmpty, reason: "no conditions: always true"},
		{name: "seed vip contains", conds: leaf("tags", OpContains, "vip"), ctx: created, want: true, kind: KindLeaf,
			reason: `client.tags ["vip","gold"] contains "vip"`},
		{name: "tag missing", conds: leaf("tags", OpContains, "bronze"), ctx: created, want: false, kind: KindLeaf,
			reason: `client.tags ["vip","gold"] does not contain "bronze"`},
		{name: "absolute field path", conds: leaf("client.status", OpEquals, "ACTIVE"), ctx: created, want: true, kind: KindLeaf,
			reason: `client.status "ACTIVE" equals "ACTIVE"`},
		{name: "relative nested field", conds: leaf("owner.email", OpEndsWith, "@crm.test"), ctx: created, want: true, kind: KindLeaf},
		{name: "substring contains", conds: leaf("name", OpContains, "Love"), ctx: created, want: true, kind: KindLeaf},
		{name: "starts with fails", conds: leaf("name", OpStartsWith, "Bob"), ctx: created, want: false, kind: KindLeaf,
			reason: `client.name "Ada Lovelace" does not start with "Bob"`},
		{name: "in list", conds: leaf("status", OpIn, []any{"LEAD", "ACTIVE"}), ctx: created, want: true, kind: KindLeaf},
		{name: "not in list", conds: leaf("status", OpNotIn, []any{"LEAD", "CHURNED"}), ctx: created, want: true, kind: KindLeaf,
			reason: `client.status "ACTIVE" is not in ["LEAD","CHURNED"], so not_in passes`},
		{name: "list field in intersects", conds: leaf("tags", OpIn, []any{"gold", "silver"}), ctx: created, want: true, kind: KindLeaf},
		{name: "missing field equals fails", conds: leaf("nickname", OpEquals, "x"), ctx: created, want: false, kind: KindLeaf,
			reason: "client.nickname is missing"},
		{name: "missing field not_equals passes", conds: leaf("nickname", OpNotEquals, "x"), ctx: created, want: true, kind: KindLeaf,
			reason: "client.nickname is missing, so not_equals passes"},
		{name: "null phone does not exist", conds: leaf("phone", OpExists, nil), ctx: created, want: false, kind: KindLeaf, reason: "client.phone is empty"},
		{name: "null phone not_exists", conds: leaf("phone", OpNotExists, nil), ctx: created, want: true, kind: KindLeaf},
		{name: "number compare with int context", conds: leaf("document.sizeBytes", OpGT, 1024), ctx: doc, want: true, kind: KindLeaf,
			reason: "document.sizeBytes 2048 is greater than 1024"},
		{name: "number compare with json number", conds: leaf("document.sizeBytes", OpLTE, json.Number("2048")), ctx: doc, want: true, kind: KindLeaf},
		{name: "number equals across types", conds: leaf("trigger.data.amount", OpEquals, json.Number("99.5")), ctx: manual, want: true, kind: KindLeaf},
		{name: "time compare", conds: leaf("createdAt", OpLT, "2024-01-01T00:00:00+01:00"), ctx: created, want: true, kind: KindLeaf},
		{name: "time equals across offsets", conds: leaf("createdAt", OpEquals, "2023-05-01T10:00:00+02:00"), ctx: created, want: true, kind: KindLeaf},
		{name: "incomparable values fail", conds: leaf("trigger.data.orderId", OpGT, 3), ctx: manual, want: false, kind: KindLeaf,
			contains: "cannot be compared"},
		{name: "all with one failure", conds: map[string]any{"all": []any{leaf("tags", OpContains, "vip"), leaf("status", OpEquals, "LEAD")}},
			ctx: created, want: false, kind: KindAll, reason: "1 of 2 conditions passed; all must pass"},
		{name: "any with one success", conds: map[string]any{"any": []any{leaf("tags", OpContains, "vip"), leaf("status", OpEquals, "LEAD")}},
			ctx: created, want: true, kind: KindAny, reason: "1 of 2 conditions passed; at least one must pass"},
		{name: "not", conds: map[string]any{"not": leaf("status", OpEquals, "LEAD")}, ctx: created, want: true, kind: KindNot,
			reason: "the inner condition failed, so not passes"},
		{name: "deep nesting", conds: nested(10), ctx: created, want: false, kind: KindAll},
		{name: "changed status", conds: leaf("status", OpChanged, nil), ctx: updated, want: true, kind: KindLeaf,
			reason: `client.status changed from "LEAD" to "ACTIVE"`},
		{name: "changed_to status", conds: leaf("status", OpChangedTo, "ACTIVE"), ctx: updated, want: true, kind: KindLeaf},
		{name: "changed_to other status", conds: leaf("status", OpChangedTo, "CHURNED"), ctx: updated, want: false, kind: KindLeaf,
			reason: `client.status changed from "LEAD" to "ACTIVE", not to "CHURNED"`},
		{name: "unchanged field", conds: leaf("name", OpChanged, nil), ctx: updated, want: false, kind: KindLeaf, reason: "client.name did not change"},
		{name: "trigger field", conds: leaf("trigger.newStatus", OpEquals, "ACTIVE"), ctx: updated, want: true, kind: KindLeaf},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ex, err := EvaluateConditions(tt.conds, tt.ctx)
			if err != nil {
				t.Fatalf("EvaluateConditions() error = %v", err)
			}
			if got != tt.want || ex.Passed != tt.want {
				t.Fatalf("passed = %v (explanation %v), want %v; reason %q", got, ex.Passed, tt.want, ex.Reason)
			}
			if ex.Kind != tt.kind {
				t.Fatalf("kind = %q, want %q", ex.Kind, tt.kind)
			}
			if tt.reason != "" && ex.Reason != tt.reason {
				t.Fatalf("reason = %q, want %q", ex.Reason, tt.reason)
			}
			if tt.contains != "" && !strings.Contains(ex.Reason, tt.contains) {
				t.Fatalf("reason = %q, want it to contain %q", ex.Reason, tt.contains)
			}
			if _, err := json.Marshal(ex); err != nil {
				t.Fatalf("explanation is not JSON-serialisable: %v", err)
			}
		})
	}
}

func TestEvaluateConditionsExplainsEveryChild(t *testing.T) {
	conds := map[string]any{"all": []any{
		leaf("tags", OpContains, "vip"),
		map[string]any{"any": []any{leaf("status", OpEquals, "LEAD"), leaf("email", OpEndsWith, "@Example.com")}},
	}}
	_, ex, err := EvaluateConditions(conds, sampleContext(TriggerClientCreated))
	if err != nil {
		t.Fatal(err)
	}
	if !ex.Passed || len(ex.Children) != 2 || len(ex.Children[1].Children) != 2 {
		t.Fatalf("explanation = %+v", ex)
	}
	first := ex.Children[1].Children[0]
	if first.Passed || first.Field != "client.status" || first.Operator != OpEquals || first.Expected != "LEAD" || first.Actual != "ACTIVE" {
		t.Fatalf("leaf explanation = %+v", first)
	}
	b, _ := json.Marshal(ex)
	again, _ := json.Marshal(func() Explanation {
		_, e, _ := EvaluateConditions(conds, sampleContext(TriggerClientCreated))
		return e
	}())
	if string(b) != string(again) {
		t.Fatalf("explanations differ between runs:\n%s\n%s", b, again)
	}
}

func TestEvaluateConditionsRejectsMalformed(t *testing.T) {
	tests := []struct {
		name  string
		conds map[string]any
		path  string
	}{
		{name: "unknown operator", conds: leaf("name", "like", "x"), path: "/conditions/operator"},
		{name: "in without list", conds: leaf("status", OpIn, "LEAD"), path: "/conditions/value"},
		{name: "too deep", conds: nested(11), path: "/conditions" + strings.Repeat("/all/0", 10)},
		{name: "not an object", conds: map[string]any{"all": []any{"x"}}, path: "/conditions/all/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, ex, err := EvaluateConditions(tt.conds, sampleContext(TriggerClientCreated))
			var ve *ValidationError
			if ok || err == nil || !errors.As(err, &ve) || ex.Kind != KindInvalid {
				t.Fatalf("got %v, %+v, %v; want an invalid result", ok, ex, err)
			}
			if ve.Problems[0].Path != tt.path {
				t.Fatalf("path = %q, want %q", ve.Problems[0].Path, tt.path)
			}
		})
	}
}
