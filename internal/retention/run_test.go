package retention_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/flowline/flowline/ent/email"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/metrics"
	"github.com/flowline/flowline/internal/retention"
	"github.com/flowline/flowline/internal/testsupport"
)

// records is a slog handler that hands each record to the test.
type records chan slog.Record

func (r records) Enabled(context.Context, slog.Level) bool { return true }
func (r records) Handle(_ context.Context, rec slog.Record) error {
	r <- rec
	return nil
}
func (r records) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r records) WithGroup(string) slog.Handler      { return r }

// TestRunLogsAndCountsEachPass: a running job's pass logs "retention: deleted" at INFO with
// the counts and adds them to flowline_retention_deleted_total. Not parallel: the counters
// are the process's, so no other pass may run meanwhile.
func TestRunLogsAndCountsEachPass(t *testing.T) {
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		s := newSeeder(t, db)
		wf := s.workflow("wf", nil)
		s.execution(wf, workflowexecution.StatusCOMPLETED, daysAgo(31))
		s.execution(wf, workflowexecution.StatusFAILED, daysAgo(31))
		s.email(email.StatusSENT, daysAgo(31))
		execsBefore := testutil.ToFloat64(metrics.RetentionDeleted.WithLabelValues("executions"))
		emailsBefore := testutil.ToFloat64(metrics.RetentionDeleted.WithLabelValues("emails"))
		ranBefore := testutil.ToFloat64(metrics.RetentionPasses.WithLabelValues("ran"))

		logs := make(records, 16)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			defer close(done)
			retention.New(db.DB, retention.Config{Days: 30, Interval: time.Hour, Now: clock, Logger: slog.New(logs)}).Run(ctx)
		}()
		defer func() {
			cancel()
			<-done
		}()
		// The first pass runs at once and logs one line, whatever its outcome.
		rec := <-logs
		attrs := map[string]any{}
		rec.Attrs(func(a slog.Attr) bool {
			attrs[a.Key] = a.Value.Any()
			return true
		})
		if rec.Level != slog.LevelInfo || rec.Message != "retention: deleted" || attrs["executions"] != int64(2) || attrs["emails"] != int64(1) {
			t.Fatalf("log line %s %q %v, want INFO \"retention: deleted\" with executions=2 emails=1", rec.Level, rec.Message, attrs)
		}
		if d := testutil.ToFloat64(metrics.RetentionDeleted.WithLabelValues("executions")) - execsBefore; d != 2 {
			t.Errorf("flowline_retention_deleted_total{kind=executions} went up by %v, want 2", d)
		}
		if d := testutil.ToFloat64(metrics.RetentionDeleted.WithLabelValues("emails")) - emailsBefore; d != 1 {
			t.Errorf("flowline_retention_deleted_total{kind=emails} went up by %v, want 1", d)
		}
		if d := testutil.ToFloat64(metrics.RetentionPasses.WithLabelValues("ran")) - ranBefore; d != 1 {
			t.Errorf("flowline_retention_passes_total{outcome=ran} went up by %v, want 1", d)
		}
	})
}
