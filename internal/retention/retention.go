package retention

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/metrics"
)

// Defaults of Config.
const (
	DefaultInterval = time.Hour
	DefaultBatch    = 1000
)

// The kinds of rows the job deletes, as the metric's label and the log's keys.
const (
	kindExecutions = "executions"
	kindEmails     = "emails"
)

// Config tunes a Service.
type Config struct {
	// Days is how long ended executions and sent or failed e-mails are kept; a workflow's
	// retention_days overrides it for its executions. 0 deletes nothing.
	Days int
	// Interval is the time between passes.
	Interval time.Duration
	// Batch bounds the rows one statement (one transaction) deletes.
	Batch  int
	Logger *slog.Logger
	// Now is the clock (tests set it).
	Now func() time.Time
	// Locked, when set, is called as soon as a pass holds the lock, before it deletes
	// anything: tests hold a pass there to show that a concurrent one skips.
	Locked func()
}

// Result is what one pass did.
type Result struct {
	// Skipped is true when another pass held the lock, so this one did nothing.
	Skipped bool
	// Executions and Emails count the rows deleted (an execution's logs and step outputs
	// are not counted).
	Executions, Emails int
	// Batches counts the delete statements run; LargestBatch is the most rows one removed.
	Batches, LargestBatch int
}

func (r *Result) add(kind string, n int) {
	r.Batches++
	r.LargestBatch = max(r.LargestBatch, n)
	if kind == kindEmails {
		r.Emails += n
	} else {
		r.Executions += n
	}
	if n > 0 {
		metrics.RetentionDeleted.WithLabelValues(kind).Add(float64(n))
	}
}

// Service is the retention job.
type Service struct {
	db  *database.DB
	cfg Config
	sql statements
	log *slog.Logger
}

// New returns the retention job over db.
func New(db *database.DB, cfg Config) *Service {
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.Batch <= 0 {
		cfg.Batch = DefaultBatch
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{db: db, cfg: cfg, sql: statementsFor(db.Dialect), log: cfg.Logger.With("component", "retention")}
}

// Run makes a pass at once and then every interval until ctx is cancelled. With Days 0 it
// returns at once.
func (s *Service) Run(ctx context.Context) {
	if s.cfg.Days <= 0 {
		s.log.Info("retention is off (RETENTION_DAYS=0): executions and e-mails are kept forever")
		return
	}
	t := time.NewTicker(s.cfg.Interval)
	defer t.Stop()
	for {
		s.pass(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// pass makes one pass and reports it in the log and the metrics.
func (s *Service) pass(ctx context.Context) {
	start := time.Now()
	res, err := s.Pass(ctx)
	switch {
	case err != nil && ctx.Err() != nil:
		// Stopping: the batches done are committed, the rest waits for the next start.
		if res.Executions+res.Emails > 0 {
			s.log.Info("retention: deleted", "executions", res.Executions, "emails", res.Emails,
				"batches", res.Batches, "interrupted", true)
		}
	case err != nil:
		metrics.RetentionPasses.WithLabelValues("failed").Inc()
		s.log.Error("retention pass failed", "error", err, "executions", res.Executions, "emails", res.Emails)
	case res.Skipped:
		metrics.RetentionPasses.WithLabelValues("skipped").Inc()
		s.log.Debug("retention pass skipped: another replica is running it")
	default:
		metrics.RetentionPasses.WithLabelValues("ran").Inc()
		s.log.Info("retention: deleted", "executions", res.Executions, "emails", res.Emails,
			"batches", res.Batches, "duration", time.Since(start).Round(time.Millisecond))
	}
}

// Pass deletes what has expired, in batches, unless another pass holds the lock (then
// Result.Skipped is true). On error, Result counts what was deleted before it.
func (s *Service) Pass(ctx context.Context) (Result, error) {
	if s.cfg.Days <= 0 {
		return Result{}, nil
	}
	release, ok, err := acquire(ctx, s.db)
	if err != nil {
		return Result{}, err
	}
	if !ok {
		return Result{Skipped: true}, nil
	}
	defer release()
	if s.cfg.Locked != nil {
		s.cfg.Locked()
	}
	now := s.cfg.Now()
	var res Result
	if err := s.deleteExecutions(ctx, now, &res); err != nil {
		return res, err
	}
	if err := s.deleteEmails(ctx, now, &res); err != nil {
		return res, err
	}
	return res, nil
}

// String describes the settings for the start-up log.
func (s *Service) String() string {
	return fmt.Sprintf("keep %d days, every %s, %d rows per batch", s.cfg.Days, s.cfg.Interval, s.cfg.Batch)
}
