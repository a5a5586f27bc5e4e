package workflow

import (
	"fmt"
	"strings"
	"time"

	// Embedded zone data makes timezone validation independent of the host's zoneinfo, so a
	// definition valid on a laptop is valid in a minimal container.
	_ "time/tzdata"

	"github.com/robfig/cron/v3"
)

// cronParser accepts standard 5-field expressions and descriptors (@daily, @weekly, ...).
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// scheduleReference is a fixed instant for the "never fires" check, so validation does not
// depend on the clock.
var scheduleReference = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// CatchUp values of a SCHEDULED trigger: what happens to slots missed while no scheduler ran.
const (
	CatchUpOnce = "ONCE" // one execution for the latest missed slot (the default)
	CatchUpSkip = "SKIP" // missed slots are dropped
)

// Schedule is a parsed SCHEDULED trigger config: a cron expression in a time zone.
type Schedule struct {
	Cron     string
	Location *time.Location
	// CatchUp is CatchUpOnce or CatchUpSkip.
	CatchUp string
	spec    cron.Schedule
}

// maxSlotsPerNext bounds the slots Next steps over in a repeated hour (a "* * * * *" schedule
// skips the second pass of the hour, 60 slots).
const maxSlotsPerNext = 1000

// Next returns the first firing time strictly after t, or the zero time if there is none
// within five years. Slots are wall-clock times in the schedule's zone, resolved by the
// daylight-saving rule of resolveWall (a skipped slot runs at the transition, a repeated one
// at its first occurrence), so no slot is lost or run twice.
func (s *Schedule) Next(t time.Time) time.Time {
	wall := wallClock(t, s.Location)
	for range maxSlotsPerNext {
		wall = s.spec.Next(wall)
		if wall.IsZero() {
			return time.Time{}
		}
		if at := resolveWall(wall, s.Location); at.After(t) {
			return at.In(s.Location)
		}
	}
	return time.Time{}
}

// ParseSchedule reads a SCHEDULED trigger config: cron (5 fields or a descriptor such as
// @daily; @every is refused), timezone (an IANA name, default UTC) and catchUp (ONCE or SKIP,
// default ONCE). The error wraps a *ValidationError.
func ParseSchedule(cfg map[string]any) (*Schedule, error) {
	var p problems
	s := parseSchedule(cfg, "/triggerConfig", &p)
	if err := p.err(); err != nil {
		return nil, fmt.Errorf("parse schedule: %w", err)
	}
	return s, nil
}

func parseSchedule(cfg map[string]any, base string, p *problems) *Schedule {
	c := ConfigChecker{p: p}
	loc := parseTimezone(cfg, base, p)
	catchUp := CatchUpOnce
	if v, ok := c.String(cfg, base, "catchUp", false); ok {
		c.Enum(Pointer(base, "catchUp"), v, []string{CatchUpOnce, CatchUpSkip})
		catchUp = v
	}
	expr, ok := c.String(cfg, base, "cron", true)
	if !ok {
		return nil
	}
	path := Pointer(base, "cron")
	expr = strings.TrimSpace(expr)
	switch {
	case expr == "":
		p.addf(path, "cron must not be empty")
		return nil
	case strings.HasPrefix(expr, "TZ=") || strings.HasPrefix(expr, "CRON_TZ="):
		// Also avoids a panic in the parser on "TZ=..." without a space.
		p.addf(path, "set the time zone with timezone, not inside the cron expression")
		return nil
	case strings.HasPrefix(expr, "@every"):
		p.addf(path, "@every is not supported; use a 5-field expression or @yearly, @monthly, @weekly, @daily or @hourly")
		return nil
	case !strings.HasPrefix(expr, "@") && len(strings.Fields(expr)) != 5:
		p.addf(path, "cron needs 5 fields (minute hour day-of-month month day-of-week), got %d", len(strings.Fields(expr)))
		return nil
	}
	spec, err := cronParser.Parse(expr)
	if err != nil {
		p.addf(path, "invalid cron expression: %v", err)
		return nil
	}
	if loc == nil {
		return nil
	}
	s := &Schedule{Cron: expr, Location: loc, CatchUp: catchUp, spec: spec}
	if s.Next(scheduleReference).IsZero() {
		p.addf(path, "cron expression %q never fires", expr)
		return nil
	}
	return s
}

// parseTimezone reads the optional timezone of a trigger config: an IANA name, UTC when
// absent or empty. It returns nil after recording a problem.
func parseTimezone(cfg map[string]any, base string, p *problems) *time.Location {
	c := ConfigChecker{p: p}
	loc := time.UTC
	if tz, ok := c.String(cfg, base, "timezone", false); ok {
		path := Pointer(base, "timezone")
		switch tz {
		case "":
			// An empty form field means "not set": UTC.
		case "Local":
			p.addf(path, "timezone must be an IANA time zone name like \"Europe/Paris\", got %q", tz)
			loc = nil
		default:
			l, err := time.LoadLocation(tz)
			if err != nil {
				p.addf(path, "unknown time zone %q; use an IANA name like \"Europe/Paris\"", tz)
				loc = nil
			} else {
				loc = l
			}
		}
	}
	return loc
}
