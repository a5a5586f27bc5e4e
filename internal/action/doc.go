// Package action is what every action type shares; each type lives in a folder of its own
// below it (internal/action/<type>) and internal/action/registry lists them.
//
// An action type is a workflow.ActionKind (config check, simulation preview, output shape)
// that runs in one of three ways:
//   - Internal (CREATE_TASK, UPDATE_CLIENT, ADD_TAG, REMOVE_TAG, LOG_ACTIVITY and the outbox
//     write of SEND_EMAIL) writes Flowline's own database inside the step's transaction, which
//     the engine commits together with the step's log row and the advance of the execution,
//     so a crash can never apply it twice. Client writes raise CLIENT_UPDATED and
//     CLIENT_STATUS_CHANGED events in the same transaction, one causation level deeper
//     (ClientWritten).
//   - External (SEND_WEBHOOK) runs outside any transaction and may be repeated after a crash,
//     so it carries the stable idempotency key <executionId>:<stepIndex> (Step.IdempotencyKey).
//   - Sleeper (DELAY) has no effect of its own; WakeTime says until when the execution sleeps.
//
// Errors that a retry cannot fix are marked permanent (Permanent, IsPermanent).
package action
