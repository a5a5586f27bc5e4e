package loadtest

import (
	"fmt"
	"strings"
)

// The engine's floor: one execution of the benchmark's three-step workflow as the engine's
// writes, for pgbench: the claim (the engine's own statement, pgbenchClaim, in a WITH that
// returns the whole claimed row), then per step the step's effect and one statement that
// inserts its log row and makes the fenced advance of the position, the last one completing
// the execution. It leaves out what the engine reads around them (the workflow with its
// author, the client for steps with placeholders, the triggers a client change may start)
// and the change notifications: those are Flowline's own costs above the floor, listed with
// the rest in engine-captured.sql, which every run writes beside these scripts.
//
// It comes in two shapes. engineFloorSQL is the issue's: each step one BEGIN … COMMIT
// transaction. engineStatementsSQL sends them as Flowline does since 2026-12-04
// (database.DeferTx): a step whose effect only inserts rows (steps 1 and 3) is one statement
// outside a transaction block, its inserts in a WITH carried by the advance, which aborts the
// statement by a division by zero when it changes no row; a step that reads first (step 2,
// which finds the tag there already) sends that read outside any transaction too, and then
// its log row and advance so.
//
// A colon before a word is a pgbench variable even inside a quoted literal, hence the space
// in the JSON. newID makes time-ordered ids as the server's UUIDv7 do, so the floor's inserts
// land at the ends of the indexes as Flowline's do.
var (
	engineFloorSQL      = floorScript(stepsInTransactions)
	engineStatementsSQL = floorScript(stepsAsSent)
)

const (
	floorTask     = `INSERT INTO tasks (id, created_at, title, updated_at, priority, due_at, client_id) VALUES (newID, now(), 'Follow up with Bench client', now(), 'MEDIUM', now(), :client_id)`
	floorLog0     = `INSERT INTO workflow_execution_logs (id, execution_id, step_index, path, run, action_type, status, input_data, output_data, attempt, duration_ms, executed_at) VALUES (newID, :id, 0, '/actions/0', 1, 'CREATE_TASK', 'SUCCESS', '{"title":"Follow up with Bench client"}', '{"priority":"MEDIUM"}', 1, 1, now())`
	floorAdvance0 = `UPDATE workflow_executions SET conditions_checked = true, current_step = 1, lease_expires_at = now() + interval '30 seconds', step_attempt = 0, step_runs = COALESCE(step_runs, 0) + 1 WHERE id = :id AND attempt = :attempt AND status = 'RUNNING'`
	floorClient   = `SELECT * FROM clients WHERE id = :client_id`
	floorLog1     = `INSERT INTO workflow_execution_logs (id, execution_id, step_index, path, run, action_type, status, input_data, output_data, attempt, duration_ms, executed_at) VALUES (newID, :id, 1, '/actions/1', 1, 'ADD_TAG', 'SUCCESS', '{"tag":"bench"}', '{"tag":"bench", "changed": false}', 1, 1, now())`
	floorAdvance1 = `UPDATE workflow_executions SET conditions_checked = true, current_step = 2, lease_expires_at = now() + interval '30 seconds', step_attempt = 0, step_runs = COALESCE(step_runs, 0) + 1 WHERE id = :id AND attempt = :attempt AND status = 'RUNNING'`
	floorActivity = `INSERT INTO activities (id, created_at, kind, message, actor, client_id) VALUES (newID, now(), 'workflow', 'benchmarked', 'workflow:' || 'pgbench', :client_id)`
	floorLog2     = `INSERT INTO workflow_execution_logs (id, execution_id, step_index, path, run, action_type, status, input_data, output_data, attempt, duration_ms, executed_at) VALUES (newID, :id, 2, '/actions/2', 1, 'LOG_ACTIVITY', 'SUCCESS', '{"message":"benchmarked"}', '{"message":"benchmarked"}', 1, 1, now())`
	floorComplete = `UPDATE workflow_executions SET conditions_checked = true, lease_expires_at = NULL, status = 'COMPLETED', current_step = 3, completed_at = now(), step_attempt = 0, step_runs = COALESCE(step_runs, 0) + 1 WHERE id = :id AND attempt = :attempt AND status = 'RUNNING'`
)

// floorStep is one step of the floor: what it reads first, its effect's statements, its log
// row and its advance. Step 2 adds the tag the backlog's client has already (every execution
// of the drain is a copy of one, on one client): the engine reads the client, finds nothing
// to do and writes its log row and advance (tag.changeTag).
type floorStep struct {
	reads   []string
	effect  []string
	log     string
	advance string
}

var floorSteps = []floorStep{
	{nil, []string{floorTask}, floorLog0, floorAdvance0},
	{[]string{floorClient}, nil, floorLog1, floorAdvance1},
	{nil, []string{floorActivity}, floorLog2, floorComplete},
}

// stepsInTransactions writes each step as a transaction: its reads and effect, then its log
// row in a WITH of the advance.
func stepsInTransactions(b *strings.Builder, s floorStep) {
	b.WriteString("BEGIN;\n")
	for _, e := range append(append([]string{}, s.reads...), s.effect...) {
		b.WriteString(e + ";\n")
	}
	b.WriteString("WITH logged AS (" + s.log + ") " + s.advance + ";\nCOMMIT;\n")
}

// stepsAsSent writes the steps in the statements Flowline sends: a step's reads go first,
// outside any transaction (database.ReadOutside); a step whose effect only inserts is then
// one statement outside a transaction block, its inserts and log row carried by the advance,
// which counts the rows it changed into a division that aborts the statement on zero; the
// others as transactions.
func stepsAsSent(b *strings.Builder, s floorStep) {
	for _, e := range s.effect {
		if !strings.HasPrefix(e, "INSERT ") {
			stepsInTransactions(b, s)
			return
		}
	}
	for _, r := range s.reads {
		b.WriteString(r + ";\n")
	}
	b.WriteString("WITH ")
	for i, e := range append(append([]string{}, s.effect...), s.log) {
		fmt.Fprintf(b, "held_%d AS (%s), ", i, e)
	}
	b.WriteString("final AS (" + s.advance + " RETURNING 1) SELECT count(*), 1 / count(*) FROM final;\n")
}

// floorScript is the claim and the three steps, each written by step.
func floorScript(step func(*strings.Builder, floorStep)) string {
	var b strings.Builder
	b.WriteString("CLAIM SELECT * FROM claimed \\gset\n")
	for _, s := range floorSteps {
		step(&b, s)
	}
	return strings.NewReplacer("CLAIM", pgbenchClaim("pgbench", "30 seconds"),
		"newID", "(lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || substr(md5(random()::text), 1, 20))::uuid").
		Replace(b.String())
}
