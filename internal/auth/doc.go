// Package auth holds Flowline's authentication primitives: password hashing, signed access
// tokens (JWT) for browser sessions, opaque API tokens for scripts and SDKs, bearer-header
// parsing, roles and the request viewer carried in a context.
//
// The package is pure Go and never touches the database: the API layer stores password and
// API-token hashes and calls these functions to create and check them.
package auth
