package workflow

import (
	"fmt"
	"time"
)

// EffectSkipped is the simulation effect of a step that would not run; the others are
// named by each action kind (ActionKind.Effect).
const EffectSkipped = "skipped"

// StepPreview is what one action would do in a simulation.
type StepPreview struct {
	Index          int            `json:"index"`
	Type           ActionType     `json:"type"`
	Name           string         `json:"name,omitempty"`
	RenderedConfig map[string]any `json:"renderedConfig,omitempty"` // secrets redacted
	Effect         string         `json:"effect"`                   // ActionKind.Effect, or EffectSkipped
	Details        map[string]any `json:"details,omitempty"`
	Error          string         `json:"error,omitempty"` // why the step would fail
}

// SimulationResult is the outcome of a dry run.
type SimulationResult struct {
	TriggerMatched   bool          `json:"triggerMatched"`
	ConditionsPassed bool          `json:"conditionsPassed"`
	Explanation      Explanation   `json:"explanation"`
	Steps            []StepPreview `json:"steps"`
}

// Simulate runs a definition against an event without any side effect: it matches the trigger,
// evaluates the conditions and, for each action, renders and decodes the config and describes
// what the step would do. ctx is the context the engine would build (BuildContext with the
// client as read now); nil builds one from ev. A DELAY moves the simulated clock (and "now") for
// the steps after it. A step that would fail gets Error and Effect "skipped"; after it, steps
// are skipped unless its onError is CONTINUE. Secrets in rendered configs are redacted.
// Simulate changes none of its arguments.
func Simulate(def Definition, ev Event, ctx Context, now time.Time) SimulationResult {
	if ctx == nil {
		ctx = BuildContext(ev, "", "", "", now)
	}
	// Work on a private copy: rendering reads it, and the DELAY clock writes "now" into it.
	work, _ := normalize(map[string]any(ctx)).(map[string]any)
	res := SimulationResult{
		TriggerMatched: MatchTrigger(def.TriggerType, def.TriggerConfig, ev),
		Steps:          make([]StepPreview, 0, len(def.Actions)),
	}
	var err error
	res.ConditionsPassed, res.Explanation, err = EvaluateConditions(def.Conditions, Context(work))
	if err != nil {
		res.ConditionsPassed = false
	}
	skipReason := ""
	switch {
	case !res.TriggerMatched:
		skipReason = "the trigger does not match this event"
	case err != nil:
		skipReason = "the conditions are invalid"
	case !res.ConditionsPassed:
		skipReason = "the conditions did not pass"
	}
	clock := now
	for i, a := range def.Actions {
		step := StepPreview{Index: i, Type: a.Type, Name: a.Name, Effect: EffectSkipped}
		if skipReason != "" {
			step.Details = map[string]any{"reason": skipReason}
			res.Steps = append(res.Steps, step)
			continue
		}
		work["now"] = clock.UTC().Format(time.RFC3339)
		next, stepErr := previewStep(&step, a, Context(work), clock)
		if stepErr != nil {
			step.Effect = EffectSkipped
			step.Error = stepErr.Error()
			step.Details = map[string]any{"reason": "the step would fail"}
			if a.EffectiveOnError() == OnErrorStop {
				skipReason = fmt.Sprintf("step %d would fail and its onError is STOP", i)
			}
		} else {
			clock = next
		}
		res.Steps = append(res.Steps, step)
	}
	return res
}

// previewStep fills in a step's rendered config, effect and details, and returns the clock after
// the step (later than now only for DELAY).
func previewStep(step *StepPreview, a Action, ctx Context, now time.Time) (time.Time, error) {
	kind, ok := Kind(a.Type)
	if !ok {
		return now, fmt.Errorf("unknown action type %q", a.Type)
	}
	rendered, err := RenderConfig(PrepareConfig(a.Type, a.Config), ctx)
	if err != nil {
		return now, err
	}
	if rendered == nil {
		rendered = map[string]any{}
	}
	step.RenderedConfig = RedactConfig(a.Type, rendered)
	decoded, err := DecodeConfig(a.Type, rendered)
	if err != nil {
		return now, err
	}
	step.Effect = kind.Effect()
	var clock time.Time
	step.Details, clock = kind.Preview(decoded, ctx, now)
	return clock, nil
}
