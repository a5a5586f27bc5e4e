package workflow

import (
	"fmt"
	"time"
)

// Simulation effects, one per action type, plus "skipped".
const (
	EffectSendEmail    = "wouldSendEmail"
	EffectCreateTask   = "wouldCreateTask"
	EffectUpdateClient = "wouldUpdateClient"
	EffectAddTag       = "wouldAddTag"
	EffectRemoveTag    = "wouldRemoveTag"
	EffectSendWebhook  = "wouldSendWebhook"
	EffectDelay        = "wouldDelay"
	EffectLogActivity  = "wouldLogActivity"
	EffectSkipped      = "skipped"
)

var effects = map[ActionType]string{
	ActionSendEmail:    EffectSendEmail,
	ActionCreateTask:   EffectCreateTask,
	ActionUpdateClient: EffectUpdateClient,
	ActionAddTag:       EffectAddTag,
	ActionRemoveTag:    EffectRemoveTag,
	ActionSendWebhook:  EffectSendWebhook,
	ActionDelay:        EffectDelay,
	ActionLogActivity:  EffectLogActivity,
}

// StepPreview is what one action would do in a simulation.
type StepPreview struct {
	Index          int            `json:"index"`
	Type           ActionType     `json:"type"`
	Name           string         `json:"name,omitempty"`
	RenderedConfig map[string]any `json:"renderedConfig,omitempty"` // secrets redacted
	Effect         string         `json:"effect"`                   // one of the Effect constants
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
	rendered, err := RenderConfig(WithEmailTemplate(a.Type, a.Config), ctx)
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
	step.Effect = effects[a.Type]
	switch c := decoded.(type) {
	case SendEmailConfig:
		step.Details = map[string]any{"to": c.To, "subject": c.Subject}
		if len(c.Cc) > 0 {
			step.Details["cc"] = c.Cc
		}
	case CreateTaskConfig:
		step.Details = map[string]any{
			"title":    c.Title,
			"priority": c.Priority,
			"dueAt":    now.AddDate(0, 0, c.DueDays).UTC().Format(time.RFC3339),
			"assignee": taskAssignee(c, ctx),
		}
	case UpdateClientConfig:
		step.Details = map[string]any{"set": c.Set}
	case TagConfig:
		step.Details = map[string]any{"tag": c.Tag}
	case WebhookConfig:
		step.Details = map[string]any{"url": RedactURL(c.URL), "method": c.Method}
	case DelayConfig:
		until := c.Until
		if until.IsZero() {
			until = now.Add(c.Duration)
		}
		step.Details = map[string]any{"until": until.UTC().Format(time.RFC3339)}
		if until.After(now) {
			return until, nil
		}
	case LogActivityConfig:
		step.Details = map[string]any{"message": c.Message}
	}
	return now, nil
}

// taskAssignee says who a task would be assigned to: the configured assignee, else the client's
// owner, else the workflow's owner.
func taskAssignee(c CreateTaskConfig, ctx Context) string {
	if c.Assignee != "" {
		return c.Assignee
	}
	if id, ok := ctx.Lookup("client.ownerId"); ok && id != nil && id != "" {
		return fmt.Sprint(id)
	}
	return "workflow owner"
}
