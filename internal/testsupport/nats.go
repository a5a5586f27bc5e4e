package testsupport

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"testing"
	"time"
)

// DefaultNATSURL is where tests look for NATS when TEST_NATS_URL is unset.
const DefaultNATSURL = "nats://127.0.0.1:4222"

// NATSURL returns a NATS bus URL with a subject of the test's own, so parallel tests never
// see each other's events. Like RequirePostgres, it fails in CI and skips (loudly) elsewhere
// when the server is unreachable.
func NATSURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("TEST_NATS_URL")
	if base == "" {
		base = DefaultNATSURL
	}
	conn, err := net.DialTimeout("tcp", base[len("nats://"):], 2*time.Second)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("testsupport: NATS is required in CI but unreachable at %s: %v", base, err)
		}
		fmt.Fprintf(os.Stderr, "\n!!! NATS unreachable at %s: NATS tests are SKIPPED (set CI=true to fail) !!!\n\n", base)
		t.Skipf("NATS unreachable at %s", base)
	}
	_ = conn.Close()
	var b [6]byte
	_, _ = rand.Read(b[:])
	return base + "?subject=flowline.test." + hex.EncodeToString(b[:])
}
