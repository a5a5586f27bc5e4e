// Package stats answers the dashboard's questions about executions (counts, success rate,
// duration percentiles, a time series, per-step figures, the most failing workflows) with
// aggregate SQL: rows are counted and ranked by the database, never loaded into Go. The
// statements are written by hand, so the caller's read scope (authz.ExecutionReadScope) is
// added to every one of them.
package stats

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Querier runs a statement (ent's Client and Tx do, and *sql.DB).
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Request says what to compute: one workflow's statistics, or (WorkflowID nil) those of
// every workflow the caller may read, with the most failing ones.
type Request struct {
	Window
	WorkflowID *uuid.UUID
}

// Limits of the lists, so that an answer stays small whatever the number of workflows.
const (
	TopFailingLimit = 10
	StepsLimit      = 500
)

// Compute runs the statements for req as the caller in ctx. The window must have passed
// Check. The statements: counts, percentiles, last run, series, steps, top failing (the
// last one across workflows only).
func Compute(ctx context.Context, q Querier, d database.Dialect, req Request) (*Stats, error) {
	scope, err := authz.ExecutionReadScope(ctx)
	if err != nil {
		return nil, fmt.Errorf("workflow stats: %w", err)
	}
	c := computer{q: q, d: newDialect(d), req: Request{Window: req.utc(), WorkflowID: req.WorkflowID}, scope: scope}
	out := &Stats{}
	steps := []func(context.Context, *Stats) error{c.counts, c.durations, c.lastRun, c.series, c.steps, c.enrollment}
	if req.WorkflowID == nil {
		steps = append(steps, c.topFailing)
	}
	for _, step := range steps {
		if err := step(ctx, out); err != nil {
			return nil, fmt.Errorf("workflow stats: %w", err)
		}
	}
	if f := out.Counts.Finished(); f > 0 {
		rate := float64(out.Counts.Completed) / float64(f)
		out.SuccessRate = &rate
	}
	return out, nil
}

type computer struct {
	q     Querier
	d     sqlDialect
	req   Request
	scope authz.ExecutionScope
}

// where is the condition on executions e of the window, the workflow and the caller's scope.
func (c computer) where(p *placeholders) string {
	conds := []string{"e.created_at >= " + p.add(c.req.Since), "e.created_at < " + p.add(c.req.Until)}
	if c.req.WorkflowID != nil {
		conds = append(conds, "e.workflow_id = "+p.add(*c.req.WorkflowID))
	}
	if !c.scope.All {
		conds = append(conds, "e.workflow_id IN (SELECT w.id FROM workflows w WHERE w.created_by_id = "+p.add(c.scope.CreatedBy)+")")
	}
	return and(conds...)
}

func (c computer) query(ctx context.Context, what, query string, args []any, row func(*sql.Rows) error) error {
	rows, err := c.q.QueryContext(ctx, c.d.rebind(query), args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

func (c computer) counts(ctx context.Context, out *Stats) error {
	var p placeholders
	q := "SELECT e.status, COUNT(*) FROM workflow_executions e WHERE " + c.where(&p) + " GROUP BY e.status"
	return c.query(ctx, "counts", q, p.args, func(r *sql.Rows) error {
		var (
			status string
			n      int64
		)
		if err := r.Scan(&status, &n); err != nil {
			return err
		}
		addStatus(&out.Counts, status, int(n))
		return nil
	})
}

// durations reads the p50 and p95 of finished executions' durations.
func (c computer) durations(ctx context.Context, out *Stats) error {
	var p placeholders
	ctes, from := c.d.percentiles("g")
	q := "WITH d AS (SELECT 0 AS g, " + c.d.duration("e.started_at", "e.completed_at") + " AS v FROM workflow_executions e WHERE " +
		and(c.where(&p), "e.status IN ('COMPLETED', 'FAILED')", "e.started_at IS NOT NULL", "e.completed_at IS NOT NULL") + ")" + ctes +
		" SELECT " + c.d.percentile(0.5) + ", " + c.d.percentile(0.95) + " FROM " + from + " GROUP BY g"
	return c.query(ctx, "duration percentiles", q, p.args, func(r *sql.Rows) error {
		var p50, p95 sql.NullFloat64
		if err := r.Scan(&p50, &p95); err != nil {
			return err
		}
		out.DurationP50Ms, out.DurationP95Ms = ms(p50), ms(p95)
		return nil
	})
}

func (c computer) lastRun(ctx context.Context, out *Stats) error {
	var p placeholders
	q := "SELECT e.id, e.workflow_id, e.status, e.created_at, e.started_at FROM workflow_executions e WHERE " + c.where(&p) +
		" ORDER BY e.created_at DESC, e.id DESC LIMIT 1"
	return c.query(ctx, "last run", q, p.args, func(r *sql.Rows) error {
		var (
			run     LastRun
			status  string
			started sql.NullTime
		)
		if err := r.Scan(&run.ExecutionID, &run.WorkflowID, &status, &run.CreatedAt, &started); err != nil {
			return err
		}
		run.Status = workflowexecution.Status(status)
		run.CreatedAt = run.CreatedAt.UTC()
		if started.Valid {
			t := started.Time.UTC()
			run.StartedAt = &t
		}
		out.LastRun = &run
		return nil
	})
}

// series counts executions per bucket of created_at and status; buckets without
// executions are filled in with zeros.
func (c computer) series(ctx context.Context, out *Stats) error {
	var p placeholders
	q := "SELECT " + c.d.bucket(c.req.Bucket, "e.created_at") + " AS b, e.status, COUNT(*) FROM workflow_executions e WHERE " +
		c.where(&p) + " GROUP BY 1, 2"
	byStart := map[time.Time]*Counts{}
	err := c.query(ctx, "series", q, p.args, func(r *sql.Rows) error {
		var (
			bucket, status string
			n              int64
		)
		if err := r.Scan(&bucket, &status, &n); err != nil {
			return err
		}
		start, err := time.Parse(time.RFC3339, bucket)
		if err != nil {
			return fmt.Errorf("bucket %q: %w", bucket, err)
		}
		if byStart[start] == nil {
			byStart[start] = &Counts{}
		}
		addStatus(byStart[start], status, int(n))
		return nil
	})
	if err != nil {
		return err
	}
	starts := c.req.bucketStarts()
	out.Series = make([]Point, len(starts))
	for i, s := range starts {
		out.Series[i] = Point{Start: s}
		if counts := byStart[s]; counts != nil {
			out.Series[i].Counts = *counts
		}
	}
	return nil
}

// steps aggregates the step attempts (log rows other than SKIPPED) of the window's
// executions by workflow and step: its key, or its index for a step without a key.
func (c computer) steps(ctx context.Context, out *Stats) error {
	var p placeholders
	ctes, from := c.d.percentiles("wf, g")
	q := "WITH d AS (SELECT e.workflow_id AS wf, COALESCE(l.step_key, '#' || CAST(l.step_index AS TEXT)) AS g, l.step_key AS k, " +
		"l.step_index AS si, l.action_type AS at, l.status AS st, CAST(l.duration_ms AS DOUBLE PRECISION) AS v " +
		"FROM workflow_executions e " + c.d.logsOf("e", "l", "l.step_key, l.step_index, l.action_type, l.status, l.duration_ms", "l.status <> 'SKIPPED'") + " WHERE " + c.where(&p) + ")" + ctes +
		" SELECT wf, MAX(k), MIN(si), MAX(at), COUNT(*), SUM(CASE WHEN st = 'FAILED' THEN 1 ELSE 0 END), " + c.d.percentile(0.5) +
		" FROM " + from + " GROUP BY wf, g ORDER BY wf, MIN(si), g LIMIT " + fmt.Sprint(StepsLimit)
	return c.query(ctx, "steps", q, p.args, func(r *sql.Rows) error {
		var (
			s              StepStats
			key            sql.NullString
			index          int64
			action         string
			runs, failures int64
			p50            sql.NullFloat64
		)
		if err := r.Scan(&s.WorkflowID, &key, &index, &action, &runs, &failures, &p50); err != nil {
			return err
		}
		if key.Valid {
			s.StepKey = &key.String
		}
		s.StepIndex, s.ActionType, s.Runs, s.Failures, s.DurationP50Ms = int(index), spec.ActionType(action), int(runs), int(failures), ms(p50)
		out.Steps = append(out.Steps, s)
		return nil
	})
}

// topFailing ranks the caller's workflows by failed executions in the window.
func (c computer) topFailing(ctx context.Context, out *Stats) error {
	var p placeholders
	q := "SELECT e.workflow_id, w.name, SUM(CASE WHEN e.status = 'FAILED' THEN 1 ELSE 0 END) AS failures, COUNT(*) " +
		"FROM workflow_executions e JOIN workflows w ON w.id = e.workflow_id WHERE " + c.where(&p) +
		" GROUP BY e.workflow_id, w.name HAVING SUM(CASE WHEN e.status = 'FAILED' THEN 1 ELSE 0 END) > 0" +
		" ORDER BY 3 DESC, 2, 1 LIMIT " + fmt.Sprint(TopFailingLimit)
	out.TopFailing = []FailingWorkflow{}
	return c.query(ctx, "top failing", q, p.args, func(r *sql.Rows) error {
		var (
			f               FailingWorkflow
			failures, total int64
		)
		if err := r.Scan(&f.WorkflowID, &f.Name, &failures, &total); err != nil {
			return err
		}
		f.Failures, f.Total = int(failures), int(total)
		out.TopFailing = append(out.TopFailing, f)
		return nil
	})
}

// ms rounds a duration to the microsecond: PostgreSQL's interval arithmetic is exact to
// the microsecond, and the digits beyond are floating-point noise.
func ms(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	r := math.Round(v.Float64*1000) / 1000
	return &r
}
