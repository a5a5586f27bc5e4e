package engine

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/metrics"

	"github.com/flowline/flowline/internal/authz"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/action/registry"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/workflow"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// attempt is one try of one step: what ran, with which input, and when it started.
type attempt struct {
	index  int
	action spec.Action
	input  map[string]any
	start  time.Time
}

// runStep runs the current step once and records the outcome.
func (r *run) runStep(ctx context.Context) error {
	// The client the claim joined serves this run's first step only.
	defer func() { r.c.client = nil }()
	i := r.step
	a := *r.prog.Instrs[i].Action
	start := r.e.now()
	at := attempt{index: i, action: a, input: workflow.RedactConfig(a.Type, a.Config), start: start}

	prepared := workflow.PrepareConfig(a.Type, a.Config)
	var wctx workflow.Context
	var client *ent.Contact
	if workflow.HasTemplates(prepared) {
		// Only placeholders read the context, and only those that may show the client read it:
		// a literal config, or one naming only the workflow or earlier steps, reads no client.
		var err error
		if wctx, client, err = r.readContext(ctx, start, workflow.ReadsClient(prepared)); err != nil {
			return err
		}
	}
	kind, known := registry.Lookup(a.Type)
	if !known {
		return r.stepFailed(ctx, at, nil, action.Permanentf("unknown action type %q", a.Type))
	}
	rendered, err := workflow.RenderConfig(prepared, wctx)
	if err != nil {
		return r.stepFailed(ctx, at, nil, action.Permanent(fmt.Errorf("render config: %w", err)))
	}
	at.input = workflow.RedactConfig(a.Type, rendered)
	decoded, err := workflow.DecodeConfig(a.Type, rendered)
	if err != nil {
		return r.stepFailed(ctx, at, nil, action.Permanent(err))
	}

	stepCtx, cancel := context.WithDeadline(ctx, r.deadline)
	defer cancel()
	s := r.actionStep(i, start)
	if named, _ := workflow.SplitClientID(a.Type, rendered); named != "" {
		id, err := uuid.Parse(named)
		if err != nil {
			return r.stepFailed(ctx, at, nil, action.Permanentf("clientId %q is not a client id", named))
		}
		s.ClientID = &id
	}
	if client != nil && s.ClientID != nil && *s.ClientID == client.ID {
		s.Client = client
	}
	switch kind := kind.(type) {
	case action.Sleeper:
		return r.sleep(ctx, at, kind.WakeTime(start, decoded))
	case action.External:
		// A call to another system writes nothing of ours, so no privacy policy sees it: the
		// creator's right to act is checked here instead.
		if !r.creator.Role.AtLeast(auth.RoleEditor) {
			return r.stepFailed(ctx, at, nil, action.Permanentf("the workflow's creator (role %s) may no longer run workflows", r.creator.Role))
		}
		// The fenced write comes before the call, as for internal steps: a cancel that
		// committed meanwhile (or a lost lease) stops the step before anything is sent.
		if err := saveFenced(ctx, r.c.ID, r.fenced(r.e.db.Client)); err != nil {
			return err
		}
		out, err := kind.Call(stepCtx, action.Peers{Webhooks: r.e.cfg.Webhooks}, s, decoded)
		if ctx.Err() != nil {
			r.orphan(at, out, "interrupted (cancelled, taken over or shutting down) before its result was recorded")
			return errInterrupted
		}
		if err != nil {
			return r.stepFailed(ctx, at, out, r.timeoutOr(stepCtx, err))
		}
		err = r.succeed(ctx, at, out)
		if errors.Is(err, errLeaseLost) {
			r.orphan(at, out, "succeeded, but the execution was cancelled or taken over before the result was recorded")
		}
		return err
	case action.Internal:
		var out map[string]any
		next := r.settle(i + 1)
		err := r.e.stepTx(stepCtx, func(txCtx context.Context, tx *ent.Client) error {
			var err error
			// The step's own client change must not end this run on its goal mid-step; the
			// check before the next step does (see events.FromExecution).
			if out, err = kind.Run(events.FromExecution(r.asCreator(txCtx), r.c.ID), r.env(tx), s, decoded); err != nil {
				return err
			}
			if err := r.saveOutput(txCtx, tx, i, out); err != nil {
				return err
			}
			// The fenced advance (with the log row) comes last and decides: if the execution
			// was cancelled or taken over while the effect ran, it matches no row and the
			// whole step rolls back. Until then the step holds no lock on the execution row,
			// so a cancel never waits for a step (one blocked on a busy client row, say) and
			// the lease renewal keeps working during a long step.
			return r.advanceLogged(txCtx, r.moveTo(tx, next),
				r.logRow(tx, i, a, workflowexecutionlog.StatusSUCCESS, at.input, out, "", start))
		})
		// A step that rolled back still leaves its log row (every attempt does): nothing of it
		// happened, and the row says why.
		switch {
		case err == nil:
			r.remember(i, out)
			r.moved(next)
			return nil
		case errors.Is(err, errLeaseLost):
			r.orphan(at, nil, "rolled back: the execution was cancelled or taken over while this step ran")
			return err
		case ctx.Err() != nil:
			r.orphan(at, nil, "rolled back: interrupted (cancelled, taken over or shutting down) while this step ran")
			return errInterrupted
		}
		return r.stepFailed(ctx, at, nil, r.timeoutOr(stepCtx, err))
	}
	return r.stepFailed(ctx, at, nil, action.Permanentf("%s neither runs, calls nor sleeps", a.Type))
}

// succeed records a successful external step and advances.
func (r *run) succeed(ctx context.Context, at attempt, out map[string]any) error {
	next := r.settle(at.index + 1)
	err := r.e.stepTx(ctx, func(ctx context.Context, tx *ent.Client) error {
		if err := r.saveOutput(ctx, tx, at.index, out); err != nil {
			return err
		}
		return r.advanceLogged(ctx, r.moveTo(tx, next),
			r.logRow(tx, at.index, at.action, workflowexecutionlog.StatusSUCCESS, at.input, out, "", at.start))
	})
	if err == nil {
		r.remember(at.index, out)
		r.moved(next)
	}
	if action.IsPermanent(err) {
		return r.stepFailed(ctx, at, out, err)
	}
	return err
}

// remember keeps a recorded output for the steps after it.
func (r *run) remember(ip int, out map[string]any) {
	if in := r.prog.Instrs[ip]; keepsOutput(in) {
		// As stored: later steps read the same values whether or not the run was resumed.
		r.outputs[in.Path] = asStored(out)
	}
}

// sleep handles DELAY: the step is logged and the execution parks as PENDING until wake, so
// the delay survives restarts. A wake time already past just moves on.
func (r *run) sleep(ctx context.Context, at attempt, wake time.Time) error {
	delay := max(wake.Sub(at.start), 0)
	out := map[string]any{outUntil: wake.UTC().Format(time.RFC3339Nano), outDelayMs: delay.Milliseconds()}
	if delay == 0 {
		return r.succeed(ctx, at, out)
	}
	next := r.settle(at.index + 1)
	err := r.e.inTx(ctx, func(tx *ent.Client) error {
		if err := r.saveOutput(ctx, tx, at.index, out); err != nil {
			return err
		}
		err := saveFenced(ctx, r.c.ID, r.positionUpdate(tx, next).
			SetStatus(workflowexecution.StatusPENDING).
			SetRunAt(wake).
			ClearLeaseExpiresAt())
		if err != nil {
			return err
		}
		return r.logRow(tx, at.index, at.action, workflowexecutionlog.StatusSUCCESS, at.input, out, "", at.start).Exec(ctx)
	})
	if err == nil {
		r.remember(at.index, out)
		// Parked, not finished: the wake claims it again.
		r.step, r.frames, r.stepAttempt, r.done = next.ip, next.frames, 0, true
		r.stepRuns++
		r.log.Debug("delayed", "until", wake)
	}
	return err
}

// logRow builds the log row of one attempt of step i.
func (r *run) logRow(tx *ent.Client, i int, a spec.Action, status workflowexecutionlog.Status,
	input, output map[string]any, errMsg string, start time.Time) *ent.WorkflowExecutionLogCreate {
	in := r.prog.Instrs[i]
	duration := max(time.Since(start), 0)
	metrics.StepSeconds.WithLabelValues(string(a.Type), string(status)).Observe(duration.Seconds())
	c := tx.WorkflowExecutionLog.Create().
		SetExecutionID(r.c.ID).
		SetStepIndex(i).
		SetPath(in.Path).
		SetRun(r.ex.Run).
		SetNillableIteration(r.iteration()).
		SetActionType(a.Type).
		SetStatus(status).
		SetInputData(capData(input)).
		SetOutputData(capData(output)).
		SetAttempt(r.stepAttempt + 1).
		SetDurationMs(duration.Milliseconds()).
		SetExecutedAt(start)
	if a.Key != "" {
		c.SetStepKey(a.Key)
	}
	if in.Branch != "" {
		c.SetBranch(in.Branch)
	}
	if errMsg != "" {
		c.SetErrorMessage(truncate(errMsg, maxErrorLength))
	}
	return c
}

// orphan records an external attempt whose result could not be recorded normally (the lease
// was lost, or the engine was interrupted while it ran): the peer may have received it, and
// every attempt leaves a log row. The write is not fenced, since the lease is gone, and uses
// its own context.
func (r *run) orphan(at attempt, out map[string]any, msg string) {
	ctx, cancel := context.WithTimeout(authz.System(context.Background(), authz.ReasonEngineBookkeeping), 10*time.Second)
	defer cancel()
	data := map[string]any{outInterrupted: true}
	for k, v := range out {
		data[k] = v
	}
	err := r.logRow(r.e.db.Client, at.index, at.action, workflowexecutionlog.StatusFAILED, at.input, data, msg, at.start).Exec(ctx)
	if err != nil {
		r.log.Warn("record interrupted attempt", "step", at.index, "error", err)
	}
	// While this worker still holds the execution (an interrupted shutdown), the attempt is
	// counted, so the next try of the step logs the next attempt number. A lost lease
	// belongs to someone else now: the fenced write changes nothing then.
	if err := saveFenced(ctx, r.c.ID, r.fenced(r.e.db.Client).SetStepAttempt(r.stepAttempt+1)); err == nil {
		r.stepAttempt++
	}
}

// timeoutOr turns an error caused by the execution's deadline into a timeout error, which is
// permanent: retrying cannot give the execution more time.
func (r *run) timeoutOr(stepCtx context.Context, err error) error {
	if errors.Is(stepCtx.Err(), context.DeadlineExceeded) {
		return &timeoutError{msg: r.timeoutMessage()}
	}
	return err
}

// timeoutError is a step that ran out of the execution's time.
type timeoutError struct{ msg string }

// Error returns the timeout message.
func (e *timeoutError) Error() string { return e.msg }
