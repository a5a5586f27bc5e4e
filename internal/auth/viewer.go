package auth

import (
	"context"
	"sync"

	"github.com/google/uuid"
)

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
	if v, ok := ctx.Value(viewerKey{}).(Viewer); ok {
		return v, true
	}
	if s, ok := ctx.Value(signInKey{}).(*signInSlot); ok {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.viewer != nil {
			return *s.viewer, true
		}
	}
	return Viewer{}, false
}

// signInSlot is where a login records who signed in, for the rest of its own request.
type signInSlot struct {
	mu     sync.Mutex
	viewer *Viewer
}

type signInKey struct{}

// WithSignIn prepares an anonymous login request: once SignIn records the user, the rest of
// the request (the fields selected under login, such as user { apiTokens }) runs as them.
// Only a request whose single operation is the login may carry it.
func WithSignIn(ctx context.Context) context.Context {
	return context.WithValue(ctx, signInKey{}, &signInSlot{})
}

// SignIn records v as the caller for the rest of a request prepared by WithSignIn; in any
// other request it does nothing.
func SignIn(ctx context.Context, v Viewer) {
	if s, ok := ctx.Value(signInKey{}).(*signInSlot); ok {
		s.mu.Lock()
		s.viewer = &v
		s.mu.Unlock()
	}
}

// Caller returns the viewer of ctx with their user id parsed, and false for an anonymous
// caller or one whose user id is not a UUID.
func Caller(ctx context.Context) (Viewer, uuid.UUID, bool) {
	v, ok := FromContext(ctx)
	if !ok {
		return v, uuid.Nil, false
	}
	id, err := uuid.Parse(v.UserID)
	if err != nil {
		return v, uuid.Nil, false
	}
	return v, id, true
}
