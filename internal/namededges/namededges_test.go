package namededges_test

import (
	"testing"

	"github.com/flowline/flowline/internal/namededges"
)

// TestPages: a page is missing until set or appended to, (re)started empty (not missing)
// when appended with nothing, and each name keeps its own nodes.
func TestPages(t *testing.T) {
	a, b := new(int), new(int)
	var p namededges.Pages[int]
	if _, ok := p.Get("logs"); ok {
		t.Fatal("a page before any was loaded")
	}
	p.Append("logs")
	if nodes, ok := p.Get("logs"); !ok || nodes == nil || len(nodes) != 0 {
		t.Fatalf("appending nothing: %v, %v; want an empty page", nodes, ok)
	}
	p.Append("logs", a)
	p.Append("logs", b)
	p.Set("recent", []*int{b})
	if nodes, _ := p.Get("logs"); len(nodes) != 2 || nodes[0] != a || nodes[1] != b {
		t.Fatalf("logs: %v, want [a b]", nodes)
	}
	if nodes, _ := p.Get("recent"); len(nodes) != 1 || nodes[0] != b {
		t.Fatalf("recent: %v, want [b]", nodes)
	}
	if allocs := testing.AllocsPerRun(100, func() {
		var p namededges.Pages[int]
		p.Set("logs", make([]*int, 0, 2)[:0:2])
		p.Append("logs", a, b)
	}); allocs > 2 {
		t.Errorf("%v allocations for one named page, want at most 2", allocs)
	}
}
