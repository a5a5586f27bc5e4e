// Package events turns CRM changes into workflow executions.
//
// A mutation that changes a client, registers a document or completes a task describes the
// change as an Event and calls Raiser.Raise with its own transaction. Raise finds the active,
// non-template workflows whose trigger matches and creates one PENDING execution for each, in
// that same transaction: if the change rolls back, no execution exists (transactional enqueue).
// Every execution stores the definition it will run (a snapshot), the workflow version and a
// dedupe key, so the same event never starts a workflow twice.
//
// Changes made by executions carry their causation depth. An event deeper than the loop limit
// starts nothing: a FAILED execution with the message "loop limit reached" records it instead.
//
// On PostgreSQL, Raise also sends NOTIFY on the channel Channel with each new execution's id
// (ids only, never data); the notification is delivered when the transaction commits and wakes
// the workers. Workers poll as well, so a lost notification only delays an execution.
package events
