// Package changes tells subscribers, in every process, that executions, their logs and
// workflows changed: the live half of the GraphQL subscriptions.
//
// A change travels as ids only (Event). Capture installs ent hooks that collect the events
// of a transaction and hand them to a Publisher when it commits (never when it rolls
// back); the Publisher sends them, in batches and off the writer's path, on a Bus:
// PostgreSQL LISTEN/NOTIFY, NATS, or this process only (SQLite). Every process listens on
// the bus and a Hub fans the events out to its subscriptions, which reload the rows with
// their subscriber's permissions.
//
// Delivery is at most once on the bus: a process that dies between commit and publish, a
// full queue or a dropped connection lose events. So the Hub also sweeps, every few
// seconds, for executions that reached a final status: a lost notification delays a final
// status, never loses it.
package changes
