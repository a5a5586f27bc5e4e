package engine

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/netguard"
)

// Defaults of Config.
const (
	DefaultWorkers          = 4
	DefaultPollInterval     = time.Second
	DefaultLeaseDuration    = 30 * time.Second
	DefaultExecutionTimeout = time.Hour
	DefaultShutdownTimeout  = 15 * time.Second
)

// Config tunes an Engine. Zero values take the defaults.
type Config struct {
	// Workers is how many executions the process runs at once.
	Workers int
	// PollInterval is how often idle workers look for due executions without a notification.
	PollInterval time.Duration
	// LeaseDuration is how long a claim lasts without renewal; a crashed worker's executions
	// are reclaimed after it.
	LeaseDuration time.Duration
	// ExecutionTimeout bounds an execution from its start to its end, not counting time spent
	// sleeping in DELAY steps; past it the execution fails.
	ExecutionTimeout time.Duration
	// ShutdownTimeout bounds how long running steps may take to finish once Run's context is
	// cancelled.
	ShutdownTimeout time.Duration
	// LoopLimit is the deepest causation depth at which executions start (events.DefaultLoopLimit
	// when zero).
	LoopLimit int
	// Owner names this process in leases; by default host name, process id and a random suffix.
	Owner string
	// Webhooks sends SEND_WEBHOOK requests. Nil means public addresses only, unsigned, with
	// delivery's default timeout.
	Webhooks *delivery.WebhookSender
	// MessageIDDomain is the domain of outgoing Message-IDs.
	MessageIDDomain string
	// MaxStepRuns bounds the steps one run of an execution may run, loop items' steps
	// included (DefaultMaxStepRuns when zero).
	MaxStepRuns int
	// Logger receives structured logs; nil means slog.Default().
	Logger *slog.Logger
	// Now is the engine's clock; nil means database.Now. Tests set a fake one.
	Now func() time.Time
}

// withDefaults fills in unset fields.
func (c Config) withDefaults() Config {
	if c.Workers <= 0 {
		c.Workers = DefaultWorkers
	}
	if c.MaxStepRuns <= 0 {
		c.MaxStepRuns = DefaultMaxStepRuns
	}
	if c.PollInterval <= 0 {
		c.PollInterval = DefaultPollInterval
	}
	if c.LeaseDuration <= 0 {
		c.LeaseDuration = DefaultLeaseDuration
	}
	if c.ExecutionTimeout <= 0 {
		c.ExecutionTimeout = DefaultExecutionTimeout
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = DefaultShutdownTimeout
	}
	if c.LoopLimit <= 0 {
		c.LoopLimit = events.DefaultLoopLimit
	}
	if c.Owner == "" {
		c.Owner = defaultOwner()
	}
	if c.Webhooks == nil {
		c.Webhooks = &delivery.WebhookSender{Client: netguard.Policy{}.Client(delivery.DefaultWebhookTimeout)}
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// defaultOwner names the process: host, pid and a random suffix, so two engines in one
// process (tests) are still told apart.
func defaultOwner() string {
	host, err := os.Hostname()
	if err != nil {
		host = "unknown"
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}
