package spec

import "slices"

// EnrollmentMode says when a client may (re)enter a workflow.
type EnrollmentMode string

// The enrollment modes of a workflow.
const (
	// EnrollEveryTime starts a run for every matching trigger (the default).
	EnrollEveryTime EnrollmentMode = "EVERY_TIME"
	// EnrollOnce starts at most one run per client and workflow, across versions, unless one
	// of the reenrollOn fields changed since the client's last enrollment.
	EnrollOnce EnrollmentMode = "ONCE"
	// EnrollOneActive skips a trigger for a client that has a PENDING or RUNNING run of the
	// workflow.
	EnrollOneActive EnrollmentMode = "ONE_ACTIVE"
)

// EnrollmentModes lists the modes in declaration order.
var EnrollmentModes = []EnrollmentMode{EnrollEveryTime, EnrollOnce, EnrollOneActive}

// Values lists the modes as strings.
func (EnrollmentMode) Values() []string { return enumValues(EnrollmentModes) }

// IsValid reports whether m is a declared mode.
func (m EnrollmentMode) IsValid() bool { return slices.Contains(EnrollmentModes, m) }

// Keys of a definition's enrollment object.
const (
	EnrollmentModeKey       = "mode"
	EnrollmentReenrollOnKey = "reenrollOn"
)

// Enrollment is a definition's enrollment rule, read from its JSON object.
type Enrollment struct {
	Mode EnrollmentMode
	// ReenrollOn names the client fields (status, custom.tier, ...) whose change lets a client
	// enroll again in a ONCE workflow.
	ReenrollOn []string
}

// EnrollmentOf reads a definition's enrollment object; nil, empty or malformed parts read as
// the default (EVERY_TIME, no fields). Validation reports malformed ones at save.
func (d Definition) EnrollmentOf() Enrollment {
	out := Enrollment{Mode: EnrollEveryTime}
	if m, ok := d.Enrollment[EnrollmentModeKey].(string); ok && EnrollmentMode(m).IsValid() {
		out.Mode = EnrollmentMode(m)
	}
	switch list := d.Enrollment[EnrollmentReenrollOnKey].(type) {
	case []string:
		out.ReenrollOn = slices.Clone(list)
	case []any:
		for _, f := range list {
			if s, ok := f.(string); ok {
				out.ReenrollOn = append(out.ReenrollOn, s)
			}
		}
	}
	return out
}

// HasGoal reports whether the definition has a goal: conditions that end a run when they hold.
func (d Definition) HasGoal() bool { return len(d.Goal) > 0 }
