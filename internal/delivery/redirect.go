package delivery

import (
	"errors"
	"net/http"
)

// maxDefaultRedirects matches net/http's limit for clients without a CheckRedirect.
const maxDefaultRedirects = 10

// stripHeadersOnRedirect wraps next (the client's own redirect policy, or net/http's default
// when nil) so that a redirect carries nothing the workflow meant for the original URL: no
// Referer ever (net/http would send the original URL, query secrets included), and when the
// redirect leaves the original host, none of the workflow's custom headers and none of
// Flowline's own (signature, timestamp, Idempotency-Key), which belong to the call the user
// configured. net/http already drops Authorization and cookies in that case.
func stripHeadersOnRedirect(next func(*http.Request, []*http.Request) error, headers map[string]string) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		req.Header.Del("Referer")
		if req.URL.Host != via[0].URL.Host {
			for name := range headers {
				req.Header.Del(name)
			}
			for _, name := range []string{HeaderSignature, HeaderTimestamp, HeaderIdempotencyKey} {
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
