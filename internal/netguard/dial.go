package netguard

import (
	"net"
	"net/netip"
	"syscall"
	"time"
)

// Control is a net.Dialer Control function. It runs after DNS resolution with the address
// about to be dialled and refuses it unless it is TCP to an address the policy allows.
func (p Policy) Control(network, address string, _ syscall.RawConn) error {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return forbidden("network %q is not allowed", network)
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return forbidden("cannot parse dialled address %q", address)
	}
	return p.CheckAddr(ap.Addr())
}

// Dialer returns a dialer that applies the policy to every connection it makes.
func (p Policy) Dialer(timeout time.Duration) *net.Dialer {
	return &net.Dialer{
		Timeout:   timeout,
		KeepAlive: 30 * time.Second,
		Control:   p.Control,
	}
}
