package netguard_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/netguard"
	"github.com/flowline/flowline/internal/testsupport"
)

// mustAllow parses an allow-list.
func mustAllow(t *testing.T, s string) []netip.Prefix {
	t.Helper()
	p, err := netguard.ParseAllowList(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
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
	srv := testsupport.StartHTTPPeer(t, "127.0.0.1:0", okHandler)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	allowLoopback := netguard.Policy{Allow: mustAllow(t, "127.0.0.1/32")}

	tests := []struct {
		name    string
		policy  netguard.Policy
		url     string
		allowed bool
	}{
		{"127.0.0.1 refused by default", netguard.Policy{}, srv.URL, false},
		{"localhost refused after DNS resolution", netguard.Policy{}, fmt.Sprintf("http://localhost:%d/", port), false},
		{"IPv4-mapped IPv6 loopback refused", netguard.Policy{}, fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port), false},
		{"127.0.0.1 allowed with allow-list", allowLoopback, srv.URL, true},
		{"IPv4-mapped loopback allowed with allow-list", allowLoopback, fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := srv.Hits()
			err := get(tt.policy.Client(5*time.Second), tt.url)
			if tt.allowed {
				if err != nil {
					t.Fatalf("GET %s: %v", tt.url, err)
				}
				return
			}
			if !errors.Is(err, netguard.ErrForbiddenAddress) {
				t.Fatalf("GET %s = %v, want ErrForbiddenAddress", tt.url, err)
			}
			if srv.Hits() != before {
				t.Fatal("the refused request reached the server")
			}
		})
	}
}

func TestClientIPv6Loopback(t *testing.T) {
	srv := testsupport.StartHTTPPeer(t, "[::1]:0", okHandler)
	err := get(netguard.Policy{}.Client(5*time.Second), srv.URL)
	if !errors.Is(err, netguard.ErrForbiddenAddress) {
		t.Fatalf("GET %s = %v, want ErrForbiddenAddress", srv.URL, err)
	}
	if srv.Hits() != 0 {
		t.Fatal("the refused request reached the server")
	}
	if err := get(netguard.Policy{Allow: mustAllow(t, "::1/128")}.Client(5*time.Second), srv.URL); err != nil {
		t.Fatalf("allow-listed ::1: %v", err)
	}
}

func TestClientRefusesMetadata(t *testing.T) {
	// The refusal happens in the dialer before any packet is sent, so this never leaves the
	// machine.
	err := get(netguard.Policy{}.Client(2*time.Second), "http://169.254.169.254/latest/meta-data/")
	var ae *netguard.AddressError
	if !errors.Is(err, netguard.ErrForbiddenAddress) || !errors.As(err, &ae) || ae.Addr.String() != "169.254.169.254" {
		t.Fatalf("GET metadata = %v, want an *AddressError for 169.254.169.254", err)
	}
}

func TestClientRedirects(t *testing.T) {
	// 127.0.0.2 is loopback too but outside the allow-list.
	inner := testsupport.StartHTTPPeer(t, "127.0.0.2:0", okHandler)
	policy := netguard.Policy{Allow: mustAllow(t, "127.0.0.1/32")}

	var loopURL string
	loop := testsupport.StartHTTPPeer(t, "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, loopURL, http.StatusFound)
	})
	loopURL = loop.URL

	tests := []struct {
		name    string
		target  string
		wantErr error
	}{
		{"to a refused loopback address", inner.URL, netguard.ErrForbiddenAddress},
		{"to cloud metadata", "http://169.254.169.254/latest/meta-data/", netguard.ErrForbiddenAddress},
		{"to IPv6 loopback", "http://[::1]:1/", netguard.ErrForbiddenAddress},
		{"to a non-http scheme", "ftp://example.com/file", netguard.ErrForbiddenAddress},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outer := testsupport.StartHTTPPeer(t, "127.0.0.1:0", redirectTo(tt.target))
			err := get(policy.Client(5*time.Second), outer.URL)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("GET via redirect = %v, want %v", err, tt.wantErr)
			}
			if outer.Hits() != 1 {
				t.Fatalf("allow-listed server saw %d requests, want 1", outer.Hits())
			}
			if inner.Hits() != 0 {
				t.Fatal("the redirect reached the refused server")
			}
		})
	}

	t.Run("redirect to an allowed address is followed", func(t *testing.T) {
		final := testsupport.StartHTTPPeer(t, "127.0.0.1:0", okHandler)
		outer := testsupport.StartHTTPPeer(t, "127.0.0.1:0", redirectTo(final.URL))
		if err := get(policy.Client(5*time.Second), outer.URL); err != nil {
			t.Fatal(err)
		}
		if final.Hits() != 1 {
			t.Fatalf("final server saw %d requests, want 1", final.Hits())
		}
	})

	t.Run("redirects capped at five", func(t *testing.T) {
		err := get(policy.Client(5*time.Second), loop.URL)
		if !errors.Is(err, netguard.ErrTooManyRedirects) {
			t.Fatalf("GET redirect loop = %v, want ErrTooManyRedirects", err)
		}
		if got := loop.Hits(); got != netguard.MaxRedirects+1 {
			t.Fatalf("server saw %d requests, want %d", got, netguard.MaxRedirects+1)
		}
	})
}

func TestClientIgnoresProxyEnvironment(t *testing.T) {
	c := netguard.Policy{}.Client(time.Second)
	tr, ok := c.Transport.(*http.Transport)
	if !ok || tr.Proxy != nil {
		t.Fatal("client transport uses a proxy function")
	}
	if c.CheckRedirect == nil || c.Timeout != time.Second {
		t.Fatal("client lacks redirect check or timeout")
	}
}
