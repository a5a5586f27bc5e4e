package workflowstore

import (
	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/workflow"
)

// FlowChange edits a definition's flow control: a nil rule is left as it is, Clear* removes
// it. Both for one rule is refused by the API before it gets here.
type FlowChange struct {
	Debounce         *workflow.Debounce
	ClearDebounce    bool
	Concurrency      *workflow.Concurrency
	ClearConcurrency bool
	Throttle         *workflow.Throttle
	ClearThrottle    bool
}

// flowChangeTo is the change that makes a definition's flow control equal to def's (rollback).
func flowChangeTo(def workflow.Definition) FlowChange {
	return FlowChange{
		Debounce: def.Debounce, ClearDebounce: def.Debounce == nil,
		Concurrency: def.Concurrency, ClearConcurrency: def.Concurrency == nil,
		Throttle: def.Throttle, ClearThrottle: def.Throttle == nil,
	}
}

// apply writes the change into def.
func (f FlowChange) apply(def *workflow.Definition) {
	switch {
	case f.ClearDebounce:
		def.Debounce = nil
	case f.Debounce != nil:
		def.Debounce = f.Debounce
	}
	switch {
	case f.ClearConcurrency:
		def.Concurrency = nil
	case f.Concurrency != nil:
		def.Concurrency = f.Concurrency
	}
	switch {
	case f.ClearThrottle:
		def.Throttle = nil
	case f.Throttle != nil:
		def.Throttle = f.Throttle
	}
}

// setFlowCreate stores def's flow control on a new workflow.
func setFlowCreate(c *ent.WorkflowCreate, def workflow.Definition) {
	if def.Debounce != nil {
		c.SetDebounce(def.Debounce)
	}
	if def.Concurrency != nil {
		c.SetConcurrency(def.Concurrency)
	}
	if def.Throttle != nil {
		c.SetThrottle(def.Throttle)
	}
}

// setFlowUpdate stores def's flow control on an updated workflow, clearing absent rules.
func setFlowUpdate(u *ent.WorkflowUpdateOne, def workflow.Definition) {
	if def.Debounce != nil {
		u.SetDebounce(def.Debounce)
	} else {
		u.ClearDebounce()
	}
	if def.Concurrency != nil {
		u.SetConcurrency(def.Concurrency)
	} else {
		u.ClearConcurrency()
	}
	if def.Throttle != nil {
		u.SetThrottle(def.Throttle)
	} else {
		u.ClearThrottle()
	}
}
