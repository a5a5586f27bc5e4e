package loadtest

import "strings"

// engineFloorSQL is one execution of the benchmark's three-step workflow as the engine's
// writes, for pgbench, in the statements the engine sends them with: the claim (the
// engine's own statement, pgbenchClaim, in a WITH that returns the whole claimed row), then per step one
// transaction with the step's effect and one statement that inserts its log row in a WITH
// and makes the fenced advance of the position, the last one completing the execution. It
// leaves out what the engine reads around them (the workflow with its author, the client
// for steps with placeholders, the triggers a client change may start) and the change
// notifications: those are Flowline's own costs above the floor, listed with the rest in
// engine-captured.sql, which every run writes beside this script.
//
// A colon before a word is a pgbench variable even inside a quoted literal, hence the space
// in the JSON. newID makes time-ordered ids as the server's UUIDv7 do, so the floor's inserts land at
// the ends of the indexes as Flowline's do.
var engineFloorSQL = strings.NewReplacer("CLAIM", pgbenchClaim("pgbench", "30 seconds"), "newID", "(lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || substr(md5(random()::text), 1, 20))::uuid").Replace(`
CLAIM SELECT * FROM claimed \gset
BEGIN;
INSERT INTO tasks (id, created_at, title, updated_at, priority, due_at, client_id) VALUES (newID, now(), 'Follow up with Bench client', now(), 'MEDIUM', now(), :client_id);
WITH logged AS (INSERT INTO workflow_execution_logs (id, execution_id, step_index, path, run, action_type, status, input_data, output_data, attempt, duration_ms, executed_at) VALUES (newID, :id, 0, '/actions/0', 1, 'CREATE_TASK', 'SUCCESS', '{"title":"Follow up with Bench client"}', '{"priority":"MEDIUM"}', 1, 1, now())) UPDATE workflow_executions SET conditions_checked = true, current_step = 1, lease_expires_at = now() + interval '30 seconds', step_attempt = 0, step_runs = COALESCE(step_runs, 0) + 1 WHERE id = :id AND attempt = :attempt AND status = 'RUNNING';
COMMIT;
BEGIN;
SELECT id FROM clients WHERE id = :client_id FOR UPDATE;
UPDATE clients SET updated_at = now(), tags = '["seeded","bench"]' WHERE id = :client_id;
WITH logged AS (INSERT INTO workflow_execution_logs (id, execution_id, step_index, path, run, action_type, status, input_data, output_data, attempt, duration_ms, executed_at) VALUES (newID, :id, 1, '/actions/1', 1, 'ADD_TAG', 'SUCCESS', '{"tag":"bench"}', '{"changed": true}', 1, 1, now())) UPDATE workflow_executions SET conditions_checked = true, current_step = 2, lease_expires_at = now() + interval '30 seconds', step_attempt = 0, step_runs = COALESCE(step_runs, 0) + 1 WHERE id = :id AND attempt = :attempt AND status = 'RUNNING';
COMMIT;
BEGIN;
INSERT INTO activities (id, created_at, kind, message, actor, client_id) VALUES (newID, now(), 'workflow', 'benchmarked', 'workflow:' || 'pgbench', :client_id);
WITH logged AS (INSERT INTO workflow_execution_logs (id, execution_id, step_index, path, run, action_type, status, input_data, output_data, attempt, duration_ms, executed_at) VALUES (newID, :id, 2, '/actions/2', 1, 'LOG_ACTIVITY', 'SUCCESS', '{"message":"benchmarked"}', '{"message":"benchmarked"}', 1, 1, now())) UPDATE workflow_executions SET conditions_checked = true, lease_expires_at = NULL, status = 'COMPLETED', current_step = 3, completed_at = now(), step_attempt = 0, step_runs = COALESCE(step_runs, 0) + 1 WHERE id = :id AND attempt = :attempt AND status = 'RUNNING';
COMMIT;
`)
