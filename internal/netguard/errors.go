package netguard

import (
	"errors"
	"fmt"
	"net/netip"
)

// ErrForbiddenAddress is wrapped by every refusal of this package, so callers can detect a
// refused request with errors.Is(err, netguard.ErrForbiddenAddress) through the url.Error
// and net.OpError layers the HTTP client adds.
var ErrForbiddenAddress = errors.New("forbidden address")

// AddressError reports a connection refused because of the address it would reach.
type AddressError struct {
	Addr   netip.Addr
	Reason string
}

// Error names the refused address and why it was refused.
func (e *AddressError) Error() string {
	return fmt.Sprintf("%s %s: %s", ErrForbiddenAddress, e.Addr, e.Reason)
}

// Unwrap returns ErrForbiddenAddress.
func (e *AddressError) Unwrap() error { return ErrForbiddenAddress }

// forbidden returns an error wrapping ErrForbiddenAddress with a free-form reason.
func forbidden(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrForbiddenAddress, fmt.Sprintf(format, args...))
}
