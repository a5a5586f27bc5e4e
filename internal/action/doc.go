// Package action performs the effects of workflow steps.
//
// Internal actions (CREATE_TASK, UPDATE_CLIENT, ADD_TAG, REMOVE_TAG, LOG_ACTIVITY and the
// outbox write of SEND_EMAIL) write Flowline's own database. They run inside the step's
// transaction, which the engine commits together with the step's log row and the advance of
// the execution, so a crash can never apply them twice. Client writes raise CLIENT_UPDATED
// and CLIENT_STATUS_CHANGED events in the same transaction, one causation level deeper.
//
// SEND_WEBHOOK is external: it runs outside any transaction and may be repeated after a
// crash, so it carries the stable idempotency key <executionId>:<stepIndex>. DELAY has no
// effect of its own; WakeTime says until when the execution sleeps.
//
// Errors that a retry cannot fix are marked permanent (see IsPermanent).
package action
