package testsupport

import (
	"context"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/changes"
)

// StartLive captures db's changes onto opts.Bus (a fresh in-process bus when nil) and runs
// a hub on it until the test ends.
func StartLive(t testing.TB, db *DB, opts LiveOptions) *changes.Hub {
	t.Helper()
	bus := opts.Bus
	if bus == nil {
		bus = changes.NewLocalBus()
	}
	ctx, cancel := context.WithCancel(context.Background())
	pub := changes.NewPublisher(bus, nil)
	changes.Capture(db.Client, pub)
	hub := changes.NewHub(db.Client, opts.Hub)
	done := make(chan struct{}, 2)
	go func() { pub.Run(ctx); done <- struct{}{} }()
	go func() { hub.Run(ctx, bus); done <- struct{}{} }()
	t.Cleanup(func() {
		cancel()
		<-done
		<-done
	})
	// The hub sweeps once it listens: from then on no event is missed.
	waitCtx, cancelWait := context.WithTimeout(ctx, 30*time.Second)
	defer cancelWait()
	if err := hub.WaitSweeps(waitCtx, 1); err != nil {
		t.Fatal("testsupport: the hub did not start listening")
	}
	return hub
}
