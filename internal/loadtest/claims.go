package loadtest

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/flowline/flowline/internal/engine"
)

// pgbenchClaim is the engine's claim (engine.ClaimSQL) in a WITH, on one line for pgbench:
// the worker owner and the lease written in where the engine binds them, the clock now(),
// one execution a claim (issue 10's floor claims each execution; the engine claims up to
// several in one statement while it drains, with the same statement and a larger LIMIT).
func pgbenchClaim(owner, lease string) string {
	claim := strings.NewReplacer(
		"$1", "'"+owner+"'",
		"$2", "now() + interval '"+lease+"'",
		"$3", "now()",
	).Replace(engine.ClaimSQL())
	return "WITH claimed AS (" + strings.Join(strings.Fields(claim), " ") + ")"
}

// claimScript is the claim alone, the script of the claims phase.
func claimScript() string {
	return pgbenchClaim("pgbench-claims", "10 minutes") + " SELECT id FROM claimed;\n"
}

// claimsPhase measures the engine's claim with pgbench (one client, a fixed number of
// claims) with a small and then a large backlog of due executions: through the partial index
// of pending rows a claim reads the head of the queue, so the two rates should match. Each
// backlog is measured once a round (its claims take a fraction of a second, so one stall
// would move a lone measurement by a third), topped up to its size before each. It runs while
// no worker does (the API server of the read phase runs no engine) and removes every
// execution it made.
func (st *suite) claimsPhase(ctx context.Context) error {
	if st.pgbenchPath == "" {
		st.logf("pgbench not found: the claim backlog is not measured")
		return nil
	}
	defer func() {
		if _, err := st.db.ExecContext(context.WithoutCancel(ctx), `DELETE FROM workflow_executions
			WHERE workflow_id = $1 AND status IN ('PENDING', 'RUNNING')`, st.tpl.engineWorkflow); err != nil {
			st.logf("remove the claim backlog: %v", err)
		}
	}()
	claims := st.opts.Claims
	due := 0
	for _, backlog := range st.opts.ClaimBacklogs {
		if claims >= backlog {
			return fmt.Errorf("%d claims would drain the backlog of %d", claims, backlog)
		}
		for round := 1; round <= max(st.opts.Rounds, 1); round++ {
			m, err := st.claims(ctx, backlog, due, round)
			if err != nil {
				return err
			}
			st.report.add(m)
			due = backlog - claims
		}
	}
	return nil
}

// claims tops the backlog up from due to backlog executions and measures the claim against it.
func (st *suite) claims(ctx context.Context, backlog, due, round int) (Measurement, error) {
	// Top the backlog up from a new template (the last one may have been claimed).
	tpl, err := st.trigger(ctx, st.api, st.tpl.engineWorkflow)
	if err != nil {
		return Measurement{}, err
	}
	tag := fmt.Sprintf("claims-%d-%d", backlog, round)
	if err := st.enqueue(ctx, tpl, backlog-due, tag); err != nil {
		return Measurement{}, fmt.Errorf("the claim backlog: %w", err)
	}
	st.checkpoint(ctx, "the claims")
	if err := st.db.QueryRowContext(ctx, `SELECT count(*) FROM workflow_executions
		WHERE status = 'PENDING' AND NOT flow_gated`).Scan(&due); err != nil {
		return Measurement{}, fmt.Errorf("count the claim backlog: %w", err)
	}
	m, err := st.pgbenchFor(ctx, tag, claimScript(), nil, 1, "-t", strconv.Itoa(st.opts.Claims))
	if err != nil {
		return Measurement{}, err
	}
	m.Round, m.Phase, m.System, m.Unit = round, claimPhase(due), "pgbench (the engine's claim)", "claims/s"
	return m, nil
}

// claimPhase names the claim measurement with its backlog.
func claimPhase(due int) string { return fmt.Sprintf("claim, %d due executions", due) }

// checkpoint starts the measurement of what right after a checkpoint. The first change of a
// page after a checkpoint writes the whole page to the WAL, so a checkpoint that falls inside
// one measurement (set off by the enqueue before it, or by the clock every five minutes)
// makes it pay for what the others do not. The claims, the engine's drain and each of its
// floors start after one, and none lasts long enough for the next.
func (st *suite) checkpoint(ctx context.Context, what string) {
	if _, err := st.db.ExecContext(ctx, "CHECKPOINT"); err != nil {
		st.logf("no checkpoint before %s (%v): a checkpoint may fall inside one measurement only", what, err)
	}
}
