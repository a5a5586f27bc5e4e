-- Create "emails" table
CREATE TABLE "emails" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "execution_id" uuid NULL, "step_index" bigint NULL, "client_id" uuid NULL, "to" character varying NOT NULL, "cc" jsonb NULL, "subject" character varying NOT NULL, "body" text NOT NULL, "message_id" character varying NOT NULL, "status" character varying NOT NULL DEFAULT 'QUEUED', "attempts" bigint NOT NULL DEFAULT 0, "next_attempt_at" timestamptz NOT NULL, "last_error" character varying NULL, "sent_at" timestamptz NULL, PRIMARY KEY ("id"));
-- Create index "emails_message_id_key" to table: "emails"
CREATE UNIQUE INDEX "emails_message_id_key" ON "emails" ("message_id");
-- Create index "email_created_at" to table: "emails"
CREATE INDEX "email_created_at" ON "emails" ("created_at");
-- Create index "emails_queued_next_attempt" to table: "emails"
CREATE INDEX "emails_queued_next_attempt" ON "emails" ("next_attempt_at") WHERE status = 'QUEUED';
-- Create index "emails_sending_next_attempt" to table: "emails"
CREATE INDEX "emails_sending_next_attempt" ON "emails" ("next_attempt_at") WHERE status = 'SENDING';
-- Create index "email_execution_id" to table: "emails"
CREATE INDEX "email_execution_id" ON "emails" ("execution_id");
-- Create "users" table
CREATE TABLE "users" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "email" character varying NOT NULL, "email_key" character varying NULL, "name" character varying NOT NULL, "role" character varying NOT NULL DEFAULT 'EDITOR', "password_hash" character varying NULL, PRIMARY KEY ("id"));
-- Create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");
-- Create index "users_email_key_key" to table: "users"
CREATE UNIQUE INDEX "users_email_key_key" ON "users" ("email_key");
-- Create index "user_created_at" to table: "users"
CREATE INDEX "user_created_at" ON "users" ("created_at");
-- Create "clients" table
CREATE TABLE "clients" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "email" character varying NOT NULL, "phone" character varying NULL, "status" character varying NOT NULL DEFAULT 'LEAD', "tags" jsonb NOT NULL, "owner_id" uuid NULL, PRIMARY KEY ("id"), CONSTRAINT "clients_users_clients" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE SET NULL);
-- Create index "contact_created_at" to table: "clients"
CREATE INDEX "contact_created_at" ON "clients" ("created_at");
-- Create index "contact_status" to table: "clients"
CREATE INDEX "contact_status" ON "clients" ("status");
-- Create index "contact_email" to table: "clients"
CREATE INDEX "contact_email" ON "clients" ("email");
-- Create index "contact_owner_id" to table: "clients"
CREATE INDEX "contact_owner_id" ON "clients" ("owner_id");
-- Create "activities" table
CREATE TABLE "activities" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "message" character varying NOT NULL, "actor" character varying NOT NULL, "client_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "activities_clients_activities" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE);
-- Create index "activity_created_at" to table: "activities"
CREATE INDEX "activity_created_at" ON "activities" ("created_at");
-- Create index "activity_client_id" to table: "activities"
CREATE INDEX "activity_client_id" ON "activities" ("client_id");
-- Create "api_tokens" table
CREATE TABLE "api_tokens" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "name" character varying NOT NULL, "token_hash" character varying NOT NULL, "expires_at" timestamptz NULL, "last_used_at" timestamptz NULL, "revoked_at" timestamptz NULL, "user_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "api_tokens_users_api_tokens" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
-- Create index "api_tokens_token_hash_key" to table: "api_tokens"
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" ("token_hash");
-- Create index "apitoken_created_at" to table: "api_tokens"
CREATE INDEX "apitoken_created_at" ON "api_tokens" ("created_at");
-- Create index "apitoken_user_id" to table: "api_tokens"
CREATE INDEX "apitoken_user_id" ON "api_tokens" ("user_id");
-- Create "documents" table
CREATE TABLE "documents" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "name" character varying NOT NULL, "content_type" character varying NOT NULL, "size_bytes" bigint NOT NULL, "uploaded_by_id" uuid NULL, "client_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "documents_clients_documents" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE);
-- Create index "document_created_at" to table: "documents"
CREATE INDEX "document_created_at" ON "documents" ("created_at");
-- Create index "document_client_id" to table: "documents"
CREATE INDEX "document_client_id" ON "documents" ("client_id");
-- Create "tasks" table
CREATE TABLE "tasks" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "title" character varying NOT NULL, "priority" character varying NOT NULL DEFAULT 'MEDIUM', "due_at" timestamptz NULL, "completed_at" timestamptz NULL, "client_id" uuid NULL, "assignee_id" uuid NULL, PRIMARY KEY ("id"), CONSTRAINT "tasks_clients_tasks" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE, CONSTRAINT "tasks_users_assigned_tasks" FOREIGN KEY ("assignee_id") REFERENCES "users" ("id") ON DELETE SET NULL);
-- Create index "task_created_at" to table: "tasks"
CREATE INDEX "task_created_at" ON "tasks" ("created_at");
-- Create index "task_client_id" to table: "tasks"
CREATE INDEX "task_client_id" ON "tasks" ("client_id");
-- Create index "task_assignee_id" to table: "tasks"
CREATE INDEX "task_assignee_id" ON "tasks" ("assignee_id");
-- Create "workflows" table
CREATE TABLE "workflows" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "description" character varying NULL, "is_active" boolean NOT NULL DEFAULT true, "is_template" boolean NOT NULL DEFAULT false, "trigger_type" character varying NOT NULL, "trigger_config" jsonb NOT NULL, "conditions" jsonb NOT NULL, "actions" jsonb NOT NULL, "version" bigint NOT NULL DEFAULT 1, "webhook_secret" character varying NULL, "template_key" character varying NULL, "created_by_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "workflows_users_workflows" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT);
-- Create index "workflows_template_key_key" to table: "workflows"
CREATE UNIQUE INDEX "workflows_template_key_key" ON "workflows" ("template_key");
-- Create index "workflow_created_at" to table: "workflows"
CREATE INDEX "workflow_created_at" ON "workflows" ("created_at");
-- Create index "workflow_trigger_type" to table: "workflows"
CREATE INDEX "workflow_trigger_type" ON "workflows" ("trigger_type");
-- Create index "workflow_is_active" to table: "workflows"
CREATE INDEX "workflow_is_active" ON "workflows" ("is_active");
-- Create index "workflow_created_by_id" to table: "workflows"
CREATE INDEX "workflow_created_by_id" ON "workflows" ("created_by_id");
-- Create "workflow_executions" table
CREATE TABLE "workflow_executions" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "status" character varying NOT NULL DEFAULT 'PENDING', "trigger_data" jsonb NOT NULL, "current_step" bigint NOT NULL DEFAULT 0, "started_at" timestamptz NULL, "completed_at" timestamptz NULL, "error_message" character varying NULL, "exit_reason" character varying NULL, "exit_message" character varying NULL, "workflow_version" bigint NOT NULL DEFAULT 1, "definition" jsonb NULL, "dedupe_key" character varying NULL, "run_at" timestamptz NOT NULL, "lease_owner" character varying NULL, "lease_expires_at" timestamptz NULL, "attempt" bigint NOT NULL DEFAULT 0, "step_attempt" bigint NOT NULL DEFAULT 0, "run" bigint NOT NULL DEFAULT 1, "loop_frames" jsonb NULL, "step_runs" bigint NOT NULL DEFAULT 0, "conditions_checked" boolean NOT NULL DEFAULT false, "depth" bigint NOT NULL DEFAULT 0, "client_id" uuid NULL, "workflow_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "workflow_executions_clients_executions" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE, CONSTRAINT "workflow_executions_workflows_executions" FOREIGN KEY ("workflow_id") REFERENCES "workflows" ("id") ON DELETE CASCADE);
-- Create index "workflowexecution_created_at" to table: "workflow_executions"
CREATE INDEX "workflowexecution_created_at" ON "workflow_executions" ("created_at");
-- Create index "workflowexecution_workflow_id" to table: "workflow_executions"
CREATE INDEX "workflowexecution_workflow_id" ON "workflow_executions" ("workflow_id");
-- Create index "workflowexecution_client_id" to table: "workflow_executions"
CREATE INDEX "workflowexecution_client_id" ON "workflow_executions" ("client_id");
-- Create index "workflowexecution_status" to table: "workflow_executions"
CREATE INDEX "workflowexecution_status" ON "workflow_executions" ("status");
-- Create index "workflowexecution_workflow_id_dedupe_key" to table: "workflow_executions"
CREATE UNIQUE INDEX "workflowexecution_workflow_id_dedupe_key" ON "workflow_executions" ("workflow_id", "dedupe_key");
-- Create index "workflow_executions_pending_run_at" to table: "workflow_executions"
CREATE INDEX "workflow_executions_pending_run_at" ON "workflow_executions" ("run_at") WHERE status = 'PENDING';
-- Create index "workflow_executions_running_lease" to table: "workflow_executions"
CREATE INDEX "workflow_executions_running_lease" ON "workflow_executions" ("lease_expires_at") WHERE status = 'RUNNING';
-- Create "workflow_execution_logs" table
CREATE TABLE "workflow_execution_logs" ("id" uuid NOT NULL, "step_index" bigint NOT NULL, "path" character varying NOT NULL DEFAULT '', "step_key" character varying NULL, "iteration" bigint NULL, "branch" character varying NULL, "run" bigint NOT NULL DEFAULT 1, "action_type" character varying NOT NULL, "status" character varying NOT NULL, "input_data" jsonb NULL, "output_data" jsonb NULL, "error_message" character varying NULL, "attempt" bigint NOT NULL DEFAULT 1, "duration_ms" bigint NOT NULL DEFAULT 0, "executed_at" timestamptz NOT NULL, "execution_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "workflow_execution_logs_workflow_executions_logs" FOREIGN KEY ("execution_id") REFERENCES "workflow_executions" ("id") ON DELETE CASCADE);
-- Create index "workflowexecutionlog_execution_id_step_index" to table: "workflow_execution_logs"
CREATE INDEX "workflowexecutionlog_execution_id_step_index" ON "workflow_execution_logs" ("execution_id", "step_index");
-- Create index "workflowexecutionlog_executed_at" to table: "workflow_execution_logs"
CREATE INDEX "workflowexecutionlog_executed_at" ON "workflow_execution_logs" ("executed_at");
-- Create "workflow_execution_step_outputs" table
CREATE TABLE "workflow_execution_step_outputs" ("id" uuid NOT NULL, "path" character varying NOT NULL, "key" character varying NOT NULL DEFAULT '', "output" jsonb NOT NULL, "execution_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "workflow_execution_step_output_a0a86c473b29b9eacd03bd660fc365a5" FOREIGN KEY ("execution_id") REFERENCES "workflow_executions" ("id") ON DELETE CASCADE);
-- Create index "stepoutput_execution_id_path" to table: "workflow_execution_step_outputs"
CREATE UNIQUE INDEX "stepoutput_execution_id_path" ON "workflow_execution_step_outputs" ("execution_id", "path");
-- Create "workflow_versions" table
CREATE TABLE "workflow_versions" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "version" bigint NOT NULL, "definition" jsonb NOT NULL, "created_by_id" uuid NOT NULL, "workflow_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "workflow_versions_users_workflow_versions" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT, CONSTRAINT "workflow_versions_workflows_versions" FOREIGN KEY ("workflow_id") REFERENCES "workflows" ("id") ON DELETE CASCADE);
-- Create index "workflowversion_created_at" to table: "workflow_versions"
CREATE INDEX "workflowversion_created_at" ON "workflow_versions" ("created_at");
-- Create index "workflowversion_workflow_id_version" to table: "workflow_versions"
CREATE UNIQUE INDEX "workflowversion_workflow_id_version" ON "workflow_versions" ("workflow_id", "version");
