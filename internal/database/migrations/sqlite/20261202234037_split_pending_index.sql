-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_workflow_executions" table
CREATE TABLE `new_workflow_executions` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('PENDING'), `trigger_data` json NOT NULL, `current_step` integer NOT NULL DEFAULT (0), `started_at` datetime NULL, `completed_at` datetime NULL, `error_message` text NULL, `exit_reason` text NULL, `exit_message` text NULL, `workflow_version` integer NOT NULL DEFAULT (1), `definition` json NULL, `dedupe_key` text NULL, `run_at` datetime NOT NULL, `lease_owner` text NULL, `lease_expires_at` datetime NULL, `attempt` integer NOT NULL DEFAULT (0), `step_attempt` integer NOT NULL DEFAULT (0), `run` integer NOT NULL DEFAULT (1), `loop_frames` json NULL, `step_runs` integer NOT NULL DEFAULT (0), `conditions_checked` bool NOT NULL DEFAULT (false), `depth` integer NOT NULL DEFAULT (0), `one_active` bool NOT NULL DEFAULT (false), `debounce_key` text NULL, `flow_gated` bool NOT NULL DEFAULT (false), `concurrency_key` text NULL, `concurrency_limit` integer NOT NULL DEFAULT (0), `throttle_key` text NULL, `throttle_limit` integer NOT NULL DEFAULT (0), `throttle_period_ms` integer NOT NULL DEFAULT (0), `throttle_window` datetime NULL, `client_id` uuid NULL, `workflow_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `workflow_executions_clients_executions` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE CASCADE, CONSTRAINT `workflow_executions_workflows_executions` FOREIGN KEY (`workflow_id`) REFERENCES `workflows` (`id`) ON DELETE CASCADE);
-- Copy rows from old table "workflow_executions" to new temporary table "new_workflow_executions"
INSERT INTO `new_workflow_executions` (`id`, `created_at`, `status`, `trigger_data`, `current_step`, `started_at`, `completed_at`, `error_message`, `exit_reason`, `exit_message`, `workflow_version`, `definition`, `dedupe_key`, `run_at`, `lease_owner`, `lease_expires_at`, `attempt`, `step_attempt`, `run`, `loop_frames`, `step_runs`, `conditions_checked`, `depth`, `one_active`, `debounce_key`, `flow_gated`, `concurrency_key`, `concurrency_limit`, `throttle_key`, `throttle_limit`, `throttle_period_ms`, `throttle_window`, `client_id`, `workflow_id`) SELECT `id`, `created_at`, `status`, `trigger_data`, `current_step`, `started_at`, `completed_at`, `error_message`, `exit_reason`, `exit_message`, `workflow_version`, `definition`, `dedupe_key`, `run_at`, `lease_owner`, `lease_expires_at`, `attempt`, `step_attempt`, `run`, `loop_frames`, `step_runs`, `conditions_checked`, `depth`, `one_active`, `debounce_key`, `flow_gated`, `concurrency_key`, `concurrency_limit`, `throttle_key`, `throttle_limit`, `throttle_period_ms`, `throttle_window`, `client_id`, `workflow_id` FROM `workflow_executions`;
-- Drop "workflow_executions" table after copying rows
DROP TABLE `workflow_executions`;
-- Rename temporary table "new_workflow_executions" to "workflow_executions"
ALTER TABLE `new_workflow_executions` RENAME TO `workflow_executions`;
-- Create index "workflowexecution_created_at" to table: "workflow_executions"
CREATE INDEX `workflowexecution_created_at` ON `workflow_executions` (`created_at`);
-- Create index "workflowexecution_workflow_id_created_at" to table: "workflow_executions"
CREATE INDEX `workflowexecution_workflow_id_created_at` ON `workflow_executions` (`workflow_id`, `created_at`);
-- Create index "workflowexecution_workflow_id_status_created_at" to table: "workflow_executions"
CREATE INDEX `workflowexecution_workflow_id_status_created_at` ON `workflow_executions` (`workflow_id`, `status`, `created_at`);
-- Create index "workflowexecution_client_id_created_at" to table: "workflow_executions"
CREATE INDEX `workflowexecution_client_id_created_at` ON `workflow_executions` (`client_id`, `created_at`);
-- Create index "workflowexecution_status_completed_at" to table: "workflow_executions"
CREATE INDEX `workflowexecution_status_completed_at` ON `workflow_executions` (`status`, `completed_at`);
-- Create index "workflowexecution_workflow_id_dedupe_key" to table: "workflow_executions"
CREATE UNIQUE INDEX `workflowexecution_workflow_id_dedupe_key` ON `workflow_executions` (`workflow_id`, `dedupe_key`);
-- Create index "workflowexecution_workflow_id_id" to table: "workflow_executions"
CREATE INDEX `workflowexecution_workflow_id_id` ON `workflow_executions` (`workflow_id`, `id`);
-- Create index "workflow_executions_pending_run_at" to table: "workflow_executions"
CREATE INDEX `workflow_executions_pending_run_at` ON `workflow_executions` (`run_at`) WHERE status = 'PENDING' AND NOT flow_gated;
-- Create index "workflow_executions_running_lease" to table: "workflow_executions"
CREATE INDEX `workflow_executions_running_lease` ON `workflow_executions` (`lease_expires_at`) WHERE status = 'RUNNING';
-- Create index "workflow_executions_ended_completed_at" to table: "workflow_executions"
CREATE INDEX `workflow_executions_ended_completed_at` ON `workflow_executions` (`completed_at`) WHERE status IN ('COMPLETED', 'FAILED', 'CANCELLED');
-- Create index "workflow_executions_active_client" to table: "workflow_executions"
CREATE INDEX `workflow_executions_active_client` ON `workflow_executions` (`client_id`) WHERE status IN ('PENDING', 'RUNNING');
-- Create index "workflow_executions_one_active" to table: "workflow_executions"
CREATE UNIQUE INDEX `workflow_executions_one_active` ON `workflow_executions` (`workflow_id`, `client_id`) WHERE one_active AND status IN ('PENDING', 'RUNNING');
-- Create index "workflow_executions_debounce" to table: "workflow_executions"
CREATE UNIQUE INDEX `workflow_executions_debounce` ON `workflow_executions` (`workflow_id`, `debounce_key`) WHERE debounce_key IS NOT NULL AND status = 'PENDING';
-- Create index "workflow_executions_running_concurrency" to table: "workflow_executions"
CREATE INDEX `workflow_executions_running_concurrency` ON `workflow_executions` (`workflow_id`, `concurrency_key`) WHERE status = 'RUNNING' AND concurrency_key IS NOT NULL;
-- Create index "workflow_executions_throttle_window" to table: "workflow_executions"
CREATE INDEX `workflow_executions_throttle_window` ON `workflow_executions` (`workflow_id`, `throttle_key`, `throttle_window`) WHERE throttle_window IS NOT NULL;
-- Create index "workflow_executions_gated_run_at" to table: "workflow_executions"
CREATE INDEX `workflow_executions_gated_run_at` ON `workflow_executions` (`run_at`) WHERE status = 'PENDING' AND flow_gated;
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
