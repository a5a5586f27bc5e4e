// Package retention deletes old history: executions that ended (COMPLETED, FAILED,
// CANCELLED) more than RETENTION_DAYS ago, or their workflow's retentionDays, with their step
// logs and step outputs, and e-mails of the outbox that were SENT or FAILED that long ago.
// PENDING and RUNNING executions and QUEUED or SENDING e-mails are never touched.
//
// A pass deletes in bounded batches, one short transaction per statement, oldest rows first,
// so it never holds locks (or SQLite's single writer) for long and an interrupted pass has
// still made progress. An execution's logs and step outputs go with it through the foreign
// keys' ON DELETE CASCADE, in the same statement; on SQLite the batch checks that the
// connection enforces foreign keys before it deletes, rather than leaving orphans behind.
//
// One replica at a time: every worker process runs the job, but on PostgreSQL a pass first
// takes a session advisory lock on a dedicated connection, keyed by the executions table (so
// deployments in different schemas of one database do not exclude each other), and a
// replica that does not get it skips the pass. The lock goes with the session, so a replica
// that dies mid-pass frees it. SQLite serves one process; an in-process guard keeps two
// passes on the same database from running at once.
package retention
