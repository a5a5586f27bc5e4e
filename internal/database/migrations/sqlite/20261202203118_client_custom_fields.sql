-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_clients" table
CREATE TABLE `new_clients` (`id` uuid NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `email` text NOT NULL, `phone` text NULL, `status` text NOT NULL DEFAULT ('LEAD'), `tags` json NOT NULL, `custom_fields` json NOT NULL DEFAULT '{}', `owner_id` uuid NULL, PRIMARY KEY (`id`), CONSTRAINT `clients_users_clients` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Copy rows from old table "clients" to new temporary table "new_clients"
INSERT INTO `new_clients` (`id`, `created_at`, `updated_at`, `name`, `email`, `phone`, `status`, `tags`, `owner_id`) SELECT `id`, `created_at`, `updated_at`, `name`, `email`, `phone`, `status`, `tags`, `owner_id` FROM `clients`;
-- Drop "clients" table after copying rows
DROP TABLE `clients`;
-- Rename temporary table "new_clients" to "clients"
ALTER TABLE `new_clients` RENAME TO `clients`;
-- Create index "contact_created_at" to table: "clients"
CREATE INDEX `contact_created_at` ON `clients` (`created_at`);
-- Create index "contact_status" to table: "clients"
CREATE INDEX `contact_status` ON `clients` (`status`);
-- Create index "contact_email" to table: "clients"
CREATE INDEX `contact_email` ON `clients` (`email`);
-- Create index "contact_owner_id" to table: "clients"
CREATE INDEX `contact_owner_id` ON `clients` (`owner_id`);
-- Create index "contact_custom_fields" to table: "clients"
CREATE INDEX `contact_custom_fields` ON `clients` (`custom_fields`);
-- Create "client_fields" table
CREATE TABLE `client_fields` (`id` uuid NOT NULL, `key` text NOT NULL, `label` text NOT NULL, `type` text NOT NULL, `options` json NOT NULL, PRIMARY KEY (`id`));
-- Create index "customfield_key" to table: "client_fields"
CREATE UNIQUE INDEX `customfield_key` ON `client_fields` (`key`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
