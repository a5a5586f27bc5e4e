package auth

import (
	"context"
	"testing"
)

func TestViewerContext(t *testing.T) {
	if _, ok := FromContext(context.Background()); ok {
		t.Fatal("empty context carries a viewer")
	}
	want := Viewer{UserID: "u1", Role: RoleEditor, TokenID: "t1"}
	got, ok := FromContext(WithViewer(context.Background(), want))
	if !ok || got != want {
		t.Fatalf("FromContext = %+v, %v; want %+v", got, ok, want)
	}
}
