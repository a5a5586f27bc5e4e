package workflow

import (
	"fmt"
	"strings"
	"time"
)

// EffectSkipped is the simulation effect of a step that would not run; the others are
// named by each action kind (ActionKind.Effect).
const EffectSkipped = "skipped"

// Simulation effects of control steps.
const (
	EffectBranch = "wouldBranch"
	EffectLoop   = "wouldLoop"
	EffectStop   = "wouldStop"
	// EffectCompute is COMPUTE's: it has no effect, and a simulation shows its values.
	EffectCompute = "wouldCompute"
)

// Limits of a simulation: loop bodies are previewed for their first items only, and a
// simulation shows at most so many steps.
const (
	SimulatedItems    = 10
	MaxSimulatedSteps = 500
)

// StepPreview is what one step would do in a simulation.
type StepPreview struct {
	// Index is the step's instruction in the compiled program: its position among the
	// actions for a straight list, as in log rows' stepIndex.
	Index          int            `json:"index"`
	Path           string         `json:"path"`
	Branch         string         `json:"branch,omitempty"`
	Iteration      *int           `json:"iteration,omitempty"`
	Type           ActionType     `json:"type"`
	Name           string         `json:"name,omitempty"`
	RenderedConfig map[string]any `json:"renderedConfig,omitempty"` // secrets redacted
	Effect         string         `json:"effect"`                   // ActionKind.Effect, a control effect, or EffectSkipped
	Details        map[string]any `json:"details,omitempty"`
	Error          string         `json:"error,omitempty"` // why the step would fail
}

// SimulationResult is the outcome of a dry run.
type SimulationResult struct {
	TriggerMatched   bool          `json:"triggerMatched"`
	ConditionsPassed bool          `json:"conditionsPassed"`
	Explanation      Explanation   `json:"explanation"`
	Steps            []StepPreview `json:"steps"`
	// Enrollment is the rule in effect: {mode, reenrollOn}.
	Enrollment map[string]any `json:"enrollment"`
	// GoalMet says whether the goal holds for the sample (nil without a goal): the run would
	// then end before its first step, with exitReason GOAL_MET.
	GoalMet         *bool        `json:"goalMet,omitempty"`
	GoalExplanation *Explanation `json:"goalExplanation,omitempty"`
	// FlowControl describes the definition's debounce, concurrency and throttle for the
	// sample (SimulateFlowControl); nil without any.
	FlowControl map[string]any `json:"flowControl,omitempty"`
}

// Finder reads the records a FIND step would output (a simulation passes it from the API,
// reading as the caller). Without one, FIND steps output no records.
type Finder func(t ActionType, decoded any) (map[string]any, error)

// Simulate is SimulateWith without a Finder.
func Simulate(def Definition, ev Event, ctx Context, now time.Time) SimulationResult {
	return SimulateWith(def, ev, ctx, now, nil)
}

// SimulateWith runs a definition against an event without any side effect: it matches the
// trigger, evaluates the conditions and walks the step tree: IF and SWITCH take the branch
// their conditions choose (with the explanation), FOR_EACH previews its body for the first
// SimulatedItems items and counts the rest, STOP ends the walk, and every other step is
// rendered, decoded and described. Later steps read earlier ones' outputs: FIND steps' rows
// from find, and for other steps values of their output's shape. ctx is the context the
// engine would build (BuildContext with the client as read now); nil builds one from ev. A
// DELAY moves the simulated clock (and "now") for the steps after it. A step that would fail
// gets Error and Effect "skipped"; after it, steps are skipped unless its onError is
// CONTINUE. Secrets in rendered configs are redacted. It changes none of its arguments.
func SimulateWith(def Definition, ev Event, ctx Context, now time.Time, find Finder) SimulationResult {
	if ctx == nil {
		ctx = BuildContext(ev, "", "", "", now)
	}
	// Work on a private copy: rendering reads it, and the DELAY clock writes "now" into it.
	work, _ := normalize(map[string]any(ctx)).(map[string]any)
	res := SimulationResult{
		TriggerMatched: MatchTrigger(def.TriggerType, def.TriggerConfig, ev),
		Steps:          make([]StepPreview, 0, len(def.Actions)),
		FlowControl:    SimulateFlowControl(def, ctx, now),
	}
	var err error
	res.ConditionsPassed, res.Explanation, err = EvaluateConditions(def.Conditions, Context(work))
	if err != nil {
		res.ConditionsPassed = false
	}
	res.Enrollment = enrollmentShown(def.EnrollmentOf())
	goalMet := false
	if def.HasGoal() {
		met, ex, goalErr := GoalMet(def, Context(work))
		goalMet = met && goalErr == nil
		res.GoalMet, res.GoalExplanation = &goalMet, &ex
	}
	sim := &simulation{res: &res, work: work, clock: now, find: find, steps: map[string]any{}, index: map[string]int{}}
	for i, in := range Compile(def.Actions).Instrs {
		if in.Action != nil && in.Op != OpJump && in.Op != OpNext {
			sim.index[in.Path] = i
		}
	}
	switch {
	case !res.TriggerMatched:
		sim.skip = "the trigger does not match this event"
	case err != nil:
		sim.skip = "the conditions are invalid"
	case goalMet:
		sim.skip = "the goal is already met: the run would end before its first step (GOAL_MET)"
	case !res.ConditionsPassed:
		sim.skip = "the conditions did not pass"
	}
	sim.block(def.Actions, "/actions", "", nil)
	return res
}

// enrollmentShown is an enrollment rule as a simulation shows it.
func enrollmentShown(e Enrollment) map[string]any {
	fields := make([]any, len(e.ReenrollOn))
	for i, f := range e.ReenrollOn {
		fields[i] = f
	}
	return map[string]any{"mode": string(e.Mode), "reenrollOn": fields}
}

// simulation is the state of one dry run's walk.
type simulation struct {
	res   *SimulationResult
	work  map[string]any
	clock time.Time
	find  Finder
	steps map[string]any // steps.<key>.output so far
	index map[string]int // step path -> instruction
	skip  string         // why the remaining steps are skipped, once they are
	// stopped is set by a STOP step: nothing runs after it, continueOnItemError or not.
	stopped bool
}

func (s *simulation) block(actions []Action, base, branch string, iter *int) {
	for i, a := range actions {
		if len(s.res.Steps) >= MaxSimulatedSteps {
			return
		}
		s.step(a, Pointer(base, i), branch, iter)
	}
}

func (s *simulation) step(a Action, path, branch string, iter *int) {
	step := StepPreview{Index: s.index[path], Path: path, Branch: branch, Iteration: iter, Type: a.Type, Name: a.Name, Effect: EffectSkipped}
	if s.skip != "" {
		step.Details = map[string]any{"reason": s.skip}
		s.res.Steps = append(s.res.Steps, step)
		return
	}
	s.work["now"] = s.clock.UTC().Format(time.RFC3339)
	ctx := Context(s.work)
	at := len(s.res.Steps)
	s.res.Steps = append(s.res.Steps, step)
	out, err := s.run(&step, a, path, ctx)
	if err != nil {
		step.Effect = EffectSkipped
		step.Error = err.Error()
		step.Details = map[string]any{"reason": "the step would fail"}
		if a.EffectiveOnError() == OnErrorStop {
			s.skip = fmt.Sprintf("the step at %s would fail and its onError is STOP", path)
		}
	}
	s.res.Steps[at] = step
	if err == nil && a.Key != "" {
		s.steps[a.Key] = map[string]any{"output": out}
		s.work["steps"] = s.steps
	}
}

// run previews one step (and the blocks it runs) and returns its simulated output.
func (s *simulation) run(step *StepPreview, a Action, path string, ctx Context) (map[string]any, error) {
	switch a.Type {
	case ActionIf:
		passed, ex, err := simulateConditions(a.Config["conditions"], ctx)
		if err != nil {
			return nil, err
		}
		branch, block := "else", a.Else
		if passed {
			branch, block = "then", a.Then
		}
		step.Effect, step.Details = EffectBranch, map[string]any{"branch": branch, "explanation": ex}
		s.block(block, Pointer(path, branch), branch, step.Iteration)
		return map[string]any{"result": passed, "branch": branch}, nil
	case ActionSwitch:
		for i, cs := range a.Cases {
			passed, ex, err := simulateConditions(cs.Conditions, ctx)
			if err != nil {
				return nil, fmt.Errorf("case %q: %w", cs.Name, err)
			}
			if passed {
				step.Effect, step.Details = EffectBranch, map[string]any{"case": cs.Name, "explanation": ex}
				s.block(cs.Actions, Pointer(path, "cases", i, "actions"), cs.Name, step.Iteration)
				return map[string]any{"case": cs.Name}, nil
			}
		}
		step.Effect, step.Details = EffectBranch, map[string]any{"case": "default"}
		s.block(a.Default, Pointer(path, "default"), "default", step.Iteration)
		return map[string]any{"case": "default"}, nil
	case ActionForEach:
		return s.loop(step, a, path, ctx)
	case ActionCompute:
		out, err := Compute(a.Config, ctx)
		if err != nil {
			return nil, err
		}
		step.Effect, step.Details = EffectCompute, out
		return out, nil
	case ActionStop:
		reason, _ := a.Config["reason"].(string)
		rendered, err := Render(reason, ctx)
		if err != nil {
			return nil, err
		}
		step.Effect, step.Details = EffectStop, map[string]any{"reason": rendered}
		s.skip, s.stopped = "a STOP step ends the run before this step", true
		return map[string]any{"reason": rendered}, nil
	default:
		// An action: previewed below.
	}
	next, decoded, err := previewStep(step, a, ctx, s.clock)
	if err != nil {
		return nil, err
	}
	s.clock = next
	if (a.Type == ActionFindClients || a.Type == ActionFindTasks) && s.find != nil {
		out, err := s.find(a.Type, decoded)
		if err != nil {
			return nil, err
		}
		// The details show the first rows and the count; later steps read them all.
		for k, v := range out {
			if list, ok := AsList(v); ok && len(list) > SimulatedItems {
				v = list[:SimulatedItems]
			}
			step.Details[k] = v
		}
		return out, nil
	}
	return sampleOutput(OutputShape(a)), nil
}

// loop previews a FOR_EACH's body for its first items.
func (s *simulation) loop(step *StepPreview, a Action, path string, ctx Context) (map[string]any, error) {
	items := a.Config["items"]
	name, _ := SinglePlaceholder(fmt.Sprint(items))
	raw, found := ctx.Lookup(name)
	list, isList := AsList(raw)
	switch {
	case !found:
		return nil, fmt.Errorf("items: %s does not exist in this run", name)
	case raw != nil && !isList:
		return nil, fmt.Errorf("items: %s is %s, not a list", name, TypeName(raw))
	}
	maxItems := LoopMaxItems(a.Config)
	if len(list) > maxItems {
		return nil, fmt.Errorf("items: %s has %d items, more than maxItems (%d)", name, len(list), maxItems)
	}
	shown := min(len(list), SimulatedItems)
	step.Effect, step.Details = EffectLoop, map[string]any{"count": float64(len(list)), "previewedItems": float64(shown)}
	skipItems, _ := a.Config["continueOnItemError"].(bool)
	as, _ := a.Config["as"].(string)
	saved, savedLoop := s.work[as], s.work["loop"]
	for i := range shown {
		s.work[as] = list[i]
		s.work["loop"] = map[string]any{"index": float64(i), "count": float64(len(list))}
		s.block(a.Body, Pointer(path, "body"), "", &i)
		if skipItems && s.skip != "" && !s.stopped {
			s.skip = "" // continueOnItemError: the next item runs
		}
	}
	s.work[as], s.work["loop"] = saved, savedLoop
	if saved == nil {
		delete(s.work, as)
	}
	if savedLoop == nil {
		delete(s.work, "loop")
	}
	return map[string]any{"count": float64(len(list))}, nil
}

// simulateConditions renders and evaluates a control step's conditions.
func simulateConditions(raw any, ctx Context) (bool, Explanation, error) {
	conds, _ := AsMap(raw)
	rendered, err := RenderConfig(conds, ctx)
	if err != nil {
		return false, Explanation{}, err
	}
	return EvaluateConditions(rendered, ctx)
}

// sampleOutput is a stand-in output of a shape, for the steps after a simulated one.
func sampleOutput(shape map[string]FieldType) map[string]any {
	out := map[string]any{}
	for _, p := range sortedKeys(shape) {
		if strings.Contains(p, "[]") {
			continue
		}
		var v any
		switch shape[p] {
		case FieldNumber:
			v = 0
		case FieldBool:
			v = false
		case FieldStringList, FieldList:
			v = []any{}
		case FieldAny:
			v = nil
		default:
			v = "<" + p + ">"
		}
		setPath(out, p, v)
	}
	return out
}

func setPath(m map[string]any, path string, v any) {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		m[head] = v
		return
	}
	child, ok := m[head].(map[string]any)
	if !ok {
		child = map[string]any{}
		m[head] = child
	}
	setPath(child, rest, v)
}

// previewStep fills in a step's rendered config, effect and details, and returns the clock after
// the step (later than now only for DELAY) and the decoded config.
func previewStep(step *StepPreview, a Action, ctx Context, now time.Time) (time.Time, any, error) {
	kind, ok := Kind(a.Type)
	if !ok {
		return now, nil, fmt.Errorf("unknown action type %q", a.Type)
	}
	rendered, err := RenderConfig(PrepareConfig(a.Type, a.Config), ctx)
	if err != nil {
		return now, nil, err
	}
	if rendered == nil {
		rendered = map[string]any{}
	}
	step.RenderedConfig = RedactConfig(a.Type, rendered)
	decoded, err := DecodeConfig(a.Type, rendered)
	if err != nil {
		return now, nil, err
	}
	step.Effect = kind.Effect()
	var clock time.Time
	step.Details, clock = kind.Preview(decoded, ctx, now)
	if step.Details == nil {
		step.Details = map[string]any{}
	}
	return clock, decoded, nil
}
