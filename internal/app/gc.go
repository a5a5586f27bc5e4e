package app

import (
	"os"
	"runtime/debug"
)

// serverGCPercent is the garbage collector's target for the server when GOGC is not set.
// A large answer allocates a few MB that die with the request, so at Go's default of 100 the
// collector runs every few requests. An interleaved A/B of the 20×10×10 read at 16 clients
// (BENCHMARKS.md, 2026-12-03) measured 0.75–0.8× the CPU per request at 200, with peak RSS
// 105–117 MiB against 87–89; 400 saved no more CPU and reached 184 MiB.
const serverGCPercent = 200

// tuneGC applies serverGCPercent unless the operator chose GOGC (Go's runtime has read it).
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(serverGCPercent)
}
