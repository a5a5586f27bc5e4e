package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/auth"
)

// sharedLoadTTL is how long a finished load stays shareable: long enough for every
// subscriber of one dispatch to reach it, short enough that the cache stays small.
const sharedLoadTTL = 2 * time.Second

// sharedLoads lets subscriptions that would run the same reload (same viewer, same
// operation and variables, same rows, same dispatch) run it once: a dashboard open in many
// tabs, or a service fanning events out, costs one query per event instead of one per
// subscriber. Rows are read-only once loaded, so sharing them is safe.
type sharedLoads struct {
	mu    sync.Mutex
	calls map[string]*sharedCall
}

type sharedCall struct {
	done    chan struct{}
	val     any
	err     error
	expires time.Time
}

var reloads = &sharedLoads{calls: map[string]*sharedCall{}}

// shareKey is the key of a reload, or "" when it cannot be shared (no viewer or operation).
func shareKey(ctx context.Context, kind string, ids []uuid.UUID, gen uint64) string {
	v, ok := auth.FromContext(ctx)
	oc := graphql.GetOperationContext(ctx)
	if !ok || oc == nil || gen == 0 {
		return ""
	}
	sorted := slices.Clone(ids)
	slices.SortFunc(sorted, func(a, b uuid.UUID) int { return strings.Compare(a.String(), b.String()) })
	return fmt.Sprintf("%s|%s|%s|%d|%v|%s|%s|%v", kind, v.UserID, v.Role, gen, sorted, oc.OperationName, oc.RawQuery, oc.Variables)
}

// sharedLoad runs load once per key among concurrent and recent callers.
func sharedLoad[T any](ctx context.Context, kind string, ids []uuid.UUID, gen uint64, load func() (T, error)) (T, error) {
	key := shareKey(ctx, kind, ids, gen)
	if key == "" {
		return load()
	}
	s := reloads
	now := time.Now()
	s.mu.Lock()
	if c, ok := s.calls[key]; ok && (c.expires.IsZero() || now.Before(c.expires)) {
		s.mu.Unlock()
		select {
		case <-c.done:
		case <-ctx.Done():
			var zero T
			return zero, ctx.Err()
		}
		if c.err != nil {
			// The load failed for the subscriber that ran it (its subscription may have been
			// stopped mid-query): this one loads for itself.
			return load()
		}
		return c.val.(T), nil
	}
	for k, c := range s.calls { // drop expired loads; the map stays as small as the activity
		if !c.expires.IsZero() && now.After(c.expires) {
			delete(s.calls, k)
		}
	}
	c := &sharedCall{done: make(chan struct{})}
	s.calls[key] = c
	s.mu.Unlock()

	val, err := load()
	s.mu.Lock()
	c.val, c.err, c.expires = val, err, time.Now().Add(sharedLoadTTL)
	if err != nil {
		delete(s.calls, key) // a failure (a cancelled subscriber, say) is not shared later
	}
	s.mu.Unlock()
	close(c.done)
	return val, err
}
