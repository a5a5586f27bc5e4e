package rowscan

import "testing"

// TestBlockHandsOutDistinctZeroedNodes: every node is fresh and zero, and a long query
// allocates a block per doubling, not a node per row.
func TestBlockHandsOutDistinctZeroedNodes(t *testing.T) {
	type node struct{ id, n int }
	var b Block[node]
	seen := map[*node]bool{}
	for i := range 2000 {
		n := b.Next()
		if seen[n] || *n != (node{}) {
			t.Fatalf("node %d: reused or not zero: %+v", i, *n)
		}
		seen[n] = true
		n.id, n.n = i, i
	}
	if allocs := testing.AllocsPerRun(10, func() {
		var b Block[node]
		for range 2000 {
			b.Next()
		}
	}); allocs > 45 {
		t.Errorf("%v allocations for 2,000 nodes, want at most 45", allocs)
	}
}
