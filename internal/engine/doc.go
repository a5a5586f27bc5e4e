// Package engine runs workflow executions: a dispatcher claims PENDING executions whose run
// time has come and hands them to a bounded pool of workers, which run them step by step.
//
// Claims use PostgreSQL's FOR UPDATE SKIP LOCKED on a partial index of pending rows (SQLite
// serialises them in its single writer). A claim marks the execution RUNNING, takes a lease
// (owner and expiry) and increments the execution's attempt counter, which is the fencing
// token of every later write: each write is conditional on the id, the attempt and the
// RUNNING status, and a write that matches no row means the lease was lost (the execution was
// cancelled, or reclaimed after the lease expired), so the worker stops. Leases are renewed
// while a worker holds them; a reaper returns executions whose lease expired to PENDING, and
// they resume at their current step.
//
// An internal step commits its effect, its log row and the advance of the execution in one
// transaction, so it happens exactly once. An external step (SEND_WEBHOOK) happens at least
// once, with a stable idempotency key. DELAY and retry backoffs park the execution as PENDING
// with a later run time, so they survive restarts.
//
// Workers are woken by PostgreSQL notifications (see package events) and poll as a fallback.
// Stopping the engine stops claiming, lets running steps finish within a timeout and returns
// the leases it still holds.
package engine
