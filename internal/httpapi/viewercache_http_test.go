package httpapi_test

import (
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestViewerCacheSavesTheLookup: with the viewer cache on, a second request with the same
// token makes one statement fewer (no user lookup) than with it off.
func TestViewerCacheSavesTheLookup(t *testing.T) {
	t.Parallel()
	statements := func(ttl time.Duration) int64 {
		db := testsupport.Open(t, "sqlite3")
		api := testsupport.NewAPIWith(t, db, testsupport.APIOptions{ViewerCacheTTL: ttl})
		api.MustData(`{ me { id } }`, nil, nil)
		db.Statements.Reset()
		api.MustData(`{ me { id } }`, nil, nil)
		return db.Statements.Count()
	}
	off, on := statements(0), statements(time.Minute)
	if on != off-1 {
		t.Fatalf("statements of the second request: %d with the cache, %d without; want one fewer", on, off)
	}
}
