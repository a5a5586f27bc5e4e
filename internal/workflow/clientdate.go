package workflow

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"
)

// ClientDate is a parsed CLIENT_DATE trigger config: a workflow runs for a client when the
// client's date (createdAt or a DATE/DATETIME custom field) plus OffsetDays is reached, at a
// local time of day in a time zone; with Yearly, on every anniversary.
type ClientDate struct {
	// Field is "createdAt" or "custom.<key>".
	Field string
	// OffsetDays moves the run before (negative) or after the date.
	OffsetDays int
	// Hour and Minute are the local time of day of the run ("at", default 00:00).
	Hour, Minute int
	Location     *time.Location
	Yearly       bool
}

// MaxOffsetDays bounds offsetDays either way (about ten years).
const MaxOffsetDays = 3650

// ClientDateCreatedAt is the built-in date field a CLIENT_DATE trigger may follow.
const ClientDateCreatedAt = "createdAt"

var atPattern = regexp.MustCompile(`^([01][0-9]|2[0-3]):([0-5][0-9])$`)

// ParseClientDate reads a CLIENT_DATE trigger config that validation accepted (which custom
// fields exist is not checked here). The error wraps a *ValidationError.
func ParseClientDate(cfg map[string]any) (*ClientDate, error) {
	var p problems
	d := parseClientDate(cfg, triggerConfigPath, nil, &p)
	if err := p.err(); err != nil {
		return nil, fmt.Errorf("parse client date trigger: %w", err)
	}
	return d, nil
}

// parseClientDate checks a CLIENT_DATE config; with a catalog, custom.<key> must name a DATE
// or DATETIME custom field.
func parseClientDate(cfg map[string]any, base string, cat *Catalog, p *problems) *ClientDate {
	c := ConfigChecker{p: p}
	c.Object(cfg, base, "field", "offsetDays", "at", "timezone", "yearly")
	d := &ClientDate{Location: parseTimezone(cfg, base, p)}
	ok := d.Location != nil
	if field, found := c.String(cfg, base, "field", true); found {
		d.Field = field
		path := Pointer(base, "field")
		key, custom := strings.CutPrefix(field, "custom.")
		switch {
		case field == ClientDateCreatedAt:
		case !custom || key == "":
			p.addf(path, "field must be \"createdAt\" or \"custom.<key>\" naming a DATE or DATETIME custom field, got %q", field)
			ok = false
		case cat != nil:
			ft, defined := cat.CustomFields[key]
			switch {
			case !defined:
				p.addf(path, "unknown custom field %q; define it with createClientField (type DATE or DATETIME)", key)
				ok = false
			case ft != FieldTime:
				p.addf(path, "custom field %q is not a DATE or DATETIME field", key)
				ok = false
			}
		}
	} else {
		ok = false
	}
	if v, found := cfg["offsetDays"]; found && v != nil {
		path := Pointer(base, "offsetDays")
		f, isNumber := toFloat(v)
		switch {
		case !isNumber:
			p.addf(path, "offsetDays must be a whole number of days, got %s", TypeName(v))
			ok = false
		case f != math.Trunc(f) || math.Abs(f) > MaxOffsetDays:
			p.addf(path, "offsetDays must be a whole number from -%d to %d, got %v", MaxOffsetDays, MaxOffsetDays, v)
			ok = false
		default:
			d.OffsetDays = int(f)
		}
	}
	if at, found := c.String(cfg, base, "at", false); found {
		m := atPattern.FindStringSubmatch(at)
		if m == nil {
			p.addf(Pointer(base, "at"), "at must be a 24-hour local time HH:MM like \"09:00\", got %q", at)
			ok = false
		} else {
			fmt.Sscanf(m[1]+" "+m[2], "%d %d", &d.Hour, &d.Minute) //nolint:errcheck // the pattern matched two numbers
		}
	}
	if v, found := cfg["yearly"]; found && v != nil {
		b, isBool := v.(bool)
		if !isBool {
			p.addf(Pointer(base, "yearly"), "yearly must be true or false, got %s", TypeName(v))
			ok = false
		}
		d.Yearly = b
	}
	if !ok {
		return nil
	}
	return d
}

// CustomKey returns the custom field's key, or "" when the trigger follows createdAt.
func (d *ClientDate) CustomKey() string {
	key, _ := strings.CutPrefix(d.Field, "custom.")
	if d.Field == ClientDateCreatedAt {
		return ""
	}
	return key
}

// BaseDate reads the client's date (a client as events.ClientFields describes it) as a
// calendar date at midnight UTC: a DATE value as it is, a DATETIME or createdAt as the date
// it falls on in the trigger's time zone. ok is false when the client has no such value.
func (d *ClientDate) BaseDate(client map[string]any) (date time.Time, ok bool) {
	var raw any
	if key := d.CustomKey(); key != "" {
		custom, _ := client["custom"].(map[string]any)
		raw = custom[key]
	} else {
		raw = client[ClientDateCreatedAt]
	}
	var s string
	switch v := raw.(type) {
	case string:
		s = v
	case time.Time:
		s = v.Format(time.RFC3339Nano)
	default:
		return time.Time{}, false
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, false
	}
	l := t.In(d.Location)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC), true
}

// Due returns when the occurrence of a calendar date runs: the date + offsetDays at the local
// time of day, by the daylight-saving rule of resolveWall.
func (d *ClientDate) Due(date time.Time) time.Time {
	wall := time.Date(date.Year(), date.Month(), date.Day()+d.OffsetDays, d.Hour, d.Minute, 0, 0, time.UTC)
	return resolveWall(wall, d.Location).UTC()
}

// Next returns the first occurrence of base (its date and when it runs) that runs strictly
// after after: base itself, or with Yearly its first such anniversary (29 February falls on
// 28 February in other years). ok is false when there is none.
func (d *ClientDate) Next(base, after time.Time) (date, due time.Time, ok bool) {
	if !d.Yearly {
		due = d.Due(base)
		return base, due, due.After(after)
	}
	// The anniversary due after "after" is in its year, or one year either side given the
	// offset (at most ten years, so start that much earlier).
	first := max(base.Year(), after.UTC().Year()-MaxOffsetDays/365-1)
	for y := first; y <= first+MaxOffsetDays/365+3; y++ {
		date = Anniversary(base, y)
		if due = d.Due(date); due.After(after) {
			return date, due, true
		}
	}
	return time.Time{}, time.Time{}, false
}

// Anniversary returns date's anniversary in year; 29 February becomes 28 February in a year
// without it.
func Anniversary(date time.Time, year int) time.Time {
	day := date.Day()
	if date.Month() == time.February && day == 29 && !isLeap(year) {
		day = 28
	}
	return time.Date(year, date.Month(), day, 0, 0, 0, 0, time.UTC)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
