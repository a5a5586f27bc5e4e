package authz

import (
	"context"

	"github.com/flowline/flowline/ent/privacy"
)

// Reason names why Flowline acts as itself rather than as a user. The list is the complete
// set of privacy bypasses in the code base: adding one means adding a reason here.
type Reason string

const (
	// ReasonAuthenticate covers finding the user behind a password or API token, which
	// happens before anyone is authenticated.
	ReasonAuthenticate Reason = "authenticate"
	// ReasonEventMatching covers event matching: a change by one user starts the matching
	// workflows of every user; finding those workflows and creating their executions is not
	// the caller's read.
	ReasonEventMatching Reason = "event matching"
	// ReasonEngineBookkeeping covers claiming executions, leases, step logs and the email
	// outbox, which belong to no user. The actions themselves run as the workflow's creator.
	ReasonEngineBookkeeping Reason = "engine bookkeeping"
	// ReasonScheduler covers firing SCHEDULED workflows; no user asks for it.
	ReasonScheduler Reason = "scheduler"
	// ReasonRetention covers the retention job deleting expired executions (with their logs)
	// and sent e-mails, which no user asks for. It deletes with plain SQL below the ent
	// client (internal/retention), so no policy is consulted; it is listed to keep this list
	// of system actions complete.
	ReasonRetention Reason = "retention"
	// ReasonTemplateLibrary covers installing the built-in templates at start.
	ReasonTemplateLibrary Reason = "template library"
	// ReasonBootstrap covers creating the first admin (development quick start, the user CLI).
	ReasonBootstrap Reason = "bootstrap"
	// ReasonMigration covers the schema migration filling in columns of existing rows.
	ReasonMigration Reason = "migration"
	// ReasonChangeRouting covers routing change events to subscriptions: finding which
	// workflow an execution belongs to and sweeping for final statuses. What a subscriber
	// receives is reloaded with the subscriber's own permissions.
	ReasonChangeRouting Reason = "change routing"
	// ReasonTests covers test fixtures written straight to the database.
	ReasonTests Reason = "tests"
)

type reasonKey struct{}

// System returns ctx allowed to read and write everything, for reason.
func System(ctx context.Context, reason Reason) context.Context {
	return privacy.DecisionContext(context.WithValue(ctx, reasonKey{}, reason), privacy.Allow)
}

// SystemReason returns why ctx bypasses the policies, if it does.
func SystemReason(ctx context.Context) (Reason, bool) {
	r, ok := ctx.Value(reasonKey{}).(Reason)
	return r, ok
}
