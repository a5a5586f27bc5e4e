package action

import (
	"time"

	"github.com/flowline/flowline/internal/workflow"
)

// WakeTime returns when a DELAY that starts at now ends: now plus its duration, or its
// until time (which may already have passed).
func WakeTime(now time.Time, cfg workflow.DelayConfig) time.Time {
	if !cfg.Until.IsZero() {
		return cfg.Until.UTC()
	}
	return now.Add(cfg.Duration)
}
