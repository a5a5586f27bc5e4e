-- Create index "emails_done_created_at" to table: "emails"
CREATE INDEX "emails_done_created_at" ON "emails" ("created_at") WHERE status IN ('SENT', 'FAILED');
-- Create index "workflow_execution_logs_failed" to table: "workflow_execution_logs"
CREATE INDEX "workflow_execution_logs_failed" ON "workflow_execution_logs" ("execution_id", "run", "executed_at") WHERE status = 'FAILED';
-- Drop index "workflowexecution_client_id" from table: "workflow_executions"
DROP INDEX "workflowexecution_client_id";
-- Drop index "workflowexecution_status" from table: "workflow_executions"
DROP INDEX "workflowexecution_status";
-- Drop index "workflowexecution_workflow_id" from table: "workflow_executions"
DROP INDEX "workflowexecution_workflow_id";
-- Create index "workflowexecution_workflow_id_created_at" to table: "workflow_executions"
CREATE INDEX "workflowexecution_workflow_id_created_at" ON "workflow_executions" ("workflow_id", "created_at");
-- Create index "workflowexecution_workflow_id_status_created_at" to table: "workflow_executions"
CREATE INDEX "workflowexecution_workflow_id_status_created_at" ON "workflow_executions" ("workflow_id", "status", "created_at");
-- Create index "workflowexecution_client_id_created_at" to table: "workflow_executions"
CREATE INDEX "workflowexecution_client_id_created_at" ON "workflow_executions" ("client_id", "created_at");
-- Create index "workflowexecution_status_completed_at" to table: "workflow_executions"
CREATE INDEX "workflowexecution_status_completed_at" ON "workflow_executions" ("status", "completed_at");
-- Create index "workflow_executions_ended_completed_at" to table: "workflow_executions"
CREATE INDEX "workflow_executions_ended_completed_at" ON "workflow_executions" ("completed_at") WHERE status IN ('COMPLETED', 'FAILED', 'CANCELLED');
-- Modify "workflows" table
ALTER TABLE "workflows" ADD COLUMN "retention_days" bigint NULL;
