-- Modify "workflow_executions" table
ALTER TABLE "workflow_executions" ADD COLUMN "one_active" boolean NOT NULL DEFAULT false;
-- Create index "workflow_executions_active_client" to table: "workflow_executions"
CREATE INDEX "workflow_executions_active_client" ON "workflow_executions" ("client_id") WHERE status IN ('PENDING', 'RUNNING');
-- Create index "workflow_executions_one_active" to table: "workflow_executions"
CREATE UNIQUE INDEX "workflow_executions_one_active" ON "workflow_executions" ("workflow_id", "client_id") WHERE one_active AND status IN ('PENDING', 'RUNNING');
-- Modify "workflows" table
ALTER TABLE "workflows" ADD COLUMN "enrollment" jsonb NULL, ADD COLUMN "goal" jsonb NULL;
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
