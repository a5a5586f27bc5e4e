package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/metrics"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// errShutdown stops a run between steps when the engine is stopping.
var errShutdown = errors.New("engine shutting down")

// errInterrupted means a running step was cut short: its lease was lost or the engine's
// shutdown timeout ran out.
var errInterrupted = errors.New("step interrupted")

// errorRetryDelay is how long an execution waits after its run broke on an unexpected error
// (the database went away, say) before it is claimed again.
const errorRetryDelay = 5 * time.Second

// run is one claimed execution, driven step by step by a worker.
type run struct {
	e   *Engine
	c   claimed
	ex  *ent.WorkflowExecution
	wf  *ent.Workflow
	def spec.Definition
	// prog is def's step tree as instructions; step indexes it.
	prog workflow.Program
	// step and stepAttempt mirror current_step and step_attempt as this worker wrote them,
	// frames loop_frames and stepRuns step_runs.
	step, stepAttempt int
	frames            []workflow.Frame
	stepRuns          int
	// outputs holds the recorded step outputs by step path.
	outputs map[string]map[string]any
	// done is set once the execution left RUNNING under this worker (completed, failed,
	// parked for a delay or a retry).
	done bool
	// deadline is when the whole-execution timeout expires.
	deadline time.Time
	// creator is who the steps' effects act as.
	creator auth.Viewer
	log     *slog.Logger
}

// execute runs a claimed execution until it completes, fails, parks or the lease is lost.
// stop is cancelled when the engine stops (no new step starts after that); work is cancelled
// when running steps must be interrupted.
func (e *Engine) execute(stop, work context.Context, c claimed) {
	log := e.log.With("execution_id", c.ID, "attempt", c.Attempt)
	ctx, interrupt := context.WithCancel(work)
	defer interrupt()
	var lost atomic.Bool
	defer e.freeSlot(c)
	stopLease := e.keepLease(work, c, func() {
		lost.Store(true)
		interrupt()
	})
	defer stopLease()

	r, err := e.load(ctx, c, log)
	if err == nil {
		err = r.drive(stop, ctx)
	}
	if err == nil && r.done && e.ended != nil {
		e.ended()
	}
	switch {
	case err == nil:
	case errors.Is(err, errLeaseLost) || lost.Load():
		log.Info("stopped: lease lost (cancelled or taken over)")
	case errors.Is(err, errShutdown) || errors.Is(err, errInterrupted) || stop.Err() != nil:
		e.release(c, 0, log)
	default:
		log.Error("run failed; the execution will be retried", "error", err)
		e.release(c, errorRetryDelay, log)
	}
}

// load reads the claimed execution and its workflow, unless the claim returned them.
func (e *Engine) load(ctx context.Context, c claimed, log *slog.Logger) (*run, error) {
	ex := c.row
	if ex == nil {
		var err error
		ex, err = e.db.Client.WorkflowExecution.Get(ctx, c.ID)
		if ent.IsNotFound(err) {
			return nil, errLeaseLost
		}
		if err != nil {
			return nil, fmt.Errorf("load execution: %w", err)
		}
		if ex.Attempt != c.Attempt || ex.Status != workflowexecution.StatusRUNNING {
			return nil, errLeaseLost
		}
	}
	def := ex.Definition
	wf, creator := c.workflow, c.creator
	if wf == nil || def.TriggerType == "" {
		var err error
		if wf, creator, err = e.loadWorkflow(ctx, ex.WorkflowID, def.TriggerType == ""); err != nil {
			return nil, err
		}
	}
	if def.TriggerType == "" {
		// Executions written before definitions were snapshotted run the current definition.
		def = workflow.Normalize(spec.Definition{
			TriggerType: wf.TriggerType, TriggerConfig: wf.TriggerConfig,
			Conditions: wf.Conditions, Actions: wf.Actions, Enrollment: wf.Enrollment, Goal: wf.Goal,
		})
	}
	r := &run{
		e: e, c: c, ex: ex, wf: wf, def: def, creator: creator, prog: workflow.Compile(def.Actions),
		step: ex.CurrentStep, stepAttempt: ex.StepAttempt, frames: ex.LoopFrames, stepRuns: ex.StepRuns,
		log: log.With("workflow_id", wf.ID),
	}
	if err := r.loadOutputs(ctx); err != nil {
		return nil, err
	}
	deadline, err := r.computeDeadline(ctx)
	if err != nil {
		return nil, err
	}
	r.deadline = deadline
	metrics.Claims.Inc()
	metrics.ClaimDelay.Observe(max(e.now().Sub(ex.RunAt), 0).Seconds())
	if !ex.ConditionsChecked && ex.CurrentStep == 0 && ex.StepAttempt == 0 {
		metrics.ExecutionsStarted.Inc()
	}
	return r, nil
}

// drive evaluates the conditions (on a fresh start) and runs steps until the execution
// leaves RUNNING, the lease is lost or the engine stops.
func (r *run) drive(stop, ctx context.Context) error {
	if err := r.checkGoal(ctx); err != nil || r.done {
		return err
	}
	if !r.ex.ConditionsChecked {
		if err := r.checkConditions(ctx); err != nil || r.done {
			return err
		}
	}
	for first := true; !r.done && r.step < r.prog.Len(); first = false {
		if stop.Err() != nil {
			return errShutdown
		}
		if r.e.now().After(r.deadline) {
			return r.failExecution(ctx, r.timeoutMessage())
		}
		if r.stepRuns >= r.e.cfg.MaxStepRuns {
			return r.failExecution(ctx, r.stepRunsExceeded())
		}
		if !first {
			// The goal is checked before each step (the first one's check is above).
			if err := r.checkGoal(ctx); err != nil || r.done {
				return err
			}
		}
		if err := r.runInstr(ctx); err != nil {
			return err
		}
	}
	if r.done {
		return nil
	}
	return r.complete(ctx)
}

// runInstr runs the instruction the execution stands at.
func (r *run) runInstr(ctx context.Context) error {
	switch in := r.prog.Instrs[r.step]; {
	case in.Op == workflow.OpStep && in.Action.Type == spec.ActionStop:
		return r.stop(ctx)
	case in.Op == workflow.OpStep && in.Action.Type == spec.ActionCompute:
		return r.compute(ctx)
	case in.Op == workflow.OpStep:
		return r.runStep(ctx)
	case in.Op == workflow.OpJump || in.Op == workflow.OpNext:
		// Positions are stored settled; one that is not (written by hand) settles here.
		p := r.settle(r.step)
		r.step, r.frames = p.ip, p.frames
		if r.step >= r.prog.Len() {
			return r.complete(ctx)
		}
		return nil
	default:
		return r.runControl(ctx)
	}
}

// complete marks the execution COMPLETED.
func (r *run) complete(ctx context.Context) error {
	err := saveFenced(ctx, r.c.ID, r.fenced(r.e.db.Client).
		SetStatus(workflowexecution.StatusCOMPLETED).
		SetCompletedAt(r.e.now()).
		ClearLeaseExpiresAt())
	if err == nil {
		r.done = true
		metrics.ExecutionsFinished.WithLabelValues(string(workflowexecution.StatusCOMPLETED)).Inc()
		r.log.Debug("execution completed")
	}
	return err
}

// failExecution marks the execution FAILED with msg, without a log row.
func (r *run) failExecution(ctx context.Context, msg string) error {
	err := saveFenced(ctx, r.c.ID, r.failed(r.e.db.Client, msg))
	if err == nil {
		r.done = true
		metrics.ExecutionsFinished.WithLabelValues(string(workflowexecution.StatusFAILED)).Inc()
		r.log.Info("execution failed", "error", msg)
	}
	return err
}

// failed is the fenced update that ends the execution as FAILED.
func (r *run) failed(db *ent.Client, msg string) *ent.WorkflowExecutionUpdate {
	return r.fenced(db).
		SetStatus(workflowexecution.StatusFAILED).
		SetErrorMessage(truncate(msg, maxErrorLength)).
		SetCompletedAt(r.e.now()).
		ClearLeaseExpiresAt()
}

// release gives a held execution back (PENDING, runnable after delay), for another worker or
// a later attempt. It uses its own context: the run's may be cancelled already.
func (e *Engine) release(c claimed, delay time.Duration, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(authz.System(context.Background(), authz.ReasonEngineBookkeeping), 10*time.Second)
	defer cancel()
	err := saveFenced(ctx, c.ID, e.fenced(e.db.Client, c).
		SetStatus(workflowexecution.StatusPENDING).
		SetRunAt(e.now().Add(delay)).
		ClearLeaseExpiresAt())
	switch {
	case errors.Is(err, errLeaseLost):
		log.Info("release: lease already lost")
	case err != nil:
		log.Error("release execution; it will be reclaimed when its lease expires", "error", err)
	default:
		log.Info("released execution", "runnable_in", delay.String())
	}
}
