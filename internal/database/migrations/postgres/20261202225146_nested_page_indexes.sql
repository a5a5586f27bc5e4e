-- Create index "workflowexecution_workflow_id_id" to table: "workflow_executions"
CREATE INDEX "workflowexecution_workflow_id_id" ON "workflow_executions" ("workflow_id", "id");
