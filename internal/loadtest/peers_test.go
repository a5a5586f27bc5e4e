package loadtest

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestParsePeers: -peers names known peers in the given order; an unknown one is an error
// naming the known ones; empty means none.
func TestParsePeers(t *testing.T) {
	t.Parallel()
	got, err := ParsePeers(" v5, v4 ")
	if err != nil || len(got) != 2 || got[0].System != "PostGraphile v5" || got[1].System != "PostGraphile v4" {
		t.Fatalf("ParsePeers(v5,v4) = %+v, %v", got, err)
	}
	if got, err := ParsePeers(""); err != nil || len(got) != 0 {
		t.Errorf("ParsePeers(\"\") = %+v, %v, want none", got, err)
	}
	if _, err := ParsePeers("v5,hasura"); err == nil || !strings.Contains(err.Error(), `"hasura"`) || !strings.Contains(err.Error(), "v5, v4") {
		t.Errorf("ParsePeers(hasura) error = %v", err)
	}
}

// TestSameAnswer: a peer's answer with Flowline's ids (in either case), statuses and counts
// matches; one execution in another order, a missing log row or another totalCount does not,
// and the error says where.
func TestSameAnswer(t *testing.T) {
	t.Parallel()
	const flowline = `{"workflows":{"edges":[{"node":{"id":"0190a-w1","executions":{"totalCount":12,"edges":[
		{"node":{"id":"0190a-e1","status":"COMPLETED","logs":{"edges":[{"node":{"id":"0190a-l1"}},{"node":{"id":"0190a-l2"}}]}}},
		{"node":{"id":"0190a-e2","status":"FAILED","logs":{"edges":[]}}}]}}}]}}`
	const peer = `{"allWorkflows":{"nodes":[{"id":"0190A-W1","executions":{"totalCount":12,"nodes":[
		{"id":"0190a-e1","status":"COMPLETED","logs":{"nodes":[{"id":"0190a-l1"},{"id":"0190a-l2"}]}},
		{"id":"0190a-e2","status":"FAILED","logs":{"nodes":[]}}]}}]}}`
	var want dashboardAnswer
	if err := json.Unmarshal([]byte(flowline), &want); err != nil {
		t.Fatal(err)
	}
	decode := func(s string) peerAnswer {
		var p peerAnswer
		if err := json.Unmarshal([]byte(s), &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if err := sameAnswer(want, decode(peer)); err != nil {
		t.Errorf("same answer: %v", err)
	}
	if got := want.summary(); got != "1 workflows, 2 executions, 2 log rows" {
		t.Errorf("summary = %q", got)
	}
	for name, c := range map[string]struct{ from, to, wantErr string }{
		"order":      {`"0190a-e1","status":"COMPLETED"`, `"0190a-e9","status":"COMPLETED"`, "execution 0 of workflow 0190a-w1"},
		"log row":    {`{"id":"0190a-l2"}`, `{"id":"0190a-l3"}`, "log row 1 of execution 0190a-e1"},
		"totalCount": {`"totalCount":12`, `"totalCount":11`, "2 of 11 executions, Flowline 2 of 12"},
		"workflows":  {`[{"id":"0190A-W1"`, `[{"id":"0190a-w2"`, "workflow 0 is 0190a-w2"},
	} {
		err := sameAnswer(want, decode(strings.Replace(peer, c.from, c.to, 1)))
		if err == nil || !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("%s: error = %v, want one containing %q", name, err, c.wantErr)
		}
	}
	if err := sameAnswer(dashboardAnswer{}, peerAnswer{}); err == nil {
		t.Error("two empty answers compare equal; the check would prove nothing")
	}
}

// TestPeerRatios: each Flowline read is divided by each peer's in the same round and at the
// same concurrency, rate and p99; the peer notes are in the markdown.
func TestPeerRatios(t *testing.T) {
	t.Parallel()
	r := &Report{Notes: []string{"PostGraphile v4 left out: npm install failed"}}
	read := "dashboard read 20×10×10"
	r.add(Measurement{Round: 1, Phase: read, System: "Flowline", Concurrency: 16, Rate: 80, Unit: "req/s", P99: 100 * time.Millisecond})
	r.add(Measurement{Round: 1, Phase: read, System: "PostGraphile v5", Concurrency: 16, Rate: 40, Unit: "req/s", P99: 400 * time.Millisecond})
	r.add(Measurement{Round: 2, Phase: read, System: "PostGraphile v5", Concurrency: 16, Rate: 10, Unit: "req/s", P99: time.Second})
	want := "dashboard read 20×10×10, c=16, round 1: Flowline ÷ PostGraphile v5 = 2.00 × the rate (80.0 ÷ 40.0 req/s), 0.25 × the p99 (100.00 ÷ 400.00 ms)"
	if got := r.Ratios(); len(got) != 1 || got[0] != want {
		t.Errorf("Ratios() = %q, want [%q]", got, want)
	}
	if md := r.Markdown(); !strings.Contains(md, "Peers:\n\n- PostGraphile v4 left out: npm install failed") || !strings.Contains(md, want) {
		t.Errorf("markdown lacks the peer note or the ratio:\n%s", md)
	}
}

// TestClaimRatios: the claim's backlogs are compared by the medians of their rounds, with the
// spread of the first backlog's rounds beside them, so one stalled round moves nothing.
func TestClaimRatios(t *testing.T) {
	t.Parallel()
	r := &Report{}
	for i, rate := range []float64{1000, 900, 1100} {
		r.add(Measurement{Round: i + 1, Phase: claimPhase(1000), System: "pgbench", Rate: rate, P50: 300 * time.Microsecond})
	}
	for i, rate := range []float64{950, 500, 1000} {
		r.add(Measurement{Round: i + 1, Phase: claimPhase(300000), System: "pgbench", Rate: rate, P50: time.Duration(300+30*i) * time.Microsecond})
	}
	want := "claim, 300000 due executions against claim, 1000 due executions: rate × 0.95, p50 × 1.10 " +
		"(medians of 3 rounds; the rounds against 1000 due executions: rate × 0.90 to 1.10 of their median)"
	if got := r.claimRatios(); len(got) != 1 || got[0] != want {
		t.Errorf("claimRatios() = %q, want [%q]", got, want)
	}
}
