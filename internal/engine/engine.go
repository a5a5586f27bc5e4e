package engine

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flowline/flowline/internal/authz"

	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/events"
)

// Engine claims and runs workflow executions. Create it with New and start it with Run.
type Engine struct {
	db     *database.DB
	cfg    Config
	raiser events.Raiser
	log    *slog.Logger
	// wake nudges the dispatcher to claim now (a notification arrived, a lease was reaped).
	wake chan struct{}
	// claims counts claims and gatedSeen is set while gated executions wait (flowcontrol.go).
	claims    atomic.Uint64
	gatedSeen atomic.Bool
	// beat is when the dispatcher last went round its loop (Unix nanoseconds); see Alive.
	beat atomic.Int64
	// userCtx carries Run's values without the system privileges of the engine's own
	// bookkeeping: steps' effects run under it, as the workflow's creator.
	userCtx context.Context
	// ended is told of every run that ended (completed or failed). Only the package's tests
	// set it (export_test.go): benchmarks wait on it instead of polling the database.
	ended func()
}

// New returns an engine over db.
func New(db *database.DB, cfg Config) *Engine {
	cfg = cfg.withDefaults()
	return &Engine{
		db:     db,
		cfg:    cfg,
		raiser: events.Raiser{Dialect: db.Dialect, LoopLimit: cfg.LoopLimit, Logger: cfg.Logger},
		log:    cfg.Logger.With("component", "engine", "owner", cfg.Owner),
		wake:   make(chan struct{}, 1),
	}
}

// Alive reports whether the dispatcher went round its loop within the last d: it does at
// least every poll interval while it runs, busy or idle.
func (e *Engine) Alive(d time.Duration) bool {
	last := e.beat.Load()
	return last != 0 && time.Since(time.Unix(0, last)) <= d
}

// PollInterval is the dispatcher's longest wait between two rounds of its loop.
func (e *Engine) PollInterval() time.Duration { return e.cfg.PollInterval }

// Wake makes the dispatcher look for due executions now instead of at its next poll.
func (e *Engine) Wake() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// Run claims and runs executions until ctx is cancelled, then stops gracefully: it claims no
// more, lets running steps finish within the shutdown timeout (then interrupts them), and
// returns the leases it still holds so other workers can resume those executions at once.
// It returns when every worker has stopped.
func (e *Engine) Run(ctx context.Context) error {
	// Claims, leases, fenced updates and step logs are the engine's own bookkeeping and run as
	// the system; a step's effects run as the workflow's creator (see asCreator).
	e.userCtx = context.WithoutCancel(ctx)
	ctx = authz.System(ctx, authz.ReasonEngineBookkeeping)
	// Steps run under work, which outlives ctx by at most the shutdown timeout.
	work, interrupt := context.WithCancel(context.WithoutCancel(ctx))
	defer interrupt()

	var background sync.WaitGroup
	background.Add(1)
	go func() {
		defer background.Done()
		e.listen(ctx)
	}()
	background.Add(1)
	go func() {
		defer background.Done()
		e.reap(ctx)
	}()
	e.log.Info("engine started", "workers", e.cfg.Workers, "dialect", e.db.Dialect,
		"poll_interval", e.cfg.PollInterval.String(), "lease_duration", e.cfg.LeaseDuration.String())

	var running sync.WaitGroup
	e.dispatch(ctx, work, &running)

	e.log.Info("engine stopping: waiting for running steps", "timeout", e.cfg.ShutdownTimeout.String())
	done := make(chan struct{})
	go func() {
		running.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(e.cfg.ShutdownTimeout):
		e.log.Warn("shutdown timeout: interrupting running steps")
		interrupt()
		<-done
	}
	background.Wait()
	e.log.Info("engine stopped")
	return nil
}
