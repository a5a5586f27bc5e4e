package delivery

import (
	"errors"
	"net/http"
)

// maxDefaultRedirects matches net/http's limit for clients without a CheckRedirect.
const maxDefaultRedirects = 10

// stripHeadersOnRedirect wraps next (the client's own redirect policy, or net/http's default
// when nil) so that the workflow's custom headers are not forwarded when a redirect leaves
// the original host. net/http already drops Authorization and cookies in that case, but not
// custom headers such as X-Api-Key, which would otherwise leak secrets to the new host.
func stripHeadersOnRedirect(next func(*http.Request, []*http.Request) error, headers map[string]string) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if req.URL.Host != via[0].URL.Host {
			for name := range headers {
				req.Header.Del(name)
			}
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= maxDefaultRedirects {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
}
