package workflow

// Internals that the external tests (package workflow_test, which registers the action
// types through internal/action/registry) read.
var (
	CopyMap     = copyMap
	MaxProblems = maxProblems
)

// EnumDomains lists the values of every enum context variable.
var EnumDomains = enumDomains

// ParseConditions returns the structure problems of a condition tree as an error.
func ParseConditions(conds map[string]any) error {
	var p problems
	parseConditions(conds, &p)
	return p.err()
}

// CheckPlaceholders returns the placeholder problems of a value as an error.
func CheckPlaceholders(path string, v any, t TriggerType, fields map[string]FieldType) error {
	var p problems
	checkPlaceholders(path, v, t, fields, &p, 0)
	return p.err()
}
