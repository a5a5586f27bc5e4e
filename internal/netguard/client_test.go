package netguard

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// countingServer is an httptest server that counts the requests it receives.
type countingServer struct {
	*httptest.Server
	hits atomic.Int64
}

// startServer starts a server on addr (for example "127.0.0.1:0") running h, or skips the
// test when the address cannot be bound on this machine.
func startServer(t *testing.T, addr string, h http.HandlerFunc) *countingServer {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		// 127.0.0.1 always exists; [::1] (no IPv6) and 127.0.0.2 (macOS) may not. Only a
		// machine without that extra loopback address skips, and it says so.
		if strings.HasPrefix(addr, "127.0.0.1:") {
			t.Fatalf("cannot listen on %s: %v", addr, err)
		}
		t.Skipf("SKIPPED: this machine has no loopback address %s (%v); the refusal of that address family is untested here", addr, err)
	}
	s := &countingServer{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		h(w, r)
	}))
	s.Listener = ln
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func okHandler(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok") }

func redirectTo(target string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, target, http.StatusFound) }
}

func get(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func TestClientLoopback(t *testing.T) {
	srv := startServer(t, "127.0.0.1:0", okHandler)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	allowLoopback := Policy{Allow: mustAllow(t, "127.0.0.1/32")}

	tests := []struct {
		name    string
		policy  Policy
		url     string
		allowed bool
	}{
		{"127.0.0.1 refused by default", Policy{}, srv.URL, false},
		{"localhost refused after DNS resolution", Policy{}, fmt.Sprintf("http://localhost:%d/", port), false},
		{"IPv4-mapped IPv6 loopback refused", Policy{}, fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port), false},
		{"127.0.0.1 allowed with allow-list", allowLoopback, srv.URL, true},
		{"IPv4-mapped loopback allowed with allow-list", allowLoopback, fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := srv.hits.Load()
			err := get(tt.policy.Client(5*time.Second), tt.url)
			if tt.allowed {
				if err != nil {
					t.Fatalf("GET %s: %v", tt.url, err)
				}
				return
			}
			if !errors.Is(err, ErrForbiddenAddress) {
				t.Fatalf("GET %s = %v, want ErrForbiddenAddress", tt.url, err)
			}
			if srv.hits.Load() != before {
				t.Fatal("the refused request reached the server")
			}
		})
	}
}

func TestClientIPv6Loopback(t *testing.T) {
	srv := startServer(t, "[::1]:0", okHandler)
	err := get(Policy{}.Client(5*time.Second), srv.URL)
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("GET %s = %v, want ErrForbiddenAddress", srv.URL, err)
	}
	if srv.hits.Load() != 0 {
		t.Fatal("the refused request reached the server")
	}
	if err := get(Policy{Allow: mustAllow(t, "::1/128")}.Client(5*time.Second), srv.URL); err != nil {
		t.Fatalf("allow-listed ::1: %v", err)
	}
}

func TestClientRefusesMetadata(t *testing.T) {
	// The refusal happens in the dialer before any packet is sent, so this never leaves the
	// machine.
	err := get(Policy{}.Client(2*time.Second), "http://169.254.169.254/latest/meta-data/")
	var ae *AddressError
	if !errors.Is(err, ErrForbiddenAddress) || !errors.As(err, &ae) || ae.Addr.String() != "169.254.169.254" {
		t.Fatalf("GET metadata = %v, want an *AddressError for 169.254.169.254", err)
	}
}

func TestClientRedirects(t *testing.T) {
	// 127.0.0.2 is loopback too but outside the allow-list.
	inner := startServer(t, "127.0.0.2:0", okHandler)
	policy := Policy{Allow: mustAllow(t, "127.0.0.1/32")}

	var loopURL string
	loop := startServer(t, "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, loopURL, http.StatusFound)
	})
	loopURL = loop.URL

	tests := []struct {
		name    string
		target  string
		wantErr error
	}{
		{"to a refused loopback address", inner.URL, ErrForbiddenAddress},
		{"to cloud metadata", "http://169.254.169.254/latest/meta-data/", ErrForbiddenAddress},
		{"to IPv6 loopback", "http://[::1]:1/", ErrForbiddenAddress},
		{"to a non-http scheme", "ftp://example.com/file", ErrForbiddenAddress},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outer := startServer(t, "127.0.0.1:0", redirectTo(tt.target))
			err := get(policy.Client(5*time.Second), outer.URL)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("GET via redirect = %v, want %v", err, tt.wantErr)
			}
			if outer.hits.Load() != 1 {
				t.Fatalf("allow-listed server saw %d requests, want 1", outer.hits.Load())
			}
			if inner.hits.Load() != 0 {
				t.Fatal("the redirect reached the refused server")
			}
		})
	}

	t.Run("redirect to an allowed address is followed", func(t *testing.T) {
		final := startServer(t, "127.0.0.1:0", okHandler)
		outer := startServer(t, "127.0.0.1:0", redirectTo(final.URL))
		if err := get(policy.Client(5*time.Second), outer.URL); err != nil {
			t.Fatal(err)
		}
		if final.hits.Load() != 1 {
			t.Fatalf("final server saw %d requests, want 1", final.hits.Load())
		}
	})

	t.Run("redirects capped at five", func(t *testing.T) {
		err := get(policy.Client(5*time.Second), loop.URL)
		if !errors.Is(err, ErrTooManyRedirects) {
			t.Fatalf("GET redirect loop = %v, want ErrTooManyRedirects", err)
		}
		if got := loop.hits.Load(); got != MaxRedirects+1 {
			t.Fatalf("server saw %d requests, want %d", got, MaxRedirects+1)
		}
	})
}

func TestClientIgnoresProxyEnvironment(t *testing.T) {
	c := Policy{}.Client(time.Second)
	tr, ok := c.Transport.(*http.Transport)
	if !ok || tr.Proxy != nil {
		t.Fatal("client transport uses a proxy function")
	}
	if c.CheckRedirect == nil || c.Timeout != time.Second {
		t.Fatal("client lacks redirect check or timeout")
	}
}
