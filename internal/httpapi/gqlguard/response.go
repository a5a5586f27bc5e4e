package gqlguard

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"github.com/flowline/flowline/internal/apierr"
	"github.com/flowline/flowline/internal/bufpool"
)

// DefaultMaxResponseBytes bounds a GraphQL answer: the dashboard's widest read (20 workflows
// × 10 executions × 10 logs) is about 250 KB.
const DefaultMaxResponseBytes = 4 << 20

// ResponseLimit holds the handler's answer in memory up to limit bytes and sends it whole;
// an answer that grows past limit is dropped and replaced by one error coded
// RESPONSE_TOO_LARGE (HTTP 200: the request was valid, its answer too big), so a query within
// the cost limit still cannot make the server send hundreds of megabytes. The work of a
// mutation is done (and committed) all the same; only its answer is lost. The answer is held
// in a pooled buffer (internal/bufpool) and sent with its Content-Length, not chunked.
func ResponseLimit(limit int) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := &limitedResponse{w: w, header: http.Header{}, limit: limit, status: http.StatusOK, body: bufpool.Get()}
			defer func() { bufpool.Put(rec.body) }()
			next.ServeHTTP(rec, r)
			if rec.sent {
				return
			}
			rec.copyHeader()
			if rec.overflow {
				WriteError(w, http.StatusOK, apierr.ResponseTooLarge,
					fmt.Sprintf("the answer is larger than %d bytes; ask for fewer fields, fewer aliases or smaller pages", limit))
				return
			}
			if bodyAllowed(rec.status) {
				w.Header().Set("Content-Length", strconv.Itoa(rec.body.Len()))
			}
			w.WriteHeader(rec.status)
			_, _ = w.Write(rec.body.Bytes())
		})
	}
}

// WholeWriter is implemented by ResponseLimit's writer: a handler that knows all the parts
// of its answer (the GraphQL POST transport: the data is already marshalled) hands them at
// once, and an answer within the limit is then sent straight to the client with its
// Content-Length instead of being copied into the buffer first.
type WholeWriter interface {
	WriteWhole(parts ...[]byte)
}

// limitedResponse is an http.ResponseWriter that keeps at most limit bytes.
type limitedResponse struct {
	w        http.ResponseWriter // the client's, written to by WriteWhole or at the end
	sent     bool                // WriteWhole sent the answer to w
	header   http.Header
	status   int
	body     *bytes.Buffer
	limit    int
	overflow bool
}

func (l *limitedResponse) Header() http.Header { return l.header }

func (l *limitedResponse) WriteHeader(status int) { l.status = status }

// WriteWhole sends parts to the client when nothing was written before and they fit within
// the limit, else writes them as Write does.
func (l *limitedResponse) WriteWhole(parts ...[]byte) {
	total := 0
	for _, p := range parts {
		total += len(p)
	}
	if l.sent || l.overflow || l.body.Len() > 0 || total > l.limit {
		for _, p := range parts {
			_, _ = l.Write(p)
		}
		return
	}
	l.copyHeader()
	if bodyAllowed(l.status) {
		l.w.Header().Set("Content-Length", strconv.Itoa(total))
	}
	l.w.WriteHeader(l.status)
	for _, p := range parts {
		_, _ = l.w.Write(p)
	}
	l.sent = true
}

// copyHeader sets the handler's headers on the client's response.
func (l *limitedResponse) copyHeader() {
	h := l.w.Header()
	for k, v := range l.header {
		h[k] = v
	}
}

func (l *limitedResponse) Write(p []byte) (int, error) {
	if l.sent { // only after a whole answer, which the handler should not extend
		return l.w.Write(p)
	}
	if l.overflow || l.body.Len()+len(p) > l.limit {
		l.overflow = true
		l.body.Reset()
		return len(p), nil // the caller's answer is replaced as a whole; it need not stop
	}
	return l.body.Write(p)
}

// bodyAllowed reports whether a response with status may have a body (and so a
// Content-Length): not 1xx, 204 or 304.
func bodyAllowed(status int) bool {
	return status >= http.StatusOK && status != http.StatusNoContent && status != http.StatusNotModified
}
