package engine

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCapData(t *testing.T) {
	small := map[string]any{"statusCode": 200, "body": "ok"}
	if got := capData(small); got["body"] != "ok" || got[outTruncated] != nil {
		t.Fatalf("small data changed: %v", got)
	}
	big := map[string]any{"body": strings.Repeat("é\"<", 20<<10)}
	got := capData(big)
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if got[outTruncated] != true || got[outOriginal].(int) <= MaxLogDataBytes || len(b) > MaxLogDataBytes {
		t.Fatalf("capped data: truncated %v, original %v, %d bytes as JSON", got[outTruncated], got[outOriginal], len(b))
	}
	if p := got[outPreview].(string); !utf8.ValidString(p) || !strings.HasPrefix(p, `{"body":"é`) {
		t.Fatalf("preview is not the start of the data: %.40q", p)
	}
	quotes := capData(map[string]any{"body": strings.Repeat(`"\\`, 20<<10)})
	if b, _ := json.Marshal(quotes); len(b) > MaxLogDataBytes {
		t.Fatalf("capped data of quotes and backslashes is %d bytes as JSON", len(b))
	}
	if capData(nil) != nil {
		t.Fatal("nil data should stay nil")
	}
}
