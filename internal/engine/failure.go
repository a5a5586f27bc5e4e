package engine

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/metrics"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// maxRetryAfter caps how long a peer's Retry-After header may postpone a retry.
const maxRetryAfter = time.Hour

// stepFailed records a failed attempt and applies the step's policy:
//   - a retryable error with attempts left parks the execution as PENDING until the backoff
//     has passed (exponential, with jitter; at least the peer's Retry-After);
//   - otherwise onError CONTINUE moves on to the next step;
//   - otherwise (onError STOP, the default) the execution FAILED with the error.
//
// Errors that retrying cannot fix (see action.IsPermanent) and timeouts are not retried.
func (r *run) stepFailed(ctx context.Context, at attempt, out map[string]any, stepErr error) error {
	tries := r.stepAttempt + 1
	policy := at.action.Retry.Effective()
	var timeout *timeoutError
	timedOut := errors.As(stepErr, &timeout)
	retry := !timedOut && !action.IsPermanent(stepErr) && tries < policy.MaxAttempts
	next := "stop"
	var pos position
	switch {
	case retry:
		next = "retry"
	case !timedOut && at.action.EffectiveOnError() == spec.OnErrorContinue:
		next = "continue"
		pos, _ = r.failurePosition(at.index, true)
	case !timedOut:
		if p, ok := r.failurePosition(at.index, false); ok {
			next, pos = "skip item", p
		}
	}
	now := r.e.now()
	wait := backoff(policy, tries, stepErr)
	msg := stepErr.Error()
	err := r.e.inTx(ctx, func(tx *ent.Client) error {
		var u *ent.WorkflowExecutionUpdate
		switch next {
		case "retry":
			u = r.fenced(tx).
				SetStepAttempt(tries).
				SetStatus(workflowexecution.StatusPENDING).
				SetRunAt(now.Add(wait)).
				ClearLeaseExpiresAt()
		case "continue", "skip item":
			u = r.moveTo(tx, pos)
			// The failed step has no output in this run (or this item): drop an earlier one.
			if err := r.dropOutput(ctx, tx, at.index); err != nil {
				return err
			}
		default:
			u = r.failed(tx, r.stopMessage(at, tries, msg))
		}
		if err := saveFenced(ctx, r.c.ID, u); err != nil {
			return err
		}
		return r.logRow(tx, at.index, at.action, workflowexecutionlog.StatusFAILED, at.input, out, msg, at.start).Exec(ctx)
	})
	if err != nil {
		return err
	}
	log := r.log.With("step", at.index, "action", at.action.Type, "try", tries, "error", msg)
	switch next {
	case "retry":
		r.stepAttempt, r.done = tries, true
		log.Info("step failed; will retry", "in", wait.String())
	case "continue":
		r.moved(pos)
		log.Info("step failed; continuing (onError CONTINUE)")
	case "skip item":
		r.moved(pos)
		log.Info("step failed; going on with the next item (continueOnItemError)")
	default:
		r.done = true
		metrics.ExecutionsFinished.WithLabelValues(string(workflowexecution.StatusFAILED)).Inc()
		log.Info("step failed; execution failed")
	}
	return nil
}

// stopMessage is the execution's errorMessage when a step ends it.
func (r *run) stopMessage(at attempt, tries int, msg string) string {
	name := string(at.action.Type)
	if at.action.Name != "" {
		name = fmt.Sprintf("%s %q", at.action.Type, at.action.Name)
	}
	return fmt.Sprintf("step %d (%s) failed after %d attempt(s): %s", at.index, name, tries, msg)
}

// backoff returns the wait before the next try after failed try number tries.
func backoff(p spec.RetryPolicy, tries int, err error) time.Duration {
	d := p.Backoff(tries, rand.Float64)
	var se *delivery.StatusError
	if errors.As(err, &se) && se.RetryAfter > d {
		d = min(se.RetryAfter, maxRetryAfter)
	}
	return d
}
