package httpapi

import (
	"testing"
	"time"

	"github.com/flowline/flowline/internal/auth"
)

// TestViewerCacheExpires: a token's viewer is served from the cache until the TTL runs out,
// then looked up again; a zero TTL caches nothing.
func TestViewerCacheExpires(t *testing.T) {
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	c := newViewerCache(time.Second)
	c.now = func() time.Time { return now }
	v := auth.Viewer{UserID: "u1", Role: auth.RoleAdmin}
	c.put("flw_token", v)
	if got, ok := c.get("flw_token"); !ok || got != v {
		t.Fatalf("get = %v, %v", got, ok)
	}
	if _, ok := c.get("flw_other"); ok {
		t.Fatal("an unknown token was found")
	}
	now = now.Add(time.Second)
	if _, ok := c.get("flw_token"); ok {
		t.Fatal("served after its TTL: a revocation would not apply within the TTL")
	}
	off := newViewerCache(0)
	off.put("flw_token", v)
	if _, ok := off.get("flw_token"); ok {
		t.Fatal("a zero TTL cached")
	}
}
