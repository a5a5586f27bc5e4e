package engine_test

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/flowline/flowline/internal/metrics"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// TestEngineMetrics: a run is counted as claimed, started and finished, and its step's
// duration is observed under its action type. (Other tests run engines at the same time, so
// counters are compared as at least one more.)
func TestEngineMetrics(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		claims, started := testutil.ToFloat64(metrics.Claims), testutil.ToFloat64(metrics.ExecutionsStarted)
		completed := testutil.ToFloat64(metrics.ExecutionsFinished.WithLabelValues("COMPLETED"))
		steps := testutil.CollectAndCount(metrics.StepSeconds)
		a, wf, ada := manualRun(t, db, testConfig(t), spec.Action{Type: spec.ActionLogActivity, Config: map[string]any{"message": "hi"}})
		a.waitStatus(a.trigger(wf, ada, nil), "COMPLETED")
		if testutil.ToFloat64(metrics.Claims) <= claims || testutil.ToFloat64(metrics.ExecutionsStarted) <= started ||
			testutil.ToFloat64(metrics.ExecutionsFinished.WithLabelValues("COMPLETED")) <= completed {
			t.Errorf("claims %v -> %v, started %v -> %v, completed %v -> %v", claims, testutil.ToFloat64(metrics.Claims),
				started, testutil.ToFloat64(metrics.ExecutionsStarted), completed, testutil.ToFloat64(metrics.ExecutionsFinished.WithLabelValues("COMPLETED")))
		}
		if testutil.CollectAndCount(metrics.StepSeconds) < max(steps, 1) {
			t.Errorf("no step duration series")
		}
	})
}
