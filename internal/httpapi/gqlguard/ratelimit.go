package gqlguard

import (
	"container/list"
	"hash/maphash"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/flowline/flowline/internal/apierr"
)

// MaxRateLimitKeys bounds how many keys a RateLimit middleware remembers.
const MaxRateLimitKeys = 10000

// RateLimit allows each key (as computed by key from the request) rps
// requests per second with bursts of burst, using a token bucket
// (golang.org/x/time/rate) per key. A request over the limit is answered 429
// RATE_LIMITED with a Retry-After header (whole seconds, at least 1) and
// nothing downstream runs.
//
// Memory is bounded: keys are stored as 64-bit seeded hashes (a huge key, such
// as a megabyte-long Authorization header, costs nothing to keep), keys idle
// long enough for their bucket to be full again are dropped (losslessly: a new
// bucket is identical), and beyond MaxRateLimitKeys the least recently seen key
// is dropped. rps <= 0 disables limiting; burst < 1 means 1.
func RateLimit(rps float64, burst int, key func(*http.Request) string) func(http.Handler) http.Handler {
	return NewLimiter(rps, burst).Middleware(key)
}

// Limiter is the set of per-key token buckets behind RateLimit, for callers that also spend
// tokens outside an HTTP request (operations over a WebSocket share their caller's bucket).
// A nil Limiter allows everything.
type Limiter struct{ set *limiterSet }

// NewLimiter returns buckets of rps tokens per second and burst tokens per key; nil (no
// limit) when rps <= 0.
func NewLimiter(rps float64, burst int) *Limiter {
	if rps <= 0 || math.IsNaN(rps) {
		return nil
	}
	return &Limiter{set: newLimiterSet(rps, burst, MaxRateLimitKeys, time.Now)}
}

// Allow takes a token for key; when none is available it returns the wait until one is and
// false.
func (l *Limiter) Allow(key string) (time.Duration, bool) {
	if l == nil {
		return 0, true
	}
	return l.set.allow(key)
}

// Middleware answers requests over the limit of their key 429 RATE_LIMITED (see RateLimit).
func (l *Limiter) Middleware(key func(*http.Request) string) func(http.Handler) http.Handler {
	if l == nil {
		return func(next http.Handler) http.Handler { return next }
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if wait, ok := l.Allow(key(r)); !ok {
				secs := int64(math.Ceil(wait.Seconds()))
				if secs < 1 {
					secs = 1
				}
				w.Header().Set("Retry-After", strconv.FormatInt(secs, 10))
				WriteError(w, http.StatusTooManyRequests, apierr.RateLimited, "rate limit exceeded")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

type limiterEntry struct {
	key  uint64
	lim  *rate.Limiter
	seen time.Time
}

// limiterSet is an LRU of per-key limiters.
type limiterSet struct {
	mu      sync.Mutex
	rps     rate.Limit
	burst   int
	maxKeys int
	idle    time.Duration // after this long unused a bucket is full again
	now     func() time.Time
	seed    maphash.Seed
	entries map[uint64]*list.Element
	lru     *list.List // front: most recently seen
}

func newLimiterSet(rps float64, burst, maxKeys int, now func() time.Time) *limiterSet {
	if burst < 1 {
		burst = 1
	}
	// Time for an empty bucket to refill, within [1s, 24h].
	refill := math.Min(float64(burst)/rps, 24*3600)
	idle := max(time.Duration(refill*float64(time.Second)), time.Second)
	return &limiterSet{
		rps:     rate.Limit(rps),
		burst:   burst,
		maxKeys: maxKeys,
		idle:    idle,
		now:     now,
		seed:    maphash.MakeSeed(),
		entries: make(map[uint64]*list.Element),
		lru:     list.New(),
	}
}

// allow takes a token for key; when none is available it returns the wait
// until one is and false.
func (s *limiterSet) allow(key string) (time.Duration, bool) {
	h := maphash.String(s.seed, key)
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()

	// Drop buckets that have been idle long enough to be full again.
	for back := s.lru.Back(); back != nil; back = s.lru.Back() {
		e := back.Value.(*limiterEntry)
		if now.Sub(e.seen) < s.idle {
			break
		}
		s.lru.Remove(back)
		delete(s.entries, e.key)
	}

	var e *limiterEntry
	if el, ok := s.entries[h]; ok {
		e = el.Value.(*limiterEntry)
		s.lru.MoveToFront(el)
	} else {
		if len(s.entries) >= s.maxKeys {
			back := s.lru.Back()
			s.lru.Remove(back)
			delete(s.entries, back.Value.(*limiterEntry).key)
		}
		e = &limiterEntry{key: h, lim: rate.NewLimiter(s.rps, s.burst)}
		s.entries[h] = s.lru.PushFront(e)
	}
	e.seen = now

	res := e.lim.ReserveN(now, 1)
	if !res.OK() {
		return time.Second, false
	}
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return d, false
	}
	return 0, true
}

func (s *limiterSet) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.entries)
}
