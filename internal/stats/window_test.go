package stats

import (
	"testing"
	"time"
)

// TestWindowBuckets: the bucket count that Check bounds is the number of points the series
// has, and weeks start on Monday in UTC.
func TestWindowBuckets(t *testing.T) {
	monday := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		w      Window
		points int
		first  time.Time
		arg    string
	}{
		{Window{monday, monday.Add(1000 * time.Hour), Hour}, 1000, monday, ""},
		{Window{monday.Add(30 * time.Minute), monday.Add(1000 * time.Hour), Hour}, 1000, monday, ""},
		{Window{monday, monday.Add(1001 * time.Hour), Hour}, 0, time.Time{}, "bucket"},
		{Window{monday.Add(-time.Hour), monday.Add(time.Hour), Week}, 2, monday.AddDate(0, 0, -7), ""},
		{Window{monday.Add(3 * 24 * time.Hour), monday.Add(4 * 24 * time.Hour), Week}, 1, monday, ""},
		{Window{monday, monday.Add(366 * 24 * time.Hour), Day}, 366, monday, ""},
		{Window{monday, monday.Add(366*24*time.Hour + time.Second), Week}, 0, time.Time{}, "until"},
		{Window{monday, monday, Day}, 0, time.Time{}, "until"},
		{Window{monday, monday.Add(time.Hour), "MONTH"}, 0, time.Time{}, "bucket"},
	} {
		err := tc.w.Check()
		if tc.arg != "" {
			if err == nil || err.Arg != tc.arg {
				t.Errorf("%+v: error %v, want one about %s", tc.w, err, tc.arg)
			}
			continue
		}
		if err != nil {
			t.Errorf("%+v: %v", tc.w, err)
			continue
		}
		starts := tc.w.bucketStarts()
		if len(starts) != tc.points || !starts[0].Equal(tc.first) {
			t.Errorf("%+v: %d points from %v, want %d from %v", tc.w, len(starts), starts[0], tc.points, tc.first)
		}
	}
}
