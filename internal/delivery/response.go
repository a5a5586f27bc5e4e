package delivery

import (
	"io"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"
)

// readLimited reads at most limit bytes of r. It reports truncated when r holds more, or
// when reading failed part-way (the status line has already arrived, so the call itself is
// not treated as failed). The text is cut back to a UTF-8 boundary.
func readLimited(r io.Reader, limit int) (string, bool) {
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	truncated := err != nil || len(b) > limit
	if len(b) > limit {
		b = b[:limit]
	}
	if truncated {
		b = trimIncompleteRune(b)
	}
	return string(b), truncated
}

// trimIncompleteRune drops a multi-byte UTF-8 sequence cut short at the end of b. Other
// bytes, valid or not, are kept.
func trimIncompleteRune(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		start := len(b) - i
		if utf8.RuneStart(b[start]) {
			if !utf8.FullRune(b[start:]) {
				return b[:start]
			}
			return b
		}
	}
	return b
}

// parseRetryAfter reads a Retry-After header (seconds or an HTTP date) relative to now. It
// returns zero when the header is absent or unparsable.
func parseRetryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
