package auth

import "context"

// Viewer is the authenticated caller of a request: the user, their role and, when the
// request used an API token rather than a session JWT, the token's id.
type Viewer struct {
	UserID  string
	Role    Role
	TokenID string
}

type viewerKey struct{}

// WithViewer returns a copy of ctx that carries v.
func WithViewer(ctx context.Context, v Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// FromContext returns the viewer stored by WithViewer, and false when the context carries
// none (an unauthenticated request).
func FromContext(ctx context.Context) (Viewer, bool) {
	v, ok := ctx.Value(viewerKey{}).(Viewer)
	return v, ok
}
