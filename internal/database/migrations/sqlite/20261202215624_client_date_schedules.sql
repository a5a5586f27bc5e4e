-- Create "client_date_occurrences" table
CREATE TABLE `client_date_occurrences` (`id` uuid NOT NULL, `date` text NOT NULL, `due_at` datetime NOT NULL, `client_id` uuid NOT NULL, `workflow_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `client_date_occurrences_clients_date_occurrences` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE CASCADE, CONSTRAINT `client_date_occurrences_workflows_date_occurrences` FOREIGN KEY (`workflow_id`) REFERENCES `workflows` (`id`) ON DELETE CASCADE);
-- Create index "clientdateoccurrence_workflow_id_client_id" to table: "client_date_occurrences"
CREATE UNIQUE INDEX `clientdateoccurrence_workflow_id_client_id` ON `client_date_occurrences` (`workflow_id`, `client_id`);
-- Create index "clientdateoccurrence_due_at" to table: "client_date_occurrences"
CREATE INDEX `clientdateoccurrence_due_at` ON `client_date_occurrences` (`due_at`);
-- Create index "clientdateoccurrence_workflow_id_due_at" to table: "client_date_occurrences"
CREATE INDEX `clientdateoccurrence_workflow_id_due_at` ON `client_date_occurrences` (`workflow_id`, `due_at`);
-- Create "workflow_schedule_states" table
CREATE TABLE `workflow_schedule_states` (`id` uuid NOT NULL, `handled_through` datetime NULL, `built_for` datetime NULL, `workflow_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `workflow_schedule_states_workflows_schedule_state` FOREIGN KEY (`workflow_id`) REFERENCES `workflows` (`id`) ON DELETE CASCADE);
-- Create index "workflow_schedule_states_workflow_id_key" to table: "workflow_schedule_states"
CREATE UNIQUE INDEX `workflow_schedule_states_workflow_id_key` ON `workflow_schedule_states` (`workflow_id`);
