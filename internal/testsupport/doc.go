// Package testsupport is what the tests of every package share, real things rather than
// mocks:
//
//   - databases (db.go): an isolated, migrated SQLite file or PostgreSQL schema per test
//     (Each, Open), whose SQL statements are counted (counting.go, StatementCounter);
//   - the API (api.go): a client of the real HTTP handler, signed in as a chosen user;
//   - outside peers on loopback addresses (peer.go): Listen, an HTTPPeer that records the
//     requests it receives (webhook receivers), an address nobody listens on (ClosedAddr);
//   - an SMTP server (smtp.go) that records the messages it accepts, with optional AUTH,
//     STARTTLS or implicit TLS.
//
// It imports internal/httpapi and so, through it, most of the application: the internal
// tests (package x, not x_test) of those packages cannot use it; their tests that need a
// peer are external (package x_test).
package testsupport
