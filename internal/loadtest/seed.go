package loadtest

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	flowdb "github.com/flowline/flowline/internal/database"
)

// Dataset is the size of the seeded history.
type Dataset struct {
	Users, Clients, Workflows int
	ExecutionsPerWorkflow     int // each with one log row per step of the seed workflow
	BigExecutions             int // the one workflow with a long history
	BigLogged                 int // how many of its newest executions have their log rows
}

// ReferenceDataset is the issue's: 10 users, 100 clients, 1,000 workflows, 100,000
// executions, 1,000,000 logs, and one workflow with 200,000 executions.
var ReferenceDataset = Dataset{Users: 10, Clients: 100, Workflows: 1000, ExecutionsPerWorkflow: 100,
	BigExecutions: 200_000, BigLogged: 1000}

// SmokeDataset is the smoke mode's: enough rows for every query to answer a full page.
var SmokeDataset = Dataset{Users: 2, Clients: 3, Workflows: 25, ExecutionsPerWorkflow: 12,
	BigExecutions: 300, BigLogged: 20}

// seedSteps is the seed workflow's definition: ten internal steps, so each seeded
// execution has the ten log rows of a real run.
var seedSteps = func() []map[string]any {
	steps := []map[string]any{
		{"type": "CREATE_TASK", "config": map[string]any{"title": "Follow up with {{client.name}}"}},
		{"type": "ADD_TAG", "config": map[string]any{"tag": "seeded"}},
	}
	for i := range 8 {
		steps = append(steps, map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": fmt.Sprintf("step %d", i+3)}})
	}
	return steps
}()

// engineSteps is the engine benchmark's three-step internal workflow.
var engineSteps = []map[string]any{
	{"type": "CREATE_TASK", "config": map[string]any{"title": "Follow up with {{client.name}}"}},
	{"type": "ADD_TAG", "config": map[string]any{"tag": "bench"}},
	{"type": "LOG_ACTIVITY", "config": map[string]any{"message": "benchmarked"}},
}

// templates are the rows the API created, which the seed copies.
type templates struct {
	client, seedWorkflow, engineWorkflow, execution string
}

// synthID is the SQL of the n-th seeded id of a kind: ordered like the UUIDv7 ids Flowline
// makes (later rows sort later) and below every real one.
func synthID(kind int, n string) string {
	return fmt.Sprintf("('00000000-0000-%04x-0000-' || lpad(to_hex(%s), 12, '0'))::uuid", kind, n)
}

// backlogID is the SQL of the n-th id of an enqueued backlog: a UUIDv7 (version 7, variant
// 10) with the enqueue's clock in its first 48 bits and n in its last 60, so that the
// backlog's ids sort as its run_at does and after every id the server made before it.
func backlogID(n string) string {
	return flowdb.UUIDv7SQL("now()", n)
}

// backlogKeyPrefix starts the dedupe key of every execution an enqueue with tag made.
func backlogKeyPrefix(tag string) string { return tag + ":" }

// Kinds of seeded ids.
const (
	kindUser = iota + 1
	kindClient
	kindWorkflow
	kindVersion
	kindExecution
	kindLog
)

// bigWorkflowID is the long-history workflow's id.
func (d Dataset) bigWorkflowID() string { return syntheticUUID(kindWorkflow, int64(d.Workflows)+1) }

// smallWorkflowID is a workflow with the ordinary history.
func (d Dataset) smallWorkflowID() string { return syntheticUUID(kindWorkflow, 1) }

func syntheticUUID(kind int, n int64) string {
	return fmt.Sprintf("00000000-0000-%04x-0000-%012x", kind, n)
}

// seed copies the API-made rows into the dataset with set-based SQL: no row is invented
// column by column, so the seeded rows are what the server itself writes (definitions that
// parse, versions, statuses, timestamps, step indexes), only more of them.
func seed(ctx context.Context, db *sql.DB, d Dataset, tpl templates) error {
	execs := d.Workflows * d.ExecutionsPerWorkflow
	total := execs + d.BigExecutions
	var adminID string
	if err := db.QueryRowContext(ctx, `SELECT created_by_id FROM workflows WHERE id = $1`, tpl.seedWorkflow).Scan(&adminID); err != nil {
		return fmt.Errorf("seed: read the workflow's author: %w", err)
	}
	// created_at of the n-th execution: one a second, the last one a minute ago.
	execAt := fmt.Sprintf("now() - interval '1 minute' - interval '1 second' * (%d - g)", total)
	clientOf := fmt.Sprintf("CASE WHEN g %% %d = 0 THEN tpl.client_id ELSE %s END", d.Clients, synthID(kindClient, fmt.Sprintf("g %% %d", d.Clients)))
	steps := []struct {
		what, table, from string
		set               map[string]string
	}{
		{"users", "users", fmt.Sprintf("users tpl, generate_series(1, %d) g WHERE tpl.id = '%s'", d.Users-1, adminID), map[string]string{
			"id": synthID(kindUser, "g"), "email": "'bench-user-' || g || '@flowline.local'",
			"email_key": "'bench-user-' || g || '@flowline.local'", "name": "'Bench user ' || g", "password_hash": "NULL",
		}},
		{"clients", "clients", fmt.Sprintf("clients tpl, generate_series(1, %d) g WHERE tpl.id = '%s'", d.Clients-1, tpl.client), map[string]string{
			"id": synthID(kindClient, "g"), "name": "'Bench client ' || g", "email": "'client-' || g || '@bench.flowline.local'",
		}},
		{"workflows", "workflows", fmt.Sprintf("workflows tpl, generate_series(1, %d) g WHERE tpl.id = '%s'", d.Workflows+1, tpl.seedWorkflow), map[string]string{
			"id": synthID(kindWorkflow, "g"), "name": fmt.Sprintf("CASE WHEN g = %d THEN 'Bench workflow with a long history' ELSE 'Bench workflow ' || g END", d.Workflows+1),
			"created_at": "now() - interval '10 days' + interval '1 second' * g", "updated_at": "now() - interval '10 days' + interval '1 second' * g",
			"webhook_secret": "NULL", "template_key": "NULL",
		}},
		{"workflow versions", "workflow_versions", fmt.Sprintf("workflow_versions tpl, generate_series(1, %d) g WHERE tpl.workflow_id = '%s'", d.Workflows+1, tpl.seedWorkflow), map[string]string{
			"id": synthID(kindVersion, "g"), "workflow_id": synthID(kindWorkflow, "g"),
		}},
		{"executions", "workflow_executions", fmt.Sprintf("workflow_executions tpl, generate_series(1, %d) g WHERE tpl.id = '%s'", total, tpl.execution), map[string]string{
			"id":          synthID(kindExecution, "g"),
			"workflow_id": synthID(kindWorkflow, fmt.Sprintf("CASE WHEN g > %d THEN %d ELSE (g - 1) / %d + 1 END", execs, d.Workflows+1, d.ExecutionsPerWorkflow)),
			"client_id":   clientOf, "created_at": execAt, "run_at": execAt,
			"started_at": execAt + " + interval '10 milliseconds'", "completed_at": execAt + " + interval '200 milliseconds'",
			"status":        "CASE WHEN g % 10 = 0 THEN 'FAILED' ELSE tpl.status END",
			"error_message": "CASE WHEN g % 10 = 0 THEN 'seeded failure' ELSE tpl.error_message END",
			"dedupe_key":    "NULL",
		}},
		{"execution logs", "workflow_execution_logs", fmt.Sprintf(
			"workflow_execution_logs tpl, generate_series(1, %d) g WHERE tpl.execution_id = '%s' AND (g <= %d OR g > %d)",
			total, tpl.execution, execs, total-d.BigLogged), map[string]string{
			"id": synthID(kindLog, "g * 16 + tpl.step_index"), "execution_id": synthID(kindExecution, "g"),
			"executed_at":   execAt + " + interval '10 milliseconds' * (tpl.step_index + 2)",
			"status":        fmt.Sprintf("CASE WHEN g %% 10 = 0 AND tpl.step_index = %d THEN 'FAILED' ELSE tpl.status END", len(seedSteps)-1),
			"error_message": fmt.Sprintf("CASE WHEN g %% 10 = 0 AND tpl.step_index = %d THEN 'seeded failure' ELSE tpl.error_message END", len(seedSteps)-1),
		}},
	}
	for _, s := range steps {
		if err := copyRows(ctx, db, s.table, s.from, s.set); err != nil {
			return fmt.Errorf("seed %s: %w", s.what, err)
		}
	}
	if _, err := db.ExecContext(ctx, `VACUUM ANALYZE users, clients, workflows, workflow_versions, workflow_executions, workflow_execution_logs`); err != nil {
		return fmt.Errorf("seed: vacuum analyze: %w", err)
	}
	return nil
}

// copyRows inserts one row per row of from (which names the template tpl), every column
// copied from tpl unless set gives its SQL. The column list is read from the database, so a
// column added by a later migration is copied too.
func copyRows(ctx context.Context, db *sql.DB, table, from string, set map[string]string) error {
	cols, err := columns(ctx, db, table)
	if err != nil {
		return err
	}
	exprs := make([]string, len(cols))
	for i, c := range cols {
		exprs[i] = "tpl." + c
		if e, ok := set[c]; ok {
			exprs[i] = e
		}
	}
	for c := range set {
		if !containsString(cols, c) {
			return fmt.Errorf("table %s has no column %s", table, c)
		}
	}
	// Names from information_schema and SQL from this file: no outside input.
	q := fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM %s", table, strings.Join(cols, ", "), strings.Join(exprs, ", "), from) //nolint:gosec // G201: see above
	if _, err := db.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("copy rows: %w", err)
	}
	return nil
}

func columns(ctx context.Context, db *sql.DB, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, table)
	if err != nil {
		return nil, fmt.Errorf("read the columns of %s: %w", table, err)
	}
	defer func() { _ = rows.Close() }()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("read the columns of %s: %w", table, err)
		}
		cols = append(cols, c)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("table %s not found in the current schema", table)
	}
	return cols, rows.Err()
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// enqueue copies the PENDING execution tpl n-1 times (n in all), spread over the seeded
// clients, due now: a backlog as n triggering events would have left it, each a microsecond
// after the one before (a backlog of equal run_at would pile up in the claim index's
// posting lists, as no queue of events does). Their ids are made as the server makes them,
// UUIDv7 (backlogID), and their dedupe keys as it makes a trigger's (its type, a colon and a
// UUIDv7): random ids, or keys that sort as text ('-1', '-10', '-100'), would put each
// claim's new index entries on leaf pages scattered over the whole index, which no backlog
// the server wrote has.
func enqueue(ctx context.Context, db *sql.DB, d Dataset, tpl string, n int, tag string) error {
	clientOf := fmt.Sprintf("CASE WHEN g %% %d = 0 THEN tpl.client_id ELSE %s END", d.Clients, synthID(kindClient, fmt.Sprintf("g %% %d", d.Clients)))
	return copyRows(ctx, db, "workflow_executions", fmt.Sprintf(
		"workflow_executions tpl, generate_series(1, %d) g WHERE tpl.id = '%s'", n-1, tpl), map[string]string{
		"id": backlogID("g"), "client_id": clientOf, "created_at": "now()",
		"run_at":     fmt.Sprintf("now() - interval '1 microsecond' * (%d - g)", n),
		"dedupe_key": fmt.Sprintf("'%s' || %s", backlogKeyPrefix(tag), backlogID("g")),
	})
}

// enqueue is enqueue into the suite's database, then VACUUM ANALYZE, so that the claims
// that follow are planned on the backlog as it is.
func (st *suite) enqueue(ctx context.Context, tpl string, n int, tag string) error {
	if err := enqueue(ctx, st.db, st.opts.Dataset, tpl, n, tag); err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	if _, err := st.db.ExecContext(ctx, "VACUUM ANALYZE workflow_executions"); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}

// waitDrained polls until no execution of the workflow is PENDING or RUNNING.
func waitDrained(ctx context.Context, db *sql.DB, workflowID string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		// EXISTS stops at the first execution left: a count would read the whole backlog ten
		// times a second, on the database whose CPU the drain is measured by.
		var waiting bool
		if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM workflow_executions
			WHERE workflow_id = $1 AND status IN ('PENDING', 'RUNNING'))`, workflowID).Scan(&waiting); err != nil {
			return fmt.Errorf("look for the backlog: %w", err)
		}
		if !waiting {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("executions still waiting after %s", timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
