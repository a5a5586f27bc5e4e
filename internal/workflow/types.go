// Package workflow is Flowline's workflow definition language: trigger types and their
// configuration, conditions, actions and their placeholders. It is pure Go and never touches
// the database, so the API, the engine and the simulator share one set of rules.
package workflow

import "github.com/flowline/flowline/internal/workflow/spec"

// The vocabulary types live in package spec (see its doc comment for why); these aliases let
// the rest of this package and its callers say workflow.TriggerType.
type (
	// TriggerType names the CRM event that starts a workflow.
	TriggerType = spec.TriggerType
	// ActionType names what one step of a workflow does.
	ActionType = spec.ActionType
	// Action is one step of a workflow as stored in Workflow.actions.
	Action = spec.Action
	// RetryPolicy bounds how often and how fast a failing step is tried again.
	RetryPolicy = spec.RetryPolicy
	// Definition is what a workflow runs: exactly the versioned part of a workflow. Versions and
	// executions store it as their snapshot.
	Definition = spec.Definition
	// Case is one branch of a SWITCH step.
	Case = spec.Case
	// Frame is one loop a running execution is inside.
	Frame = spec.Frame
)

// The trigger types a workflow may listen to.
const (
	TriggerClientCreated       = spec.TriggerClientCreated
	TriggerClientUpdated       = spec.TriggerClientUpdated
	TriggerClientStatusChanged = spec.TriggerClientStatusChanged
	TriggerDocumentUploaded    = spec.TriggerDocumentUploaded
	TriggerTaskCompleted       = spec.TriggerTaskCompleted
	TriggerScheduled           = spec.TriggerScheduled
	TriggerManual              = spec.TriggerManual
	TriggerWebhook             = spec.TriggerWebhook
	TriggerClientDate          = spec.TriggerClientDate
)

// The action types a workflow step may use.
const (
	ActionSendEmail    = spec.ActionSendEmail
	ActionCreateTask   = spec.ActionCreateTask
	ActionUpdateClient = spec.ActionUpdateClient
	ActionAddTag       = spec.ActionAddTag
	ActionRemoveTag    = spec.ActionRemoveTag
	ActionSendWebhook  = spec.ActionSendWebhook
	ActionDelay        = spec.ActionDelay
	ActionLogActivity  = spec.ActionLogActivity
	ActionFindClients  = spec.ActionFindClients
	ActionFindTasks    = spec.ActionFindTasks
	ActionHTTPRequest  = spec.ActionHTTPRequest
	ActionCompute      = spec.ActionCompute
	ActionIf           = spec.ActionIf
	ActionSwitch       = spec.ActionSwitch
	ActionForEach      = spec.ActionForEach
	ActionStop         = spec.ActionStop
)

// TriggerTypes lists every trigger type in declaration order.
var TriggerTypes = spec.TriggerTypes

// ActionTypes lists every action type in declaration order.
var ActionTypes = spec.ActionTypes
