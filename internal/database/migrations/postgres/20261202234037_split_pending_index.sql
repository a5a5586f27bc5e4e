-- Drop index "workflow_executions_pending_run_at" from table: "workflow_executions"
DROP INDEX "workflow_executions_pending_run_at";
-- Create index "workflow_executions_pending_run_at" to table: "workflow_executions"
CREATE INDEX "workflow_executions_pending_run_at" ON "workflow_executions" ("run_at") WHERE status = 'PENDING' AND NOT flow_gated;
