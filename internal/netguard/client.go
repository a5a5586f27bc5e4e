package netguard

import (
	"errors"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// MaxRedirects is how many redirects a Policy client follows before giving up.
const MaxRedirects = 5

// ErrTooManyRedirects is returned when a request is redirected more than MaxRedirects times.
var ErrTooManyRedirects = errors.New("too many redirects")

// Client returns an HTTP client whose every connection, including those made for redirects,
// goes through the policy's dialer. It ignores proxy settings from the environment (a proxy
// would dial on our behalf and bypass the check), follows at most MaxRedirects redirects,
// only to http and https URLs, and gives up on a request after timeout.
func (p Policy) Client(timeout time.Duration) *http.Client {
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           p.Dialer(timeout).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{
		Transport:     transport,
		Timeout:       timeout,
		CheckRedirect: p.checkRedirect,
	}
}

// checkRedirect caps the redirect chain and checks each target URL. The dial-time check
// still applies to every hop; this refuses bad targets before any connection is attempted.
func (p Policy) checkRedirect(req *http.Request, via []*http.Request) error {
	// via holds the requests already made: the original plus each redirect followed.
	if len(via) > MaxRedirects {
		return ErrTooManyRedirects
	}
	return p.CheckURL(req.URL)
}

// CheckURL refuses URLs that are not http or https, have no host, or name a forbidden IP
// address literally. Host names are checked later, at dial time, on the resolved address.
func (p Policy) CheckURL(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return forbidden("scheme %q is not allowed", u.Scheme)
	}
	host := u.Hostname()
	if host == "" {
		return forbidden("URL has no host")
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return p.CheckAddr(ip)
	}
	return nil
}
