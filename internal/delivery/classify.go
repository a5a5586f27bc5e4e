package delivery

import (
	"errors"

	"github.com/flowline/flowline/internal/netguard"
)

// classifyTransportError marks transport failures that a retry cannot fix as permanent: a
// refused address (SSRF guard) and a redirect loop. Timeouts, connection errors and
// cancellation stay retryable.
func classifyTransportError(err error) error {
	switch {
	case errors.Is(err, netguard.ErrForbiddenAddress), errors.Is(err, netguard.ErrTooManyRedirects):
		return permanent(err)
	}
	return err
}
