package graph

import (
	"context"

	"github.com/flowline/flowline/graph/model"
	"github.com/flowline/flowline/internal/workflowstore"
)

// flowChange reads updateWorkflow's flow-control fields; a rule both given and cleared is
// refused, naming the clear flag.
func flowChange(ctx context.Context, in model.UpdateWorkflowInput) (workflowstore.FlowChange, error) {
	set := func(p *bool) bool { return p != nil && *p }
	ch := workflowstore.FlowChange{
		Debounce: in.Debounce, ClearDebounce: set(in.ClearDebounce),
		Concurrency: in.Concurrency, ClearConcurrency: set(in.ClearConcurrency),
		Throttle: in.Throttle, ClearThrottle: set(in.ClearThrottle),
	}
	for _, c := range []struct {
		given, cleared bool
		name           string
	}{
		{ch.Debounce != nil, ch.ClearDebounce, "Debounce"},
		{ch.Concurrency != nil, ch.ClearConcurrency, "Concurrency"},
		{ch.Throttle != nil, ch.ClearThrottle, "Throttle"},
	} {
		if c.given && c.cleared {
			return ch, badInput(ctx, "input.clear"+c.name, "give the rule or clear%s, not both", c.name)
		}
	}
	return ch, nil
}
