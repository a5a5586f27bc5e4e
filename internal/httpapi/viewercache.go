package httpapi

import (
	"crypto/sha256"
	"sync"
	"time"

	"github.com/flowline/flowline/internal/auth"
)

// maxCachedViewers bounds the viewer cache; when full it starts over.
const maxCachedViewers = 10_000

// viewerCache remembers, for a short time, who a valid bearer token belongs to, so a busy
// client costs one token lookup per TTL instead of one per request. The TTL is the longest a
// revoked token, a deleted user or a changed role goes on being honoured, on every replica:
// nothing needs to be told, the entry just runs out. Only successful lookups are kept.
type viewerCache struct {
	ttl time.Duration
	now func() time.Time

	mu      sync.Mutex
	entries map[[sha256.Size]byte]cachedViewer
}

type cachedViewer struct {
	viewer  auth.Viewer
	expires time.Time
}

func newViewerCache(ttl time.Duration) *viewerCache {
	return &viewerCache{ttl: ttl, now: time.Now, entries: map[[sha256.Size]byte]cachedViewer{}}
}

// get returns the viewer of a token seen less than the TTL ago.
func (c *viewerCache) get(raw string) (auth.Viewer, bool) {
	if c == nil || c.ttl <= 0 {
		return auth.Viewer{}, false
	}
	key := sha256.Sum256([]byte(raw))
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || !c.now().Before(e.expires) {
		return auth.Viewer{}, false
	}
	return e.viewer, true
}

// put remembers a token's viewer for the TTL.
func (c *viewerCache) put(raw string, v auth.Viewer) {
	if c == nil || c.ttl <= 0 {
		return
	}
	key := sha256.Sum256([]byte(raw))
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= maxCachedViewers {
		clear(c.entries)
	}
	c.entries[key] = cachedViewer{viewer: v, expires: c.now().Add(c.ttl)}
}
