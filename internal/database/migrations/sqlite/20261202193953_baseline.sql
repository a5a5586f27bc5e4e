-- Create "api_tokens" table
CREATE TABLE `api_tokens` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `name` text NOT NULL, `token_hash` text NOT NULL, `expires_at` datetime NULL, `last_used_at` datetime NULL, `revoked_at` datetime NULL, `user_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `api_tokens_users_api_tokens` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE);
-- Create index "api_tokens_token_hash_key" to table: "api_tokens"
CREATE UNIQUE INDEX `api_tokens_token_hash_key` ON `api_tokens` (`token_hash`);
-- Create index "apitoken_created_at" to table: "api_tokens"
CREATE INDEX `apitoken_created_at` ON `api_tokens` (`created_at`);
-- Create index "apitoken_user_id" to table: "api_tokens"
CREATE INDEX `apitoken_user_id` ON `api_tokens` (`user_id`);
-- Create "activities" table
CREATE TABLE `activities` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `kind` text NOT NULL, `message` text NOT NULL, `actor` text NOT NULL, `client_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `activities_clients_activities` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE CASCADE);
-- Create index "activity_created_at" to table: "activities"
CREATE INDEX `activity_created_at` ON `activities` (`created_at`);
-- Create index "activity_client_id" to table: "activities"
CREATE INDEX `activity_client_id` ON `activities` (`client_id`);
-- Create "clients" table
CREATE TABLE `clients` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `email` text NOT NULL, `phone` text NULL, `status` text NOT NULL DEFAULT ('LEAD'), `tags` json NOT NULL, `owner_id` uuid NULL, PRIMARY KEY (`id`), CONSTRAINT `clients_users_clients` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "contact_created_at" to table: "clients"
CREATE INDEX `contact_created_at` ON `clients` (`created_at`);
-- Create index "contact_status" to table: "clients"
CREATE INDEX `contact_status` ON `clients` (`status`);
-- Create index "contact_email" to table: "clients"
CREATE INDEX `contact_email` ON `clients` (`email`);
-- Create index "contact_owner_id" to table: "clients"
CREATE INDEX `contact_owner_id` ON `clients` (`owner_id`);
-- Create "documents" table
CREATE TABLE `documents` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `name` text NOT NULL, `content_type` text NOT NULL, `size_bytes` integer NOT NULL, `uploaded_by_id` uuid NULL, `client_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `documents_clients_documents` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE CASCADE);
-- Create index "document_created_at" to table: "documents"
CREATE INDEX `document_created_at` ON `documents` (`created_at`);
-- Create index "document_client_id" to table: "documents"
CREATE INDEX `document_client_id` ON `documents` (`client_id`);
-- Create "emails" table
CREATE TABLE `emails` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `execution_id` uuid NULL, `step_index` integer NULL, `client_id` uuid NULL, `to` text NOT NULL, `cc` json NULL, `subject` text NOT NULL, `body` text NOT NULL, `message_id` text NOT NULL, `status` text NOT NULL DEFAULT ('QUEUED'), `attempts` integer NOT NULL DEFAULT (0), `next_attempt_at` datetime NOT NULL, `last_error` text NULL, `sent_at` datetime NULL, PRIMARY KEY (`id`));
-- Create index "emails_message_id_key" to table: "emails"
CREATE UNIQUE INDEX `emails_message_id_key` ON `emails` (`message_id`);
-- Create index "email_created_at" to table: "emails"
CREATE INDEX `email_created_at` ON `emails` (`created_at`);
-- Create index "emails_queued_next_attempt" to table: "emails"
CREATE INDEX `emails_queued_next_attempt` ON `emails` (`next_attempt_at`) WHERE status = 'QUEUED';
-- Create index "emails_sending_next_attempt" to table: "emails"
CREATE INDEX `emails_sending_next_attempt` ON `emails` (`next_attempt_at`) WHERE status = 'SENDING';
-- Create index "email_execution_id" to table: "emails"
CREATE INDEX `email_execution_id` ON `emails` (`execution_id`);
-- Create "workflow_execution_step_outputs" table
CREATE TABLE `workflow_execution_step_outputs` (`id` uuid NOT NULL, `path` text NOT NULL, `key` text NOT NULL DEFAULT (''), `output` json NOT NULL, `execution_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `workflow_execution_step_outputs_workflow_executions_step_outputs` FOREIGN KEY (`execution_id`) REFERENCES `workflow_executions` (`id`) ON DELETE CASCADE);
-- Create index "stepoutput_execution_id_path" to table: "workflow_execution_step_outputs"
CREATE UNIQUE INDEX `stepoutput_execution_id_path` ON `workflow_execution_step_outputs` (`execution_id`, `path`);
-- Create "tasks" table
CREATE TABLE `tasks` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `priority` text NOT NULL DEFAULT ('MEDIUM'), `due_at` datetime NULL, `completed_at` datetime NULL, `client_id` uuid NULL, `assignee_id` uuid NULL, PRIMARY KEY (`id`), CONSTRAINT `tasks_clients_tasks` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE CASCADE, CONSTRAINT `tasks_users_assigned_tasks` FOREIGN KEY (`assignee_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "task_created_at" to table: "tasks"
CREATE INDEX `task_created_at` ON `tasks` (`created_at`);
-- Create index "task_client_id" to table: "tasks"
CREATE INDEX `task_client_id` ON `tasks` (`client_id`);
-- Create index "task_assignee_id" to table: "tasks"
CREATE INDEX `task_assignee_id` ON `tasks` (`assignee_id`);
-- Create "users" table
CREATE TABLE `users` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `email` text NOT NULL, `email_key` text NULL, `name` text NOT NULL, `role` text NOT NULL DEFAULT ('EDITOR'), `password_hash` text NULL, PRIMARY KEY (`id`));
-- Create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);
-- Create index "users_email_key_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key_key` ON `users` (`email_key`);
-- Create index "user_created_at" to table: "users"
CREATE INDEX `user_created_at` ON `users` (`created_at`);
-- Create "workflows" table
CREATE TABLE `workflows` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `description` text NULL, `is_active` bool NOT NULL DEFAULT (true), `is_template` bool NOT NULL DEFAULT (false), `trigger_type` text NOT NULL, `trigger_config` json NOT NULL, `conditions` json NOT NULL, `actions` json NOT NULL, `version` integer NOT NULL DEFAULT (1), `webhook_secret` text NULL, `template_key` text NULL, `created_by_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `workflows_users_workflows` FOREIGN KEY (`created_by_id`) REFERENCES `users` (`id`) ON DELETE RESTRICT);
-- Create index "workflows_template_key_key" to table: "workflows"
CREATE UNIQUE INDEX `workflows_template_key_key` ON `workflows` (`template_key`);
-- Create index "workflow_created_at" to table: "workflows"
CREATE INDEX `workflow_created_at` ON `workflows` (`created_at`);
-- Create index "workflow_trigger_type" to table: "workflows"
CREATE INDEX `workflow_trigger_type` ON `workflows` (`trigger_type`);
-- Create index "workflow_is_active" to table: "workflows"
CREATE INDEX `workflow_is_active` ON `workflows` (`is_active`);
-- Create index "workflow_created_by_id" to table: "workflows"
CREATE INDEX `workflow_created_by_id` ON `workflows` (`created_by_id`);
-- Create "workflow_executions" table
CREATE TABLE `workflow_executions` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('PENDING'), `trigger_data` json NOT NULL, `current_step` integer NOT NULL DEFAULT (0), `started_at` datetime NULL, `completed_at` datetime NULL, `error_message` text NULL, `exit_reason` text NULL, `exit_message` text NULL, `workflow_version` integer NOT NULL DEFAULT (1), `definition` json NULL, `dedupe_key` text NULL, `run_at` datetime NOT NULL, `lease_owner` text NULL, `lease_expires_at` datetime NULL, `attempt` integer NOT NULL DEFAULT (0), `step_attempt` integer NOT NULL DEFAULT (0), `run` integer NOT NULL DEFAULT (1), `loop_frames` json NULL, `step_runs` integer NOT NULL DEFAULT (0), `conditions_checked` bool NOT NULL DEFAULT (false), `depth` integer NOT NULL DEFAULT (0), `client_id` uuid NULL, `workflow_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `workflow_executions_clients_executions` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE CASCADE, CONSTRAINT `workflow_executions_workflows_executions` FOREIGN KEY (`workflow_id`) REFERENCES `workflows` (`id`) ON DELETE CASCADE);
-- Create index "workflowexecution_created_at" to table: "workflow_executions"
CREATE INDEX `workflowexecution_created_at` ON `workflow_executions` (`created_at`);
-- Create index "workflowexecution_workflow_id" to table: "workflow_executions"
CREATE INDEX `workflowexecution_workflow_id` ON `workflow_executions` (`workflow_id`);
-- Create index "workflowexecution_client_id" to table: "workflow_executions"
CREATE INDEX `workflowexecution_client_id` ON `workflow_executions` (`client_id`);
-- Create index "workflowexecution_status" to table: "workflow_executions"
CREATE INDEX `workflowexecution_status` ON `workflow_executions` (`status`);
-- Create index "workflowexecution_workflow_id_dedupe_key" to table: "workflow_executions"
CREATE UNIQUE INDEX `workflowexecution_workflow_id_dedupe_key` ON `workflow_executions` (`workflow_id`, `dedupe_key`);
-- Create index "workflow_executions_pending_run_at" to table: "workflow_executions"
CREATE INDEX `workflow_executions_pending_run_at` ON `workflow_executions` (`run_at`) WHERE status = 'PENDING';
-- Create index "workflow_executions_running_lease" to table: "workflow_executions"
CREATE INDEX `workflow_executions_running_lease` ON `workflow_executions` (`lease_expires_at`) WHERE status = 'RUNNING';
-- Create "workflow_execution_logs" table
CREATE TABLE `workflow_execution_logs` (`id` uuid NOT NULL, `step_index` integer NOT NULL, `path` text NOT NULL DEFAULT (''), `step_key` text NULL, `iteration` integer NULL, `branch` text NULL, `run` integer NOT NULL DEFAULT (1), `action_type` text NOT NULL, `status` text NOT NULL, `input_data` json NULL, `output_data` json NULL, `error_message` text NULL, `attempt` integer NOT NULL DEFAULT (1), `duration_ms` integer NOT NULL DEFAULT (0), `executed_at` datetime NOT NULL, `execution_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `workflow_execution_logs_workflow_executions_logs` FOREIGN KEY (`execution_id`) REFERENCES `workflow_executions` (`id`) ON DELETE CASCADE);
-- Create index "workflowexecutionlog_execution_id_step_index" to table: "workflow_execution_logs"
CREATE INDEX `workflowexecutionlog_execution_id_step_index` ON `workflow_execution_logs` (`execution_id`, `step_index`);
-- Create index "workflowexecutionlog_executed_at" to table: "workflow_execution_logs"
CREATE INDEX `workflowexecutionlog_executed_at` ON `workflow_execution_logs` (`executed_at`);
-- Create "workflow_versions" table
CREATE TABLE `workflow_versions` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `version` integer NOT NULL, `definition` json NOT NULL, `created_by_id` uuid NOT NULL, `workflow_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `workflow_versions_users_workflow_versions` FOREIGN KEY (`created_by_id`) REFERENCES `users` (`id`) ON DELETE RESTRICT, CONSTRAINT `workflow_versions_workflows_versions` FOREIGN KEY (`workflow_id`) REFERENCES `workflows` (`id`) ON DELETE CASCADE);
-- Create index "workflowversion_created_at" to table: "workflow_versions"
CREATE INDEX `workflowversion_created_at` ON `workflow_versions` (`created_at`);
-- Create index "workflowversion_workflow_id_version" to table: "workflow_versions"
CREATE UNIQUE INDEX `workflowversion_workflow_id_version` ON `workflow_versions` (`workflow_id`, `version`);
