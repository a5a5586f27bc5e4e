package engine

import "context"

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
