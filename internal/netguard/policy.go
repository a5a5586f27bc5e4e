package netguard

import (
	"fmt"
	"net/netip"
	"strings"
)

// Policy decides which addresses outgoing requests may reach: every public address, plus
// the special-purpose addresses (loopback, private, link-local, ...) inside an Allow prefix.
// The zero Policy allows public addresses only.
type Policy struct {
	Allow []netip.Prefix
}

// ParseAllowList parses a comma-separated list of CIDR prefixes such as
// "127.0.0.1/32,10.0.0.0/8" (the form used in configuration). A bare address means that
// single address. Blank entries are ignored.
func ParseAllowList(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, field := range strings.Split(s, ",") {
		field = strings.TrimSpace(field)
		if field == "" {
			continue
		}
		if !strings.Contains(field, "/") {
			addr, err := netip.ParseAddr(field)
			if err != nil {
				return nil, fmt.Errorf("parse allow-list entry %q: %w", field, err)
			}
			out = append(out, netip.PrefixFrom(addr.Unmap(), addr.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(field)
		if err != nil {
			return nil, fmt.Errorf("parse allow-list entry %q: %w", field, err)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// CheckAddr returns nil when ip may be reached under p, and otherwise an *AddressError that
// wraps ErrForbiddenAddress.
func (p Policy) CheckAddr(ip netip.Addr) error {
	ip = ip.WithZone("")
	if !ip.IsValid() {
		return forbidden("invalid address")
	}
	reason := blockedReason(ip)
	if reason == "" || p.allowed(ip) {
		return nil
	}
	return &AddressError{Addr: ip, Reason: reason}
}

// allowed reports whether ip, or its unmapped IPv4 form, is inside an Allow prefix.
func (p Policy) allowed(ip netip.Addr) bool {
	for _, prefix := range p.Allow {
		if prefix.Contains(ip) || prefix.Contains(ip.Unmap()) {
			return true
		}
	}
	return false
}
