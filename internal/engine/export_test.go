package engine

import (
	"context"

	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/internal/events"
)

// Claim exposes the claim to the package's external tests and benchmarks.
func (e *Engine) Claim(ctx context.Context) (bool, error) {
	c, err := e.claim(ctx)
	return c != nil, err
}

// SignalEnded makes e send on ended, without waiting, each time a run ends (completed or
// failed); call it before Run.
func (e *Engine) SignalEnded(ended chan<- struct{}) {
	e.ended = func() {
		select {
		case ended <- struct{}{}:
		default:
		}
	}
}

// ClaimedClient claims the oldest due execution and returns its client's fields (those
// placeholders read) as the claim joined them and as a fresh read gives them.
func (e *Engine) ClaimedClient(ctx context.Context) (joined, fresh map[string]any, err error) {
	c, err := e.claim(ctx)
	if err != nil || c == nil {
		return nil, nil, err
	}
	r := &run{e: e, c: *c, ex: c.row}
	j, err := r.joinedClient()
	if err != nil || j == nil {
		return nil, nil, err
	}
	f, err := e.db.Client.Contact.Query().Where(contact.ID(j.ID), withOwner).Only(ctx)
	if err == nil {
		err = ownerFromJoin(f)
	}
	return events.ClientFields(j), events.ClientFields(f), err
}
