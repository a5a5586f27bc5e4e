package nestedpage

import (
	"context"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/vektah/gqlparser/v2/ast"
)

func TestStoreSplitsTheParentsPages(t *testing.T) {
	t.Parallel()
	plan := &Plan{connection: []connectionField{{key: `"edges":`}}}
	field := &ast.Field{Name: "logs"}
	withLogs, withoutLogs := uuid.New(), uuid.New()

	ctx := WithPages(context.Background())
	text := withLogs.String() + `{"node":{"stepIndex":0}},{"node":{"stepIndex":1}}` + pageSeparator + withoutLogs.String()
	if err := plan.Store(ctx, field, text); err != nil {
		t.Fatalf("Store: %v", err)
	}
	for parent, want := range map[uuid.UUID]string{
		withLogs:    `{"edges":[{"node":{"stepIndex":0}},{"node":{"stepIndex":1}}]}`,
		withoutLogs: `{"edges":[]}`,
	} {
		m, ok := Rendered(ctx, field, parent)
		if !ok {
			t.Fatalf("no page stored for %s", parent)
		}
		var b strings.Builder
		m.MarshalGQL(&b)
		if b.String() != want {
			t.Errorf("page of %s = %s, want %s", parent, b.String(), want)
		}
	}
	if _, ok := Rendered(ctx, field, uuid.New()); ok {
		t.Error("a parent that was not read has a page")
	}
	if _, ok := Rendered(ctx, &ast.Field{Name: "logs"}, withLogs); ok {
		t.Error("another field has the page")
	}
}

func TestStoreRefusesAPageWithoutItsParent(t *testing.T) {
	t.Parallel()
	plan := &Plan{connection: []connectionField{{key: `"edges":`}}}
	for _, text := range []string{
		`{"node":{}}`, // shorter than an id
		`{"node":{"stepIndex":0}},{"node":{"stepIndex":1}}`, // long enough, not an id
	} {
		if err := plan.Store(WithPages(context.Background()), &ast.Field{}, text); err == nil {
			t.Errorf("Store(%q) stored a page without its parent's id", text)
		}
	}
	if err := plan.Store(WithPages(context.Background()), &ast.Field{}, ""); err != nil {
		t.Errorf(`Store("") (no parents) = %v`, err)
	}
}
