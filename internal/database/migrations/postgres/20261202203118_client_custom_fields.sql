-- Modify "clients" table
ALTER TABLE "clients" ADD COLUMN "custom_fields" jsonb NOT NULL DEFAULT '{}';
-- Create index "contact_custom_fields" to table: "clients"
CREATE INDEX "contact_custom_fields" ON "clients" USING GIN ("custom_fields" jsonb_path_ops);
-- Create "client_fields" table
CREATE TABLE "client_fields" ("id" uuid NOT NULL, "key" character varying NOT NULL, "label" character varying NOT NULL, "type" character varying NOT NULL, "options" jsonb NOT NULL, PRIMARY KEY ("id"));
-- Create index "customfield_key" to table: "client_fields"
CREATE UNIQUE INDEX "customfield_key" ON "client_fields" ("key");
