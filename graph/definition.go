package graph

import "github.com/flowline/flowline/internal/workflow"

// derefActions turns gqlgen's list of input pointers into the stored form; a nil list
// stays nil ("not given").
func derefActions(in []*workflow.Action) []workflow.Action {
	if in == nil {
		return nil
	}
	out := make([]workflow.Action, 0, len(in))
	for _, a := range in {
		if a != nil {
			out = append(out, *a)
		}
	}
	return out
}
