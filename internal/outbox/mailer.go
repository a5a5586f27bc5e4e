package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/metrics"

	"github.com/flowline/flowline/ent/email"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Sender delivers one message; delivery.SMTPSender is the production implementation.
type Sender interface {
	Send(ctx context.Context, m delivery.Message) error
}

// Defaults of Config.
const (
	DefaultPollInterval = time.Second
	DefaultMaxAttempts  = 5
	DefaultSendLease    = 2 * time.Minute
)

// DefaultBackoff spaces delivery retries: 30 s doubling up to 30 min, with jitter.
var DefaultBackoff = spec.RetryPolicy{InitialBackoff: "30s", MaxBackoff: "30m"}

// Config tunes a Mailer. Zero values take the defaults.
type Config struct {
	// Sender delivers messages. Required.
	Sender Sender
	// PollInterval is how often the outbox is checked.
	PollInterval time.Duration
	// MaxAttempts is how many tries a message gets before it is FAILED.
	MaxAttempts int
	// Backoff spaces the tries.
	Backoff spec.RetryPolicy
	// SendLease is how long a claimed message stays SENDING before another sender may take it.
	SendLease time.Duration
	// Logger receives structured logs; nil means slog.Default().
	Logger *slog.Logger
}

// Mailer delivers the outbox.
type Mailer struct {
	db  *database.DB
	cfg Config
	log *slog.Logger
}

// New returns a mailer over db.
func New(db *database.DB, cfg Config) *Mailer {
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = DefaultPollInterval
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.Backoff == (spec.RetryPolicy{}) {
		cfg.Backoff = DefaultBackoff
	}
	if cfg.SendLease <= 0 {
		cfg.SendLease = DefaultSendLease
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Mailer{db: db, cfg: cfg, log: cfg.Logger.With("component", "outbox")}
}

// Run delivers due messages until ctx is cancelled. A message being sent when ctx is
// cancelled is finished (bounded by the sender's own timeout).
func (m *Mailer) Run(ctx context.Context) error {
	if m.cfg.Sender == nil {
		return errors.New("mailer: no sender configured")
	}
	// Delivering the outbox belongs to no user (authz.ReasonEngineBookkeeping).
	ctx = authz.System(ctx, authz.ReasonEngineBookkeeping)
	// Abandoned messages are rare; look for them a few times per lease, not every poll.
	reaper := make(chan struct{})
	go func() {
		defer close(reaper)
		database.Reap(ctx, m.cfg.SendLease/4, m.requeueAbandoned, func(n int) {
			m.log.Warn("requeued emails abandoned while sending", "count", n)
		}, func(err error) {
			m.log.Error("requeue abandoned messages", "error", err)
		})
	}()
	defer func() { <-reaper }()
	t := time.NewTicker(m.cfg.PollInterval)
	defer t.Stop()
	for {
		for ctx.Err() == nil {
			sent, err := m.deliverOne(ctx)
			if err != nil && ctx.Err() == nil {
				m.log.Error("deliver email", "error", err)
			}
			if !sent {
				break
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// deliverOne claims one due message and tries to send it. It reports whether it found one.
func (m *Mailer) deliverOne(ctx context.Context) (bool, error) {
	c, err := m.claim(ctx)
	if err != nil || c == nil {
		return false, err
	}
	msg, err := m.db.Client.Email.Get(ctx, c.id)
	if err != nil {
		return true, fmt.Errorf("load email %s: %w", c.id, err)
	}
	sendErr := m.cfg.Sender.Send(context.WithoutCancel(ctx), delivery.Message{
		To: msg.To, Cc: msg.Cc, Subject: msg.Subject, Body: msg.Body, MessageID: msg.MessageID,
	})
	return true, m.record(context.WithoutCancel(ctx), c, sendErr)
}

// record writes the outcome of one try, fenced on the claim: SENT, QUEUED again after a
// backoff, or FAILED when the error is permanent or the tries are used up.
func (m *Mailer) record(ctx context.Context, c *claim, sendErr error) error {
	now := database.Now()
	u := m.db.Client.Email.Update().Where(
		email.ID(c.id), email.StatusEQ(email.StatusSENDING), email.Attempts(c.attempts),
	)
	log := m.log.With("email_id", c.id, "attempt", c.attempts)
	switch {
	case sendErr == nil:
		u.SetStatus(email.StatusSENT).SetSentAt(now).ClearLastError()
		metrics.Emails.WithLabelValues("sent").Inc()
		log.Info("email sent")
	case delivery.IsPermanent(sendErr) || c.attempts >= m.cfg.MaxAttempts:
		u.SetStatus(email.StatusFAILED).SetLastError(sendErr.Error())
		metrics.Emails.WithLabelValues("failed").Inc()
		log.Warn("email failed", "error", sendErr)
	default:
		wait := m.cfg.Backoff.Backoff(c.attempts, rand.Float64)
		u.SetStatus(email.StatusQUEUED).SetLastError(sendErr.Error()).SetNextAttemptAt(now.Add(wait))
		metrics.Emails.WithLabelValues("retry").Inc()
		log.Info("email not sent; will retry", "in", wait.String(), "error", sendErr)
	}
	n, err := u.Save(ctx)
	if err != nil {
		return fmt.Errorf("record delivery of email %s: %w", c.id, err)
	}
	if n == 0 {
		log.Warn("email claim lost before its outcome was recorded")
	}
	return nil
}

// requeueAbandoned puts back messages whose sender died while SENDING (their lease passed).
func (m *Mailer) requeueAbandoned(ctx context.Context, now time.Time) (int, error) {
	n, err := m.db.Client.Email.Update().
		Where(email.StatusEQ(email.StatusSENDING), email.NextAttemptAtLT(now)).
		SetStatus(email.StatusQUEUED).
		SetNextAttemptAt(now).
		Save(ctx)
	if err != nil {
		return 0, fmt.Errorf("requeue abandoned emails: %w", err)
	}
	return n, nil
}
