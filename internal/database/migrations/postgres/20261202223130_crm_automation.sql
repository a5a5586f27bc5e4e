-- Modify "workflow_executions" table
ALTER TABLE "workflow_executions" ADD COLUMN "one_active" boolean NOT NULL DEFAULT false, ADD COLUMN "debounce_key" character varying NULL, ADD COLUMN "flow_gated" boolean NOT NULL DEFAULT false, ADD COLUMN "concurrency_key" character varying NULL, ADD COLUMN "concurrency_limit" bigint NOT NULL DEFAULT 0, ADD COLUMN "throttle_key" character varying NULL, ADD COLUMN "throttle_limit" bigint NOT NULL DEFAULT 0, ADD COLUMN "throttle_period_ms" bigint NOT NULL DEFAULT 0, ADD COLUMN "throttle_window" timestamptz NULL;
-- Create index "workflow_executions_active_client" to table: "workflow_executions"
CREATE INDEX "workflow_executions_active_client" ON "workflow_executions" ("client_id") WHERE status IN ('PENDING', 'RUNNING');
-- Create index "workflow_executions_one_active" to table: "workflow_executions"
CREATE UNIQUE INDEX "workflow_executions_one_active" ON "workflow_executions" ("workflow_id", "client_id") WHERE one_active AND status IN ('PENDING', 'RUNNING');
-- Create index "workflow_executions_debounce" to table: "workflow_executions"
CREATE UNIQUE INDEX "workflow_executions_debounce" ON "workflow_executions" ("workflow_id", "debounce_key") WHERE debounce_key IS NOT NULL AND status = 'PENDING';
-- Create index "workflow_executions_running_concurrency" to table: "workflow_executions"
CREATE INDEX "workflow_executions_running_concurrency" ON "workflow_executions" ("workflow_id", "concurrency_key") WHERE status = 'RUNNING' AND concurrency_key IS NOT NULL;
-- Create index "workflow_executions_throttle_window" to table: "workflow_executions"
CREATE INDEX "workflow_executions_throttle_window" ON "workflow_executions" ("workflow_id", "throttle_key", "throttle_window") WHERE throttle_window IS NOT NULL;
-- Create index "workflow_executions_gated_run_at" to table: "workflow_executions"
CREATE INDEX "workflow_executions_gated_run_at" ON "workflow_executions" ("run_at") WHERE status = 'PENDING' AND flow_gated;
-- Modify "workflows" table
ALTER TABLE "workflows" ADD COLUMN "enrollment" jsonb NULL, ADD COLUMN "goal" jsonb NULL, ADD COLUMN "debounce" jsonb NULL, ADD COLUMN "concurrency" jsonb NULL, ADD COLUMN "throttle" jsonb NULL;
-- Create "client_date_occurrences" table
CREATE TABLE "client_date_occurrences" ("id" uuid NOT NULL, "date" character varying NOT NULL, "due_at" timestamptz NOT NULL, "client_id" uuid NOT NULL, "workflow_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "client_date_occurrences_clients_date_occurrences" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE, CONSTRAINT "client_date_occurrences_workflows_date_occurrences" FOREIGN KEY ("workflow_id") REFERENCES "workflows" ("id") ON DELETE CASCADE);
-- Create index "clientdateoccurrence_workflow_id_client_id" to table: "client_date_occurrences"
CREATE UNIQUE INDEX "clientdateoccurrence_workflow_id_client_id" ON "client_date_occurrences" ("workflow_id", "client_id");
-- Create index "clientdateoccurrence_due_at" to table: "client_date_occurrences"
CREATE INDEX "clientdateoccurrence_due_at" ON "client_date_occurrences" ("due_at");
-- Create index "clientdateoccurrence_workflow_id_due_at" to table: "client_date_occurrences"
CREATE INDEX "clientdateoccurrence_workflow_id_due_at" ON "client_date_occurrences" ("workflow_id", "due_at");
-- Create "workflow_enrollment_skips" table
CREATE TABLE "workflow_enrollment_skips" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL, "reason" character varying NOT NULL, "client_id" uuid NOT NULL, "workflow_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "workflow_enrollment_skips_clients_enrollment_skips" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE, CONSTRAINT "workflow_enrollment_skips_workflows_enrollment_skips" FOREIGN KEY ("workflow_id") REFERENCES "workflows" ("id") ON DELETE CASCADE);
-- Create index "enrollmentskip_created_at" to table: "workflow_enrollment_skips"
CREATE INDEX "enrollmentskip_created_at" ON "workflow_enrollment_skips" ("created_at");
-- Create index "enrollmentskip_workflow_id_created_at" to table: "workflow_enrollment_skips"
CREATE INDEX "enrollmentskip_workflow_id_created_at" ON "workflow_enrollment_skips" ("workflow_id", "created_at");
-- Create index "enrollmentskip_client_id" to table: "workflow_enrollment_skips"
CREATE INDEX "enrollmentskip_client_id" ON "workflow_enrollment_skips" ("client_id");
-- Create "workflow_enrollments" table
CREATE TABLE "workflow_enrollments" ("id" uuid NOT NULL, "fingerprint" character varying NOT NULL DEFAULT '', "execution_id" uuid NULL, "enrollments" bigint NOT NULL DEFAULT 1, "enrolled_at" timestamptz NOT NULL, "client_id" uuid NOT NULL, "workflow_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "workflow_enrollments_clients_enrollments" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE, CONSTRAINT "workflow_enrollments_workflows_enrollments" FOREIGN KEY ("workflow_id") REFERENCES "workflows" ("id") ON DELETE CASCADE);
-- Create index "workflowenrollment_workflow_id_client_id" to table: "workflow_enrollments"
CREATE UNIQUE INDEX "workflowenrollment_workflow_id_client_id" ON "workflow_enrollments" ("workflow_id", "client_id");
-- Create index "workflowenrollment_client_id" to table: "workflow_enrollments"
CREATE INDEX "workflowenrollment_client_id" ON "workflow_enrollments" ("client_id");
-- Create "workflow_schedule_states" table
CREATE TABLE "workflow_schedule_states" ("id" uuid NOT NULL, "handled_through" timestamptz NULL, "built_for" timestamptz NULL, "workflow_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "workflow_schedule_states_workflows_schedule_state" FOREIGN KEY ("workflow_id") REFERENCES "workflows" ("id") ON DELETE CASCADE);
-- Create index "workflow_schedule_states_workflow_id_key" to table: "workflow_schedule_states"
CREATE UNIQUE INDEX "workflow_schedule_states_workflow_id_key" ON "workflow_schedule_states" ("workflow_id");
