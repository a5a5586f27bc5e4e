package app

import (
	"runtime/debug"
	"testing"
)

func TestTuneGCDefaultsTo200(t *testing.T) {
	t.Setenv("GOGC", "")
	prev := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(prev) })
	tuneGC()
	if got := debug.SetGCPercent(100); got != serverGCPercent {
		t.Fatalf("GC percent %d without GOGC, want %d", got, serverGCPercent)
	}
}

func TestTuneGCLeavesGOGCAlone(t *testing.T) {
	t.Setenv("GOGC", "77")
	prev := debug.SetGCPercent(77) // what the runtime would have read from GOGC at start-up
	t.Cleanup(func() { debug.SetGCPercent(prev) })
	tuneGC()
	if got := debug.SetGCPercent(prev); got != 77 {
		t.Fatalf("GC percent %d with GOGC=77, want 77", got)
	}
}
