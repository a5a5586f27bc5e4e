package netguard

import (
	"errors"
	"net/netip"
	"net/url"
	"slices"
	"testing"
)

func TestCheckAddr(t *testing.T) {
	loopbackOK := Policy{Allow: mustAllow(t, "127.0.0.1/32")}
	tests := []struct {
		name   string
		addr   string
		policy Policy
		want   bool // true: allowed
	}{
		{"public IPv4", "93.184.216.34", Policy{}, true},
		{"public IPv6", "2606:4700:4700::1111", Policy{}, true},
		{"loopback", "127.0.0.1", Policy{}, false},
		{"loopback range", "127.1.2.3", Policy{}, false},
		{"loopback allow-listed", "127.0.0.1", loopbackOK, true},
		{"other loopback not allow-listed", "127.0.0.2", loopbackOK, false},
		{"RFC1918 10/8", "10.1.2.3", Policy{}, false},
		{"RFC1918 172.16/12", "172.31.255.255", Policy{}, false},
		{"just outside 172.16/12", "172.32.0.1", Policy{}, true},
		{"RFC1918 192.168/16", "192.168.1.1", Policy{}, false},
		{"RFC1918 allow-listed", "10.9.8.7", Policy{Allow: mustAllow(t, "10.0.0.0/8")}, true},
		{"cloud metadata", "169.254.169.254", Policy{}, false},
		{"link-local", "169.254.1.1", Policy{}, false},
		{"Oracle metadata", "192.0.0.192", Policy{}, false},
		{"CGNAT", "100.64.0.1", Policy{}, false},
		{"this network", "0.0.0.0", Policy{}, false},
		{"this network range", "0.1.2.3", Policy{}, false},
		{"multicast", "224.0.0.1", Policy{}, false},
		{"broadcast", "255.255.255.255", Policy{}, false},
		{"IPv6 loopback", "::1", Policy{}, false},
		{"IPv6 unspecified", "::", Policy{}, false},
		{"IPv6 unique local", "fd00::1", Policy{}, false},
		{"AWS IPv6 metadata", "fd00:ec2::254", Policy{}, false},
		{"IPv6 link-local", "fe80::1", Policy{}, false},
		{"IPv6 link-local with zone", "fe80::1%eth0", Policy{}, false},
		{"IPv6 multicast", "ff02::1", Policy{}, false},
		{"IPv4-mapped loopback", "::ffff:127.0.0.1", Policy{}, false},
		{"IPv4-mapped metadata", "::ffff:169.254.169.254", Policy{}, false},
		{"IPv4-mapped private", "::ffff:10.0.0.1", Policy{}, false},
		{"IPv4-mapped public", "::ffff:93.184.216.34", Policy{}, true},
		{"IPv4-mapped loopback allow-listed", "::ffff:127.0.0.1", loopbackOK, true},
		{"IPv4-compatible loopback", "::127.0.0.1", Policy{}, false},
		{"NAT64 of metadata", "64:ff9b::a9fe:a9fe", Policy{}, false},
		{"6to4 of loopback", "2002:7f00:1::1", Policy{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.policy.CheckAddr(netip.MustParseAddr(tt.addr))
			if tt.want {
				if err != nil {
					t.Fatalf("CheckAddr(%s) = %v, want allowed", tt.addr, err)
				}
				return
			}
			var ae *AddressError
			if !errors.Is(err, ErrForbiddenAddress) || !errors.As(err, &ae) {
				t.Fatalf("CheckAddr(%s) = %v, want an *AddressError wrapping ErrForbiddenAddress", tt.addr, err)
			}
		})
	}
}

func TestParseAllowList(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr bool
	}{
		{"empty", "", nil, false},
		{"two prefixes", "127.0.0.1/32,10.0.0.0/8", []string{"127.0.0.1/32", "10.0.0.0/8"}, false},
		{"spaces and blanks", " 127.0.0.1/32 , ,::1/128 ", []string{"127.0.0.1/32", "::1/128"}, false},
		{"bare addresses", "127.0.0.1,::1", []string{"127.0.0.1/32", "::1/128"}, false},
		{"host bits masked", "10.1.2.3/8", []string{"10.0.0.0/8"}, false},
		{"garbage", "localhost", nil, true},
		{"bad prefix length", "10.0.0.0/33", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAllowList(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseAllowList(%q) error = %v", tt.in, err)
			}
			var gotS []string
			for _, p := range got {
				gotS = append(gotS, p.String())
			}
			if !slices.Equal(gotS, tt.want) {
				t.Fatalf("ParseAllowList(%q) = %v, want %v", tt.in, gotS, tt.want)
			}
		})
	}
}

func TestCheckURL(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://example.com/hook", true},
		{"HTTP://example.com/hook", true},
		{"http://93.184.216.34/", true},
		{"ftp://example.com/", false},
		{"file:///etc/passwd", false},
		{"gopher://example.com/", false},
		{"http:///nohost", false},
		{"http://127.0.0.1:8080/", false},
		{"http://[::1]/", false},
		{"http://[::ffff:127.0.0.1]/", false},
		{"http://169.254.169.254/latest/meta-data/", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			u, err := url.Parse(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			err = Policy{}.CheckURL(u)
			if (err == nil) != tt.want {
				t.Fatalf("CheckURL = %v, want allowed=%v", err, tt.want)
			}
			if err != nil && !errors.Is(err, ErrForbiddenAddress) {
				t.Fatalf("error %v does not wrap ErrForbiddenAddress", err)
			}
		})
	}
}

func TestControlRefusesOtherNetworks(t *testing.T) {
	if err := (Policy{}).Control("udp", "93.184.216.34:53", nil); !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("Control(udp) = %v, want ErrForbiddenAddress", err)
	}
	if err := (Policy{}).Control("tcp", "93.184.216.34:443", nil); err != nil {
		t.Fatalf("Control(public tcp) = %v", err)
	}
}

func mustAllow(t *testing.T, s string) []netip.Prefix {
	t.Helper()
	p, err := ParseAllowList(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
