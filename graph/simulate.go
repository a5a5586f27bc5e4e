package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/graph/model"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/action/registry"
	"github.com/flowline/flowline/internal/customfields"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflowstore"
)

// simulate runs a workflow definition against a sample event with no side effect: it only
// reads (the workflow, the sample client) and never opens a transaction.
func (r *Resolver) simulate(ctx context.Context, workflowID *uuid.UUID, in *model.WorkflowDefinitionInput, sample model.SimulationSampleInput) (*model.SimulationResult, error) {
	if (workflowID == nil) == (in == nil) {
		return nil, badInput(ctx, "workflowId", "give exactly one of workflowId and definition")
	}
	db := r.db(ctx)
	var (
		def          workflow.Definition
		wfID, wfName string
	)
	if workflowID != nil {
		wf, err := workflowstore.Load(ctx, db, *workflowID, workflowstore.Options{})
		if err != nil {
			return nil, storeError(ctx, err)
		}
		def, wfID, wfName = workflowstore.DefinitionOf(wf), wf.ID.String(), wf.Name
	} else {
		def = definitionFromInput(in)
		if err := customfields.ValidateDefinition(ctx, db, def); err != nil {
			return nil, storeError(ctx, err)
		}
	}
	ev, err := sampleEvent(ctx, db, def.TriggerType, sample)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	res := workflow.SimulateWith(def, ev, workflow.BuildContext(ev, wfID, wfName, "simulation", now), now, finder(ctx, db))
	return simulationResult(res)
}

// sampleEvent builds the event a simulation pretends happened.
func sampleEvent(ctx context.Context, db *ent.Client, t workflow.TriggerType, s model.SimulationSampleInput) (workflow.Event, error) {
	ev := workflow.Event{Type: t}
	if s.ClientID != nil {
		c, err := db.Contact.Query().Where(contact.ID(*s.ClientID)).WithOwner().Only(ctx)
		if ent.IsNotFound(err) {
			return ev, notFound(ctx, "sample.clientId", "client "+s.ClientID.String())
		}
		if err != nil {
			return ev, err
		}
		ev.Client = events.ClientFields(c)
	}
	// The sample's trigger data uses the same names as an execution's triggerData, and goes
	// through JSON as a stored one does (numbers become float64).
	var data map[string]any
	b, err := json.Marshal(s.TriggerData)
	if err == nil {
		err = json.Unmarshal(b, &data)
	}
	td, decodeErr := events.DecodeTriggerData(t, data)
	if err == nil {
		err = decodeErr
	}
	if err != nil {
		return ev, badInput(ctx, "sample.triggerData", "triggerData has the wrong shape: %v", err)
	}
	ev.OldStatus, ev.NewStatus, ev.ChangedFields = td.OldStatus, td.NewStatus, td.ChangedFields
	ev.Previous, ev.Document, ev.Task, ev.Data = td.Previous, td.Document, td.Task, td.Data
	if t == workflow.TriggerClientStatusChanged && td.NewStatus != "" {
		// A real status change reaches the workflow with the client already in its new
		// status, its old one in previous: the sample is shown the same way.
		if ev.Client != nil {
			ev.Client["status"] = td.NewStatus
		}
		if td.OldStatus != "" {
			if ev.Previous == nil {
				ev.Previous = map[string]any{}
			}
			if _, set := ev.Previous["status"]; !set {
				ev.Previous["status"] = td.OldStatus
			}
		}
		if ev.ChangedFields == nil {
			ev.ChangedFields = []string{"status"}
		}
	}
	return ev, nil
}

func simulationResult(res workflow.SimulationResult) (*model.SimulationResult, error) {
	explanation, err := asMap(res.Explanation)
	if err != nil {
		return nil, err
	}
	out := &model.SimulationResult{
		TriggerMatched:   res.TriggerMatched,
		ConditionsPassed: res.ConditionsPassed,
		Explanation:      explanation,
		FlowControl:      res.FlowControl,
		Steps:            make([]*model.SimulationStep, len(res.Steps)),
		Enrollment:       res.Enrollment,
		GoalMet:          res.GoalMet,
	}
	if res.GoalExplanation != nil {
		if out.GoalExplanation, err = asMap(res.GoalExplanation); err != nil {
			return nil, err
		}
	}
	for i, s := range res.Steps {
		step := &model.SimulationStep{
			Index: s.Index, Path: s.Path, Iteration: s.Iteration, Type: s.Type, Effect: s.Effect,
			RenderedConfig: s.RenderedConfig, Details: s.Details,
		}
		if s.Branch != "" {
			step.Branch = &s.Branch
		}
		if s.Name != "" {
			step.Name = &s.Name
		}
		if s.Error != "" {
			step.Error = &s.Error
		}
		out.Steps[i] = step
	}
	return out, nil
}

func asMap(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode explanation: %w", err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("decode explanation: %w", err)
	}
	return m, nil
}

// finder lets a simulation's FIND steps read the records they would find, as the caller: a
// simulation shows only rows its caller may read.
func finder(ctx context.Context, db *ent.Client) workflow.Finder {
	return func(t workflow.ActionType, decoded any) (map[string]any, error) {
		impl, ok := registry.Lookup(t)
		internal, isInternal := impl.(action.Internal)
		if !ok || !isInternal {
			return nil, fmt.Errorf("%s cannot be simulated", t)
		}
		return internal.Run(ctx, action.Env{Tx: db}, action.Step{Now: time.Now()}, decoded)
	}
}
