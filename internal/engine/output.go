package engine

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/flowline/flowline/internal/nulcheck"
)

// Size limits of what log rows and executions store.
const (
	// MaxLogDataBytes caps a log row's inputData and outputData (as JSON).
	MaxLogDataBytes = 16 << 10
	// maxErrorLength caps error messages in log rows and executions.
	maxErrorLength = 2000
)

// Keys of the data the engine itself writes into log rows.
const (
	outTruncated   = "truncated"
	outOriginal    = "originalBytes"
	outPreview     = "preview"
	outDelayMs     = "delayMs"
	outUntil       = "until"
	outReason      = "reason"
	outExplanation = "explanation"
	outInterrupted = "interrupted"
)

// capData returns m unchanged when its JSON fits in MaxLogDataBytes. Otherwise it returns
// {"truncated": true, "originalBytes": n, "preview": "<the JSON text, cut>"}, which fits.
func capData(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	if nulcheck.InValue(m) {
		// A peer's answer may hold NUL bytes, which PostgreSQL's jsonb cannot store.
		m = withoutNUL(m).(map[string]any)
	}
	b, err := json.Marshal(m)
	if err != nil {
		return map[string]any{outTruncated: true, outPreview: "unencodable data: " + err.Error()}
	}
	if len(b) <= MaxLogDataBytes {
		return m
	}
	// Escaping the preview as a JSON string can grow it (quotes and backslashes double), so
	// shrink it until the whole result fits.
	for n := MaxLogDataBytes / 2; ; n /= 2 {
		out := map[string]any{outTruncated: true, outOriginal: len(b), outPreview: truncate(string(b), n)}
		if enc, err := json.Marshal(out); err == nil && len(enc) <= MaxLogDataBytes {
			return out
		}
	}
}

// truncate cuts s to at most n bytes at a UTF-8 boundary, marking the cut with "…".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// toMap turns a JSON-encodable value (an explanation, say) into a JSON object map.
func toMap(v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return map[string]any{"error": err.Error()}
	}
	return m
}

// withoutNUL returns a copy of a JSON value with every NUL in its strings and keys replaced
// by U+FFFD.
func withoutNUL(v any) any {
	switch v := v.(type) {
	case string:
		return strings.ReplaceAll(v, "\x00", "\uFFFD")
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[withoutNUL(k).(string)] = withoutNUL(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = withoutNUL(x)
		}
		return out
	}
	return v
}

// asStored returns m as it reads back from a JSON column.
func asStored(m map[string]any) map[string]any {
	out := map[string]any{}
	if b, err := json.Marshal(m); err == nil {
		_ = json.Unmarshal(b, &out)
	}
	return out
}
