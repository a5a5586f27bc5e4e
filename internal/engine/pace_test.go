package engine

import (
	"testing"
	"time"
)

// TestRunPaceDepth: a worker holds one execution ahead until its runs are timed, all its
// slots' worth while they are quick, and one again once they are slow on average.
func TestRunPaceDepth(t *testing.T) {
	var p runPace
	if d := p.depth(4); d != 1 {
		t.Errorf("before any run: depth %d, want 1", d)
	}
	for range 3 {
		p.add(5 * time.Millisecond)
	}
	if d := p.depth(4); d != 4 {
		t.Errorf("after quick runs: depth %d, want 4", d)
	}
	for range 30 {
		p.add(2 * time.Second)
	}
	if d := p.depth(4); d != 1 {
		t.Errorf("after slow runs: depth %d, want 1", d)
	}
	if d := (&runPace{}).depth(0); d != 1 {
		t.Errorf("no slots: depth %d, want 1", d)
	}
}
