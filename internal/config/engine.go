package config

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/flowline/flowline/internal/netguard"
)

// Engine is the execution engine's part of the configuration, and which roles the process
// plays.
type Engine struct {
	// API serves HTTP (GraphQL, playground, incoming webhooks).
	API bool
	// Worker runs the execution engine, the scheduler, the retention job and, with SMTPURL
	// set, the e-mail sender.
	Worker bool
	// Workers is how many executions one process runs at once.
	Workers int
	// PollInterval is how often idle workers look for due executions (notifications wake them
	// sooner on PostgreSQL).
	PollInterval time.Duration
	// LeaseDuration is how long a claimed execution stays with a worker that stopped renewing.
	LeaseDuration time.Duration
	// ExecutionTimeout fails an execution that runs longer (DELAY time not counted).
	ExecutionTimeout time.Duration
	// LoopLimit is the deepest causation depth at which executions still start.
	LoopLimit int
	// SMTPURL configures outgoing mail; empty keeps messages QUEUED in the outbox.
	SMTPURL string
	// WebhookAllowList lists private, loopback or link-local prefixes that SEND_WEBHOOK may
	// reach anyway.
	WebhookAllowList []netip.Prefix
	// WebhookSigningSecret keys the X-Flowline-Signature HMAC of outgoing webhooks; empty
	// sends them unsigned.
	WebhookSigningSecret string
	// WebhookTimeout bounds one outgoing webhook call.
	WebhookTimeout time.Duration
}

// engineSettings are the engine's knobs, documented after the general ones.
var engineSettings = []Setting{
	{"roles", "ROLES", "api,worker", "comma-separated roles of this process: api (HTTP) and/or worker (execution engine, scheduler, retention job and e-mail sender)"},
	{"workers", "WORKERS", "4", "executions one worker process runs at once"},
	{"poll-interval", "POLL_INTERVAL", "1s", "how often idle workers look for due executions; PostgreSQL notifications wake them sooner"},
	{"lease-duration", "LEASE_DURATION", "30s", "how long a claimed execution stays with a worker that stopped renewing its lease (crashed); then another worker resumes it"},
	{"execution-timeout", "EXECUTION_TIMEOUT", "1h", "an execution running longer than this (time asleep in DELAY steps not counted) fails"},
	{"loop-limit", "LOOP_LIMIT", "5", "deepest causation depth at which executions start; deeper ones are recorded FAILED with \"loop limit reached\""},
	{"smtp-url", "SMTP_URL", "", "outgoing mail server, smtp://user:pass@host:port?from=flowline@example.com (smtps:// for implicit TLS); empty = e-mails stay QUEUED"},
	{"webhook-allow-list", "WEBHOOK_ALLOW_LIST", "", "comma-separated CIDRs that SEND_WEBHOOK may reach although private, loopback or link-local (e.g. 10.0.0.0/8)"},
	{"webhook-signing-secret", "WEBHOOK_SIGNING_SECRET", "", "HMAC-SHA256 key of the X-Flowline-Signature header on outgoing webhooks; empty = unsigned (prefer the environment variable for secrets)"},
	{"webhook-timeout", "WEBHOOK_TIMEOUT", "10s", "time limit of one outgoing webhook call"},
}

// loadEngine parses the engine's settings from the flag values.
func loadEngine(vals map[string]*string) (Engine, error) {
	var e Engine
	for _, role := range strings.Split(*vals["roles"], ",") {
		switch strings.TrimSpace(strings.ToLower(role)) {
		case "api":
			e.API = true
		case "worker":
			e.Worker = true
		case "":
		default:
			return Engine{}, fmt.Errorf("roles: unknown role %q (api, worker)", role)
		}
	}
	if !e.API && !e.Worker {
		return Engine{}, fmt.Errorf("roles must name at least one of api and worker, got %q", *vals["roles"])
	}
	var err error
	if e.Workers, err = intSetting(vals, "workers", 1, 1000); err != nil {
		return Engine{}, err
	}
	if e.LoopLimit, err = intSetting(vals, "loop-limit", 1, 100); err != nil {
		return Engine{}, err
	}
	for _, d := range []struct {
		name string
		dst  *time.Duration
	}{
		{"poll-interval", &e.PollInterval},
		{"lease-duration", &e.LeaseDuration},
		{"execution-timeout", &e.ExecutionTimeout},
		{"webhook-timeout", &e.WebhookTimeout},
	} {
		if *d.dst, err = durationSetting(vals, d.name); err != nil {
			return Engine{}, err
		}
	}
	if e.LeaseDuration < 300*time.Millisecond {
		return Engine{}, fmt.Errorf("lease-duration must be at least 300ms, got %s", e.LeaseDuration)
	}
	if e.WebhookAllowList, err = netguard.ParseAllowList(*vals["webhook-allow-list"]); err != nil {
		return Engine{}, fmt.Errorf("webhook-allow-list: %w", err)
	}
	e.SMTPURL = *vals["smtp-url"]
	e.WebhookSigningSecret = *vals["webhook-signing-secret"]
	return e, nil
}

// intSetting parses a whole number within [lo, hi].
func intSetting(vals map[string]*string, name string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(*vals[name])
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s must be a whole number from %d to %d, got %q", name, lo, hi, *vals[name])
	}
	return n, nil
}

// durationSetting parses a positive Go duration.
func durationSetting(vals map[string]*string, name string) (time.Duration, error) {
	d, err := time.ParseDuration(*vals[name])
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%s must be a positive duration like 1s, got %q", name, *vals[name])
	}
	return d, nil
}
