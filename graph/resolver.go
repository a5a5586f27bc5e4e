// Package graph is Flowline's GraphQL API: the SDL (*.graphqls), gqlgen's generated
// executor and the resolvers. Resolvers stay thin: they translate GraphQL inputs to ent
// calls and domain errors to GraphQL errors.
package graph

import (
	"context"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/database"

	"github.com/flowline/flowline/ent"
)

// Resolver holds the dependencies every resolver shares.
type Resolver struct {
	// Client is the database. Mutations run inside the transaction that the
	// entgql.Transactioner extension opens; resolvers reach it through db(ctx).
	Client *ent.Client
	// Dialect is the SQL dialect of Client ("postgres" or "sqlite3"), for the few
	// statements resolvers build by hand.
	Dialect database.Dialect
	// Tokens issues the access tokens login returns.
	Tokens auth.Tokens
	// Hub delivers the change events behind subscriptions (nil: subscriptions are refused).
	Hub *changes.Hub
}

// db returns the transactional client of the current mutation, or the plain client for
// queries.
func (r *Resolver) db(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return r.Client
}

// lockRows reports whether read-modify-write resolvers should lock the row they read.
// PostgreSQL needs SELECT ... FOR UPDATE; SQLite has no row locks and needs none, because
// its transactions start IMMEDIATE and so run one writer at a time.
func (r *Resolver) lockRows() bool { return r.Dialect.LocksRows() }

// lockClient locks the client q reads FOR NO KEY UPDATE when rows are locked: concurrent
// updates of the client wait, steps inserting rows that reference it (a task) do not
// (database.ForNoKeyUpdate).
func (r *Resolver) lockClient(q *ent.ContactQuery) {
	if r.lockRows() {
		q.Unique(false).Where(database.ForNoKeyUpdate)
	}
}
