-- Drop index "workflow_executions_active_client" from table: "workflow_executions"
DROP INDEX `workflow_executions_active_client`;
-- Create index "workflow_executions_goal_runs" to table: "workflow_executions"
CREATE INDEX `workflow_executions_goal_runs` ON `workflow_executions` (`client_id`) WHERE status IN ('PENDING', 'RUNNING') AND definition -> 'goal' IS NOT NULL;
