package stats

import (
	"fmt"
	"time"
)

// Bucket is the width of one point of a time series.
type Bucket string

// The bucket widths. Buckets are UTC; a week starts on Monday (ISO 8601).
const (
	Hour Bucket = "HOUR"
	Day  Bucket = "DAY"
	Week Bucket = "WEEK"
)

// Bounds of a window. They keep the cost of one dashboard request bounded whatever the
// history: the statements read at most a year of executions and answer at most MaxBuckets
// points.
const (
	MaxWindow  = 366 * 24 * time.Hour
	MaxBuckets = 1000
)

// Window is the period [Since, Until) that statistics cover, and the series' bucket.
type Window struct {
	Since, Until time.Time
	Bucket       Bucket
}

// ArgError is a window the caller must fix; Arg names the argument at fault.
type ArgError struct {
	Arg string
	Msg string
}

func (e *ArgError) Error() string { return e.Arg + ": " + e.Msg }

// Check refuses an empty, reversed or too wide window, an unknown bucket, and a window that
// would need more than MaxBuckets points.
func (w Window) Check() *ArgError {
	width, ok := bucketWidth(w.Bucket)
	switch {
	case !ok:
		return &ArgError{Arg: "bucket", Msg: fmt.Sprintf("unknown bucket %q", w.Bucket)}
	case !w.Since.Before(w.Until):
		return &ArgError{Arg: "until", Msg: "until must be later than since"}
	case w.Until.Sub(w.Since) > MaxWindow:
		return &ArgError{Arg: "until", Msg: fmt.Sprintf("the window is at most %d days wide", int(MaxWindow/(24*time.Hour)))}
	}
	if n := (w.Until.Sub(truncate(w.Since, w.Bucket)) + width - 1) / width; n > MaxBuckets {
		return &ArgError{Arg: "bucket", Msg: fmt.Sprintf("the window needs %d %s buckets; at most %d: choose a wider bucket or a narrower window", n, w.Bucket, MaxBuckets)}
	}
	return nil
}

// utc returns the window in UTC: SQLite compares times as text, which only works when every
// value has the same offset (the database stores UTC).
func (w Window) utc() Window {
	return Window{Since: w.Since.UTC(), Until: w.Until.UTC(), Bucket: w.Bucket}
}

func bucketWidth(b Bucket) (time.Duration, bool) {
	switch b {
	case Hour:
		return time.Hour, true
	case Day:
		return 24 * time.Hour, true
	case Week:
		return 7 * 24 * time.Hour, true
	default:
		return 0, false
	}
}

// truncate returns the start of the UTC bucket t is in, as the SQL bucket expressions do.
func truncate(t time.Time, b Bucket) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch b {
	case Hour:
		return t.Truncate(time.Hour)
	case Week:
		return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	case Day:
		return day
	default:
		return day
	}
}

// bucketStarts lists the starts of every bucket that overlaps the window, so that the series
// has a point (maybe zero) for each.
func (w Window) bucketStarts() []time.Time {
	width, _ := bucketWidth(w.Bucket)
	var out []time.Time
	for s := truncate(w.Since, w.Bucket); s.Before(w.Until); s = s.Add(width) {
		out = append(out, s)
	}
	return out
}
