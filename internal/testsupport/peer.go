package testsupport

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Listen listens on addr, a loopback address with port 0 ("127.0.0.1:0", "127.0.0.2:0",
// "[::1]:0"), until the test ends. 127.0.0.1 always exists and a failure there fails the
// test; [::1] (no IPv6) and 127.0.0.2 (macOS) may not, and only a machine without that extra
// loopback address skips the test, saying so.
func Listen(t testing.TB, addr string) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if strings.HasPrefix(addr, "127.0.0.1:") {
			t.Fatalf("testsupport: cannot listen on %s: %v", addr, err)
		}
		t.Skipf("SKIPPED: this machine has no loopback address %s (%v); the refusal of that address family is untested here", addr, err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	return ln
}

// ClosedAddr returns a 127.0.0.1 host:port on which nothing listens any more: connections to
// it are refused.
func ClosedAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("testsupport: %v", err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

// HTTPPeer is an HTTP server on a loopback address standing for a webhook's receiver (or any
// outside server): it records every request, then lets its handler answer.
type HTTPPeer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []PeerRequest
}

// PeerRequest is one request as an HTTPPeer received it.
type PeerRequest struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
	// N counts the requests to Path, from 1 (this one included).
	N int
}

type peerRequestKey struct{}

// StartHTTPPeer starts an HTTPPeer on addr (see Listen; "127.0.0.1:0" in most tests) whose
// handler h answers each request after it was recorded; nil h answers 200 with no body. The
// peer is closed when the test ends.
func StartHTTPPeer(t testing.TB, addr string, h http.HandlerFunc) *HTTPPeer {
	t.Helper()
	ln := Listen(t, addr)
	p := &HTTPPeer{}
	p.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body) // reading it all also lets the server notice a caller that hangs up
		p.mu.Lock()
		req := PeerRequest{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: body}
		for _, q := range p.requests {
			if q.Path == req.Path {
				req.N++
			}
		}
		req.N++
		p.requests = append(p.requests, req)
		p.mu.Unlock()
		if h != nil {
			h(w, r.WithContext(context.WithValue(r.Context(), peerRequestKey{}, req)))
		}
	}))
	p.Listener = ln
	p.Start()
	t.Cleanup(func() {
		p.CloseClientConnections()
		p.Close()
	})
	return p
}

// RequestOf returns the recorded form of a request an HTTPPeer's handler is answering.
func RequestOf(r *http.Request) PeerRequest {
	req, _ := r.Context().Value(peerRequestKey{}).(PeerRequest)
	return req
}

// Requests returns every request received so far, in arrival order.
func (p *HTTPPeer) Requests() []PeerRequest {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]PeerRequest(nil), p.requests...)
}

// RequestsTo returns the requests received so far for path.
func (p *HTTPPeer) RequestsTo(path string) []PeerRequest {
	var out []PeerRequest
	for _, r := range p.Requests() {
		if r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// Hits returns how many requests the peer received.
func (p *HTTPPeer) Hits() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.requests)
}

// Respond is a handler that answers every request with status and body.
func Respond(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}
