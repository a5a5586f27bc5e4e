package loadtest_test

import (
	"os"
	"testing"

	"github.com/flowline/flowline/internal/app"
)

// TestMain lets the suite's smoke test run this test binary as the Flowline server: with
// FLOWLINE_BENCH_CHILD=1 it is the flowline command (serve, migrate, user create), exactly
// as server.go's main would be.
func TestMain(m *testing.M) {
	if os.Getenv("FLOWLINE_BENCH_CHILD") == "1" {
		os.Exit(app.Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
