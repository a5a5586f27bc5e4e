package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/mail"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/flowline/flowline/internal/action/sendemail"
	"github.com/flowline/flowline/internal/config"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/netguard"
	"github.com/flowline/flowline/internal/outbox"
	"github.com/flowline/flowline/internal/retention"
	"github.com/flowline/flowline/internal/scheduler"
)

// startWorker starts the worker role: the execution engine, the scheduler of SCHEDULED
// workflows, the retention job and, when SMTP is configured, the e-mail sender. The returned channel is closed
// when they have stopped after ctx ends.
func startWorker(ctx context.Context, db *database.DB, cfg config.Config, logger *slog.Logger) (<-chan struct{}, *engine.Engine, error) {
	ec := cfg.Engine
	webhooks := &delivery.WebhookSender{
		Client:        netguard.Policy{Allow: ec.WebhookAllowList}.Client(ec.WebhookTimeout),
		SigningSecret: []byte(ec.WebhookSigningSecret),
	}
	if ec.WebhookSigningSecret == "" {
		logger.Warn("WEBHOOK_SIGNING_SECRET is not set: outgoing webhooks are sent unsigned")
	}
	eng := engine.New(db, engine.Config{
		Workers:          ec.Workers,
		PollInterval:     ec.PollInterval,
		LeaseDuration:    ec.LeaseDuration,
		ExecutionTimeout: ec.ExecutionTimeout,
		ShutdownTimeout:  cfg.ShutdownTimeout,
		LoopLimit:        ec.LoopLimit,
		Webhooks:         webhooks,
		MessageIDDomain:  messageIDDomain(ec.SMTPURL),
		Logger:           logger,
	})
	var m *outbox.Mailer
	if ec.SMTPURL != "" {
		sender, err := delivery.NewSMTPSender(ec.SMTPURL)
		if err != nil {
			return nil, nil, fmt.Errorf("smtp-url: %w", err)
		}
		m = outbox.New(db, outbox.Config{Sender: sender, PollInterval: ec.PollInterval, Logger: logger})
		logger.Info("e-mail sender ready", "smtp", sender.String())
	} else {
		logger.Warn("SMTP_URL is not set: e-mails stay QUEUED in the outbox")
	}

	sched := scheduler.New(db, scheduler.Config{Logger: logger, Notify: eng.Wake})
	ret := retention.New(db, retention.Config{
		Days:     cfg.Retention.Days,
		Interval: cfg.Retention.Interval,
		Batch:    cfg.Retention.Batch,
		Logger:   logger,
	})
	if cfg.Retention.Days > 0 {
		logger.Info("retention job ready", "settings", ret.String())
	}

	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		_ = eng.Run(ctx)
	}()
	go func() {
		defer wg.Done()
		sched.Run(ctx)
	}()
	go func() {
		defer wg.Done()
		ret.Run(ctx)
	}()
	if m != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := m.Run(ctx); err != nil {
				logger.Error("e-mail sender stopped", "error", err)
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	return done, eng, nil
}

// workerReady is the worker's part of /readyz: its dispatcher went round its loop within a
// few poll intervals (nil when this process runs no worker).
func workerReady(eng *engine.Engine) func() error {
	if eng == nil {
		return nil
	}
	return func() error {
		if !eng.Alive(3*eng.PollInterval() + 5*time.Second) {
			return errors.New("the worker loop has stalled")
		}
		return nil
	}
}

// messageIDDomain takes the domain of the SMTP URL's from address, so Message-IDs look like
// the sender's own; it falls back to sendemail.DefaultMessageIDDomain.
func messageIDDomain(smtpURL string) string {
	u, err := url.Parse(smtpURL)
	if err != nil || smtpURL == "" {
		return sendemail.DefaultMessageIDDomain
	}
	addr, err := mail.ParseAddress(u.Query().Get("from"))
	if err != nil {
		return sendemail.DefaultMessageIDDomain
	}
	if _, domain, ok := strings.Cut(addr.Address, "@"); ok && domain != "" {
		return domain
	}
	return sendemail.DefaultMessageIDDomain
}
