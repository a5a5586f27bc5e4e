package httpapi_test

import (
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestResponseSizeIsBounded checks that an answer larger than the response limit is
// replaced by one RESPONSE_TOO_LARGE error, while answers under it are sent whole.
func TestResponseSizeIsBounded(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPIWith(t, db, testsupport.APIOptions{MaxResponseBytes: 8 << 10})
		note := strings.Repeat("x", 200)
		for range 100 {
			api.MustData(`mutation($n: String!) { createClient(input: {name: $n, email: "c@example.com"}) { id } }`,
				map[string]any{"n": note}, nil)
		}
		var small struct{ Clients struct{ TotalCount int } }
		api.MustData(`{ clients(first: 10) { totalCount edges { node { name } } } }`, nil, &small)
		if small.Clients.TotalCount != 100 {
			t.Fatalf("totalCount %d, want 100", small.Clients.TotalCount)
		}
		// 100 names of 200 characters: over 20 KB.
		e := api.MustFail(`{ clients(first: 100) { edges { node { name } } } }`, nil, "RESPONSE_TOO_LARGE")
		if !strings.Contains(e.Message, "8192 bytes") {
			t.Fatalf("message %q does not state the limit", e.Message)
		}
	})
}
