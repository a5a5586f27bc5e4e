// Package authz decides who may read and write what, as ent privacy policies, so that every
// path to the data (node, nodes, nested edges, totalCount, where filters, mutations, the
// engine) obeys the same rules. Every policy ends in deny.
//
// The rules:
//   - ADMIN reads and writes everything, and alone manages users.
//   - EDITOR reads its own workflows (with their versions, executions, logs and emails) and
//     the templates (with their versions); creates workflows (as itself) and edits or deletes
//     only its own; manages clients, tasks, documents and activities.
//   - VIEWER reads everything except other users' API tokens, and writes nothing.
//   - Everyone sees only their own API tokens.
//
// A workflow a user may not read does not exist for them: it is NOT_FOUND and never counted.
//
// Statements written by hand, which ent's privacy filters do not reach (the dashboard's
// aggregates in internal/stats), take the caller's ExecutionReadScope: the execution read
// rule above, stated once for them.
package authz
