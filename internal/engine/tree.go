package engine

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/stepoutput"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/metrics"
	"github.com/flowline/flowline/internal/nulcheck"
	"github.com/flowline/flowline/internal/workflow"
)

// DefaultMaxStepRuns bounds the steps one run of an execution may run (loops multiply them).
const DefaultMaxStepRuns = 10_000

// MaxOutputBytes bounds one step's stored output (as JSON); a larger output fails the step.
const MaxOutputBytes = 4 << 20

// Keys of the outputs the engine records for control steps.
const (
	outResult = "result"
	outBranch = "branch"
	outCase   = "case"
	outCount  = "count"
	outItems  = "items"
)

// position is where an execution stands: the instruction to run and the loops around it.
type position struct {
	ip     int
	frames []workflow.Frame
}

// next is the position after the instruction at ip, given as a target (the next step, a
// branch, the end of a construct), settled past jumps and loop ends.
func (r *run) settle(target int) position {
	ip, frames := r.prog.Settle(target, r.frames)
	return position{ip: ip, frames: frames}
}

// moveTo is the fenced update that moves the execution to p; when p is past the last step
// it also completes the execution, in the same transaction as the step.
func (r *run) moveTo(tx *ent.Client, p position) *ent.WorkflowExecutionUpdate {
	u := r.positionUpdate(tx, p)
	if p.ip >= r.prog.Len() {
		u.SetStatus(workflowexecution.StatusCOMPLETED).SetCompletedAt(r.e.now()).ClearLeaseExpiresAt()
	}
	return u
}

// positionUpdate is the fenced update that moves the execution to p.
func (r *run) positionUpdate(tx *ent.Client, p position) *ent.WorkflowExecutionUpdate {
	u := r.fenced(tx).SetCurrentStep(p.ip).SetStepAttempt(0).AddStepRuns(1)
	if len(p.frames) > 0 || len(r.frames) > 0 {
		u.SetLoopFrames(p.frames)
	}
	return u
}

// moved mirrors a committed moveTo.
func (r *run) moved(p position) {
	r.step, r.frames, r.stepAttempt = p.ip, p.frames, 0
	r.stepRuns++
	if r.step >= r.prog.Len() {
		r.done = true
		metrics.ExecutionsFinished.WithLabelValues(string(workflowexecution.StatusCOMPLETED)).Inc()
	}
}

// loadOutputs reads the outputs recorded so far, for a program that can read them.
func (r *run) loadOutputs(ctx context.Context) error {
	r.outputs = map[string]map[string]any{}
	if !r.prog.HasTree() {
		return nil
	}
	rows, err := r.e.db.Client.StepOutput.Query().Where(stepoutput.ExecutionID(r.c.ID)).All(ctx)
	if err != nil {
		return fmt.Errorf("load step outputs: %w", err)
	}
	for _, row := range rows {
		r.outputs[row.Path] = row.Output
	}
	return nil
}

// keepsOutput reports whether a step's output is kept: later steps read it (the step has a
// key) or the loop does (a FOR_EACH's items).
func keepsOutput(in workflow.Instr) bool {
	return in.Action.Key != "" || in.Op == workflow.OpForEach
}

// saveOutput records the output of the step at ip when a later step may read it (the step
// has a key, or is a FOR_EACH whose items the loop reads).
func (r *run) saveOutput(ctx context.Context, tx *ent.Client, ip int, out map[string]any) error {
	in := r.prog.Instrs[ip]
	if !keepsOutput(in) {
		return nil
	}
	if out == nil {
		out = map[string]any{}
	}
	if nulcheck.InValue(out) {
		out = withoutNUL(out).(map[string]any) // PostgreSQL's jsonb cannot store NUL
	}
	b, err := json.Marshal(out)
	switch {
	case err != nil:
		return action.Permanentf("the step's output cannot be stored as JSON: %v", err)
	case len(b) > MaxOutputBytes:
		return action.Permanentf("the step's output is %d bytes of JSON, more than the %d a step may keep for later steps", len(b), MaxOutputBytes)
	}
	err = tx.StepOutput.Create().
		SetExecutionID(r.c.ID).SetPath(in.Path).SetKey(in.Action.Key).SetOutput(out).
		OnConflictColumns(stepoutput.FieldExecutionID, stepoutput.FieldPath).
		UpdateOutput().
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("save step output: %w", err)
	}
	return nil
}

// dropOutput forgets the output of the step at ip, which failed and was passed over.
func (r *run) dropOutput(ctx context.Context, tx *ent.Client, ip int) error {
	in := r.prog.Instrs[ip]
	if in.Action.Key == "" {
		return nil
	}
	delete(r.outputs, in.Path)
	_, err := tx.StepOutput.Delete().Where(stepoutput.ExecutionID(r.c.ID), stepoutput.Path(in.Path)).Exec(ctx)
	if err != nil {
		return fmt.Errorf("drop step output: %w", err)
	}
	return nil
}

// stepsContext adds what the step at ip can read beyond the trigger's context: the outputs
// of keyed steps (steps.<key>.output) and, inside loops, each loop's variable and loop.index
// and loop.count of the innermost.
func (r *run) stepsContext(wctx workflow.Context) {
	if len(r.outputs) == 0 {
		return
	}
	steps := map[string]any{}
	for _, in := range r.prog.Instrs {
		if in.Action == nil || in.Action.Key == "" {
			continue
		}
		if out, ok := r.outputs[in.Path]; ok {
			steps[in.Action.Key] = map[string]any{"output": out}
		}
	}
	wctx["steps"] = steps
	for _, f := range r.frames {
		loop := r.prog.Instrs[f.At]
		items, _ := workflow.AsList(r.outputs[loop.Path][outItems])
		if as, _ := loop.Action.Config["as"].(string); as != "" && f.Index < len(items) {
			wctx[as] = items[f.Index]
		}
		wctx["loop"] = map[string]any{"index": float64(f.Index), "count": float64(f.Count)}
	}
}

// runControl runs the control step at the current instruction.
func (r *run) runControl(ctx context.Context) error {
	i := r.step
	in := r.prog.Instrs[i]
	a := *in.Action
	start := r.e.now()
	at := attempt{index: i, action: a, input: a.Config, start: start}
	wctx, err := r.workflowContext(ctx, start)
	if err != nil {
		return err
	}
	var target int
	var out map[string]any
	switch in.Op {
	case workflow.OpIf:
		passed, ex, err := r.evaluate(a.Config["conditions"], wctx)
		if err != nil {
			return r.stepFailed(ctx, at, nil, err)
		}
		branch := "else"
		target = in.Targets[1]
		if passed {
			branch, target = "then", in.Targets[0]
		}
		out = map[string]any{outResult: passed, outBranch: branch, outExplanation: toMap(ex)}
	case workflow.OpSwitch:
		out = map[string]any{outCase: "default"}
		target = in.Targets[len(a.Cases)]
		var tried []any
		for ci, cs := range a.Cases {
			passed, ex, err := r.evaluate(cs.Conditions, wctx)
			if err != nil {
				return r.stepFailed(ctx, at, nil, fmt.Errorf("case %q: %w", cs.Name, err))
			}
			tried = append(tried, map[string]any{"case": cs.Name, outResult: passed, outExplanation: toMap(ex)})
			if passed {
				out[outCase], target = cs.Name, in.Targets[ci]
				break
			}
		}
		out["tried"] = tried
	case workflow.OpForEach:
		return r.enterLoop(ctx, at, in, wctx)
	default:
		return fmt.Errorf("instruction %d (%s) is not a control step", i, a.Type)
	}
	return r.controlDone(ctx, at, out, asStored(withoutExplanation(out)), r.settle(target))
}

// evaluate renders the placeholders in a condition's values and evaluates it.
func (r *run) evaluate(raw any, wctx workflow.Context) (bool, workflow.Explanation, error) {
	conds, _ := workflow.AsMap(raw)
	rendered, err := workflow.RenderConfig(conds, wctx)
	if err != nil {
		return false, workflow.Explanation{}, action.Permanent(fmt.Errorf("render conditions: %w", err))
	}
	passed, ex, err := workflow.EvaluateConditions(rendered, wctx)
	if err != nil {
		return false, ex, action.Permanent(err)
	}
	return passed, ex, nil
}

// enterLoop evaluates a FOR_EACH's items, keeps them, and enters the body at the first item
// (or goes past the loop when there are none).
func (r *run) enterLoop(ctx context.Context, at attempt, in workflow.Instr, wctx workflow.Context) error {
	cfg := in.Action.Config
	itemsRef, _ := cfg["items"].(string)
	name, _ := workflow.SinglePlaceholder(itemsRef)
	raw, found := wctx.Lookup(name)
	items, isList := workflow.AsList(raw)
	maxItems := workflow.LoopMaxItems(cfg)
	switch {
	case !found:
		return r.stepFailed(ctx, at, nil, action.Permanentf("items: %s does not exist in this run", name))
	case raw == nil:
		items = []any{}
	case !isList:
		return r.stepFailed(ctx, at, nil, action.Permanentf("items: %s is %s, not a list", name, workflow.TypeName(raw)))
	case len(items) > maxItems:
		return r.stepFailed(ctx, at, nil, action.Permanentf("items: %s has %d items, more than maxItems (%d); none was processed", name, len(items), maxItems))
	}
	out := map[string]any{outCount: float64(len(items))}
	stored := asStored(map[string]any{outCount: len(items), outItems: items})
	next := position{ip: in.Targets[0], frames: append(append([]workflow.Frame(nil), r.frames...), workflow.Frame{At: at.index, Count: len(items)})}
	if len(items) == 0 {
		next = r.settle(in.Targets[1])
	}
	return r.controlDone(ctx, at, out, stored, next)
}

// controlDone records a control step (or COMPUTE) that chose where to go: its log row shows
// out, and later steps read stored. An output that cannot be kept fails the step.
func (r *run) controlDone(ctx context.Context, at attempt, out, stored map[string]any, next position) error {
	err := r.e.inTx(ctx, func(tx *ent.Client) error {
		if err := r.saveOutput(ctx, tx, at.index, stored); err != nil {
			return err
		}
		if err := saveFenced(ctx, r.c.ID, r.moveTo(tx, next)); err != nil {
			return err
		}
		return r.logRow(tx, at.index, at.action, workflowexecutionlog.StatusSUCCESS, at.input, out, "", at.start).Exec(ctx)
	})
	if action.IsPermanent(err) {
		return r.stepFailed(ctx, at, nil, err)
	}
	if err != nil {
		return err
	}
	if in := r.prog.Instrs[at.index]; keepsOutput(in) {
		r.outputs[in.Path] = stored
	}
	r.moved(next)
	return nil
}

// compute runs a COMPUTE step: its values, evaluated, are its output.
func (r *run) compute(ctx context.Context) error {
	i := r.step
	a := *r.prog.Instrs[i].Action
	start := r.e.now()
	at := attempt{index: i, action: a, input: a.Config, start: start}
	wctx, err := r.workflowContext(ctx, start)
	if err != nil {
		return err
	}
	out, err := workflow.Compute(a.Config, wctx)
	if err != nil {
		return r.stepFailed(ctx, at, nil, action.Permanent(err))
	}
	return r.controlDone(ctx, at, out, asStored(out), r.settle(i+1))
}

// stop runs a STOP step: the execution ends COMPLETED with the step's reason.
func (r *run) stop(ctx context.Context) error {
	i := r.step
	a := *r.prog.Instrs[i].Action
	start := r.e.now()
	at := attempt{index: i, action: a, input: a.Config, start: start}
	reason := "stopped by a STOP step"
	if raw, ok := a.Config["reason"].(string); ok && raw != "" {
		wctx, err := r.workflowContext(ctx, start)
		if err != nil {
			return err
		}
		rendered, err := workflow.Render(raw, wctx)
		if err != nil {
			return r.stepFailed(ctx, at, nil, action.Permanent(fmt.Errorf("render reason: %w", err)))
		}
		reason = truncate(rendered, maxErrorLength)
	}
	out := map[string]any{outReason: reason}
	err := r.e.inTx(ctx, func(tx *ent.Client) error {
		if err := r.saveOutput(ctx, tx, i, out); err != nil {
			return err
		}
		err := saveFenced(ctx, r.c.ID, r.fenced(tx).
			SetCurrentStep(r.prog.Len()).
			SetStepAttempt(0).
			AddStepRuns(1).
			SetStatus(workflowexecution.StatusCOMPLETED).
			SetExitReason(workflowexecution.ExitReasonSTOPPED).
			SetExitMessage(reason).
			SetCompletedAt(r.e.now()).
			ClearLeaseExpiresAt())
		if err != nil {
			return err
		}
		return r.logRow(tx, i, a, workflowexecutionlog.StatusSUCCESS, at.input, out, "", start).Exec(ctx)
	})
	if err == nil {
		r.done = true
		metrics.ExecutionsFinished.WithLabelValues(string(workflowexecution.StatusCOMPLETED)).Inc()
		r.log.Debug("execution stopped by a STOP step", "reason", reason)
	}
	return err
}

// failurePosition is where a run goes on after a step at ip failed for good, when it goes
// on: past the step (onError CONTINUE; past the whole construct for a control step), or to
// the next item of the innermost loop around it with continueOnItemError. ok is false when
// the execution fails.
func (r *run) failurePosition(ip int, cont bool) (position, bool) {
	in := r.prog.Instrs[ip]
	if cont {
		return r.settle(in.End), true
	}
	for j := len(in.Loops) - 1; j >= 0; j-- {
		loop := r.prog.Instrs[in.Loops[j]]
		if skip, _ := loop.Action.Config["continueOnItemError"].(bool); skip {
			target, frames := r.prog.SkipItem(in.Loops[j], r.frames)
			ip, frames := r.prog.Settle(target, frames)
			return position{ip: ip, frames: frames}, true
		}
	}
	return position{}, false
}

// iteration is the item of the innermost loop the run is in, or nil outside loops.
func (r *run) iteration() *int {
	if len(r.frames) == 0 {
		return nil
	}
	i := r.frames[len(r.frames)-1].Index
	return &i
}

// items lists the item of every loop the run is in, outermost first.
func (r *run) items() []int {
	if len(r.frames) == 0 {
		return nil
	}
	out := make([]int, len(r.frames))
	for i, f := range r.frames {
		out[i] = f.Index
	}
	return out
}

func withoutExplanation(out map[string]any) map[string]any {
	m := make(map[string]any, len(out))
	for k, v := range out {
		if k != outExplanation && k != "tried" {
			m[k] = v
		}
	}
	return m
}

// stepRunsExceeded is the failure of a run that ran too many steps.
func (r *run) stepRunsExceeded() string {
	return fmt.Sprintf("the execution ran %d steps, the most one run may (loops count each item's steps)", r.e.cfg.MaxStepRuns)
}
