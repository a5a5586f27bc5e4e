// Package outbox delivers the e-mail outbox. SEND_EMAIL steps write messages to the emails
// table in their own transaction; the Mailer claims QUEUED messages whose time has come,
// sends them over SMTP and records the outcome, retrying failures with backoff.
//
// Claims are safe across processes: on PostgreSQL they use FOR UPDATE SKIP LOCKED, on SQLite
// the single writer serialises them. A claimed message is SENDING with next_attempt_at as its
// lease; a sender that dies leaves it SENDING until the lease passes, then it is requeued.
// Delivery is at least once: a message may be sent again after such a crash, with the same
// Message-ID, so the receiver can recognise the repeat.
package outbox
