package loadtest

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// enginePhase measures the worker role, in rounds (-rounds) so that each drain has its floors
// beside it: a round enqueues a backlog of the three-step workflow (copies of an execution
// the API made while no worker ran), starts a worker-only server, and measures the drain
// from the database's own timestamps; in the first round, with the worker idle, single
// events one at a time; then pgbench runs the engine's per-step transactions on a backlog of
// the same size, once as BEGIN … COMMIT blocks (the floor) and once in the
// statements the engine sends.
func (st *suite) enginePhase(ctx context.Context) error {
	defer func() {
		st.api.stop()
		st.report.ServerErrors += st.api.errorLines()
	}()
	for round := 1; round <= max(st.opts.Rounds, 1); round++ {
		if err := st.drain(ctx, round); err != nil {
			return err
		}
		if err := st.engineFloors(ctx, round); err != nil {
			return err
		}
	}
	return nil
}

// drain measures one round's drain of the backlog by a worker-only server (and, in the first
// round, single events through the API with that worker idle).
func (st *suite) drain(ctx context.Context, round int) error {
	tpl, err := st.trigger(ctx, st.api, st.tpl.engineWorkflow)
	if err != nil {
		return err
	}
	n := max(st.opts.EngineExecutions, 1)
	tag := fmt.Sprintf("bench%d", round)
	if err := st.enqueue(ctx, tpl, n, tag); err != nil {
		return fmt.Errorf("the engine's backlog: %w", err)
	}
	st.checkpoint(ctx, "the engine's drain")
	load := loadAverage()
	worker, err := st.start(ctx, "worker", "worker", st.dbURL)
	if err != nil {
		return err
	}
	defer func() {
		worker.stop()
		st.report.ServerErrors += worker.errorLines()
	}()
	resetPeakRSS(worker.PID())
	cpu, err := st.startCPU(worker.PID())
	if err != nil {
		return err
	}
	if err := waitDrained(ctx, st.db, st.tpl.engineWorkflow, 10*time.Minute); err != nil {
		return err
	}
	m := Measurement{Round: round, Phase: "engine drain, 3 internal steps", System: "Flowline",
		Concurrency: st.opts.EngineWorkers, Unit: "executions/s", Count: n, Load: load}
	if err := cpu.stop(&m, n, false); err != nil {
		return err
	}
	if m.PeakRSS, err = peakRSS(worker.PID()); err != nil {
		return err
	}
	var done, failed int
	var span float64
	if err := st.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE status = 'COMPLETED'), count(*) FILTER (WHERE status <> 'COMPLETED'),
		EXTRACT(EPOCH FROM max(completed_at) - min(started_at))::float8
		FROM workflow_executions WHERE workflow_id = $1 AND (id = $2 OR dedupe_key LIKE $3)`,
		st.tpl.engineWorkflow, tpl, backlogKeyPrefix(tag)+"%").Scan(&done, &failed, &span); err != nil {
		return fmt.Errorf("read the drain: %w", err)
	}
	if failed > 0 || done != n {
		return fmt.Errorf("the drain completed %d of %d executions (%d did not complete)", done, n, failed)
	}
	m.Rate, m.Seconds = float64(n)/span, span
	st.report.add(m)
	if round == 1 {
		return st.latency(ctx)
	}
	return nil
}

// engineFloors runs pgbench on the engine's transactions, then on its statements as sent,
// each on a backlog of the same execution, at the worker's concurrency.
func (st *suite) engineFloors(ctx context.Context, round int) error {
	if st.pgbenchPath == "" {
		return nil
	}
	// pgbench runs for the suite's duration, so its backlog must outlast it even at a rate
	// far above the engine's.
	backlog := max(st.opts.EngineExecutions, 1, 2000*max(int(st.opts.Duration/time.Second), 1))
	for _, f := range []struct{ name, script, system string }{
		{"engine", engineFloorScript(), "pgbench (the engine's transactions)"},
		{"engine-statements", engineStatementsScript(), "pgbench (the engine's statements as sent)"},
	} {
		// Its template is a new PENDING execution: the first one has run, and what pgbench
		// leaves PENDING is removed after each floor.
		tpl, err := st.trigger(ctx, st.api, st.tpl.engineWorkflow)
		if err != nil {
			return err
		}
		if err := st.enqueue(ctx, tpl, backlog, "pgbench"); err != nil {
			return fmt.Errorf("the pgbench backlog: %w", err)
		}
		st.checkpoint(ctx, f.system)
		floor, err := st.pgbench(ctx, f.name, f.script, nil, st.opts.EngineWorkers)
		if err != nil {
			return err
		}
		floor.Round, floor.Phase, floor.System, floor.Unit = round, "engine drain, 3 internal steps", f.system, "executions/s"
		st.report.add(floor)
		// What pgbench left PENDING must not run later (it is a copy of a real execution), nor
		// what it claimed when its time ran out hold up the next round's drain (no worker runs
		// meanwhile).
		if _, err := st.db.ExecContext(ctx, `DELETE FROM workflow_executions WHERE workflow_id = $1 AND status IN ('PENDING', 'RUNNING')`,
			st.tpl.engineWorkflow); err != nil {
			return fmt.Errorf("remove the pgbench backlog: %w", err)
		}
	}
	return nil
}

// latency triggers single events one at a time through the API, the worker idle between
// them, and reads trigger-to-start and trigger-to-completion from the execution's own
// timestamps (created_at is set in the triggering transaction).
func (st *suite) latency(ctx context.Context) error {
	load := loadAverage()
	var toStart, toEnd []time.Duration
	for range max(st.opts.LatencyEvents, 1) {
		id, err := st.trigger(ctx, st.api, st.tpl.engineWorkflow)
		if err != nil {
			return err
		}
		created, started, completed, err := st.waitEnded(ctx, id, time.Minute)
		if err != nil {
			return err
		}
		toStart, toEnd = append(toStart, started.Sub(created)), append(toEnd, completed.Sub(created))
	}
	for _, l := range []struct {
		what string
		d    []time.Duration
	}{{"trigger → start", toStart}, {"trigger → completion", toEnd}} {
		slices.Sort(l.d)
		st.report.add(Measurement{Round: 1, Phase: "single events, " + l.what, System: "Flowline", Concurrency: 1,
			Count: len(l.d), P50: l.d[int(0.50*float64(len(l.d)-1))], P99: l.d[int(0.99*float64(len(l.d)-1))], Load: load})
	}
	return nil
}

// engineFloorScript is one execution of the three-step workflow as the engine's
// transactions, with the statements the engine sends (see engine-captured.sql, written in
// the same run) reduced to their effect: the claim, then per step the effect, its log row
// and the advance in one transaction, then the completion.
func engineFloorScript() string { return engineFloorSQL }

// engineStatementsScript is the same writes in the statements the engine sends them with:
// the steps that only insert as one statement each (enginefloor.go).
func engineStatementsScript() string { return engineStatementsSQL }
