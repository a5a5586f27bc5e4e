package workflow

import "time"

// Daylight-saving rule shared by SCHEDULED and CLIENT_DATE: times are wall-clock times in the
// trigger's time zone, and every wall-clock slot runs exactly once.
//   - A slot in a skipped hour (Europe/Paris, last Sunday of March: 02:00–02:59 does not
//     exist) runs at the transition, 03:00 local; several skipped slots collapse into that one
//     run (a "*/15" schedule runs once at 03:00 for 02:00, 02:15, 02:30, 02:45 and 03:00).
//   - A slot in a repeated hour (last Sunday of October: 02:00–02:59 happens twice) runs once,
//     at its first occurrence (summer time); the second pass of the hour runs nothing.
//
// Go's time.Date would pick the other answers (02:30 becomes 03:30, a repeated 02:30 the second
// one), so the rule is spelled out here instead of left to it.

// wallClock returns t's wall-clock reading in loc as a time in UTC, a zone without
// transitions, where cron arithmetic cannot meet a gap or an overlap.
func wallClock(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)
}

// resolveWall returns the instant of the wall-clock time wall (read in UTC) in loc: the
// earliest instant showing it, or, when no instant does (a skipped hour), the transition
// that skipped it.
func resolveWall(wall time.Time, loc *time.Location) time.Time {
	var best time.Time
	// The offsets in force around the wall time: a day either side covers any transition.
	for _, probe := range []time.Duration{-26 * time.Hour, 0, 26 * time.Hour} {
		_, offset := wall.Add(probe).In(loc).Zone()
		cand := wall.Add(-time.Duration(offset) * time.Second)
		if wallClock(cand, loc).Equal(wall) && (best.IsZero() || cand.Before(best)) {
			best = cand
		}
	}
	if !best.IsZero() {
		return best
	}
	// In a gap: the zone in force just after the wall time (read with the earlier offset)
	// started at the transition.
	_, before := wall.Add(-26 * time.Hour).In(loc).Zone()
	start, _ := wall.Add(-time.Duration(before) * time.Second).In(loc).ZoneBounds()
	if start.IsZero() {
		return wall // no transition data: cannot happen for a gap, but never loop
	}
	return start.UTC()
}
