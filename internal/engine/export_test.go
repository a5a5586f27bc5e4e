package engine

import "context"

// Claim exposes the claim to the package's external tests and benchmarks.
func (e *Engine) Claim(ctx context.Context) (bool, error) {
	c, err := e.claim(ctx)
	return c != nil, err
}
