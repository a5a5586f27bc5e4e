package httpapi

import (
	"context"

	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
)

// Limits of the automatic persisted query cache: entries and the longest query kept. A
// longer query is not remembered, so its hash alone is answered PERSISTED_QUERY_NOT_FOUND and
// the client sends the full query again, as the protocol expects. At most about 32 MiB.
const (
	apqEntries      = 1000
	apqMaxQuerySize = 32 << 10
)

// persistedQueries lets clients send a query's SHA-256 instead of its text once the server
// has seen it (gqlgen's automatic persisted queries, Apollo's protocol): a GET with
// extensions={"persistedQuery":{"version":1,"sha256Hash":"…"}} is short and cacheable.
func persistedQueries() extension.AutomaticPersistedQuery {
	return extension.AutomaticPersistedQuery{Cache: boundedQueries{lru.New[string](apqEntries)}}
}

// boundedQueries is an LRU of query texts that does not keep long ones.
type boundedQueries struct{ *lru.LRU[string] }

// Add remembers a query unless it is longer than apqMaxQuerySize.
func (b boundedQueries) Add(ctx context.Context, hash, query string) {
	if len(query) <= apqMaxQuerySize {
		b.LRU.Add(ctx, hash, query)
	}
}
