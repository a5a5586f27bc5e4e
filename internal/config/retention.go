package config

import (
	"fmt"
	"time"

	"github.com/flowline/flowline/ent/schema"
)

// Retention is when ended executions and delivered e-mails are deleted.
type Retention struct {
	// Days is how long ended executions (with their logs) and sent or failed e-mails are
	// kept; a workflow's retentionDays overrides it for its executions. 0 turns the retention
	// job off: nothing is ever deleted, whatever the workflows say.
	Days int
	// Interval is how often the job runs (on one replica at a time).
	Interval time.Duration
	// Batch is how many rows one delete statement (one short transaction) removes.
	Batch int
}

// Bounds of the retention settings. A pass more often than every minute would only add load;
// a batch above 10000 would hold its locks (and SQLite's single writer) too long.
const (
	minRetentionInterval = time.Minute
	maxRetentionBatch    = 10000
)

// retentionSettings are the retention job's knobs, documented after the engine's.
var retentionSettings = []Setting{
	{"retention-days", "RETENTION_DAYS", "30", "days ended executions (with their logs and step outputs) and sent or failed e-mails are kept (1 to 3650); a workflow's retentionDays overrides it; 0 = keep everything"},
	{"retention-interval", "RETENTION_INTERVAL", "1h", "how often the retention job runs (at least 1m), on one replica at a time"},
	{"retention-batch", "RETENTION_BATCH", "1000", "rows the retention job deletes per statement and transaction (1 to 10000)"},
}

// loadRetention parses the retention job's settings from the flag values.
func loadRetention(vals map[string]*string) (Retention, error) {
	var r Retention
	var err error
	// 0 is off; a workflow's retention starts at schema.MinRetentionDays, which is 1.
	if r.Days, err = intSetting(vals, "retention-days", 0, schema.MaxRetentionDays); err != nil {
		return Retention{}, fmt.Errorf("%w (0 keeps everything)", err)
	}
	if r.Interval, err = durationSetting(vals, "retention-interval"); err != nil {
		return Retention{}, err
	}
	if r.Interval < minRetentionInterval {
		return Retention{}, fmt.Errorf("retention-interval must be at least %s, got %s", minRetentionInterval, r.Interval)
	}
	if r.Batch, err = intSetting(vals, "retention-batch", 1, maxRetentionBatch); err != nil {
		return Retention{}, err
	}
	return r, nil
}
