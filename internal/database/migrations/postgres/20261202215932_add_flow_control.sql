-- Modify "workflow_executions" table
ALTER TABLE "workflow_executions" ADD COLUMN "debounce_key" character varying NULL, ADD COLUMN "flow_gated" boolean NOT NULL DEFAULT false, ADD COLUMN "concurrency_key" character varying NULL, ADD COLUMN "concurrency_limit" bigint NOT NULL DEFAULT 0, ADD COLUMN "throttle_key" character varying NULL, ADD COLUMN "throttle_limit" bigint NOT NULL DEFAULT 0, ADD COLUMN "throttle_period_ms" bigint NOT NULL DEFAULT 0, ADD COLUMN "throttle_window" timestamptz NULL;
-- Create index "workflow_executions_debounce" to table: "workflow_executions"
CREATE UNIQUE INDEX "workflow_executions_debounce" ON "workflow_executions" ("workflow_id", "debounce_key") WHERE debounce_key IS NOT NULL AND status = 'PENDING';
-- Create index "workflow_executions_running_concurrency" to table: "workflow_executions"
CREATE INDEX "workflow_executions_running_concurrency" ON "workflow_executions" ("workflow_id", "concurrency_key") WHERE status = 'RUNNING' AND concurrency_key IS NOT NULL;
-- Create index "workflow_executions_throttle_window" to table: "workflow_executions"
CREATE INDEX "workflow_executions_throttle_window" ON "workflow_executions" ("workflow_id", "throttle_key", "throttle_window") WHERE throttle_window IS NOT NULL;
-- Create index "workflow_executions_gated_run_at" to table: "workflow_executions"
CREATE INDEX "workflow_executions_gated_run_at" ON "workflow_executions" ("run_at") WHERE status = 'PENDING' AND flow_gated;
-- Modify "workflows" table
ALTER TABLE "workflows" ADD COLUMN "debounce" jsonb NULL, ADD COLUMN "concurrency" jsonb NULL, ADD COLUMN "throttle" jsonb NULL;
