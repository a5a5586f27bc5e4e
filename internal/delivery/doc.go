// Package delivery performs the engine's external effects: webhook calls (SEND_WEBHOOK) and
// e-mail over SMTP (SEND_EMAIL). It holds no state and never touches the database.
//
// External effects happen at least once, so every call carries a stable idempotency key
// (<executionId>:<stepIndex>) that the peer can use to recognise a repeat: the webhook
// Idempotency-Key header and the e-mail Message-ID.
//
// Errors are classified for the engine's retry policy: IsPermanent reports failures that a
// retry cannot fix (a 4xx answer, a forbidden address, a malformed request); everything else
// (5xx, 408, 429, timeouts, connection errors) is worth retrying. Error messages never
// contain credentials, signing secrets or the configured header values.
package delivery
