package engine_test

import (
	"context"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestAliveFollowsTheDispatcher checks the liveness signal behind /readyz: not alive before
// Run, alive while the dispatcher goes round (idle, it does every poll interval), and no
// longer alive once it has stopped.
func TestAliveFollowsTheDispatcher(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	eng := engine.New(db.DB, testConfig(t))
	within := 4 * eng.PollInterval()
	if eng.Alive(within) {
		t.Fatal("alive before Run")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = eng.Run(ctx)
	}()
	waitUntil(t, "the dispatcher's first round", func() bool { return eng.Alive(within) })
	// Idle for several poll intervals, the loop still beats.
	start := time.Now()
	waitUntil(t, "five poll intervals", func() bool { return time.Since(start) > 5*eng.PollInterval() })
	if !eng.Alive(within) {
		t.Fatal("an idle dispatcher stopped beating")
	}
	cancel()
	<-done
	waitUntil(t, "the beat to age after Run returned", func() bool { return !eng.Alive(within) })
}
