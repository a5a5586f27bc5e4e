// Package spec holds the stored vocabulary of a workflow definition: trigger and action types
// and the shape of an action. It is a leaf package, separate from package workflow, because
// ent-generated code imports it and cannot import a package named like its own workflow entity.
package spec

import (
	"fmt"
	"io"
	"slices"
	"strconv"
)

// TriggerType names the CRM event that starts a workflow.
type TriggerType string

// The trigger types a workflow may listen to.
const (
	TriggerClientCreated       TriggerType = "CLIENT_CREATED"
	TriggerClientUpdated       TriggerType = "CLIENT_UPDATED"
	TriggerClientStatusChanged TriggerType = "CLIENT_STATUS_CHANGED"
	TriggerDocumentUploaded    TriggerType = "DOCUMENT_UPLOADED"
	TriggerTaskCompleted       TriggerType = "TASK_COMPLETED"
	TriggerScheduled           TriggerType = "SCHEDULED"
	TriggerManual              TriggerType = "MANUAL"
	TriggerWebhook             TriggerType = "WEBHOOK"
	TriggerClientDate          TriggerType = "CLIENT_DATE"
)

// TriggerTypes lists every trigger type in declaration order.
var TriggerTypes = []TriggerType{
	TriggerClientCreated, TriggerClientUpdated, TriggerClientStatusChanged, TriggerDocumentUploaded,
	TriggerTaskCompleted, TriggerScheduled, TriggerManual, TriggerWebhook, TriggerClientDate,
}

// Values lets ent store TriggerType as an enum column.
func (TriggerType) Values() []string { return enumValues(TriggerTypes) }

// IsValid reports whether t is one of the declared trigger types.
func (t TriggerType) IsValid() bool { return slices.Contains(TriggerTypes, t) }

// MarshalGQL writes the enum as a GraphQL enum value.
func (t TriggerType) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(t))) }

// UnmarshalGQL reads the enum from a GraphQL value.
func (t *TriggerType) UnmarshalGQL(v any) error {
	return unmarshalEnum(v, t, TriggerTypes, "TriggerType")
}

// ActionType names what one step of a workflow does.
type ActionType string

// The action types a workflow step may use.
const (
	ActionSendEmail    ActionType = "SEND_EMAIL"
	ActionCreateTask   ActionType = "CREATE_TASK"
	ActionUpdateClient ActionType = "UPDATE_CLIENT"
	ActionAddTag       ActionType = "ADD_TAG"
	ActionRemoveTag    ActionType = "REMOVE_TAG"
	ActionSendWebhook  ActionType = "SEND_WEBHOOK"
	ActionDelay        ActionType = "DELAY"
	ActionLogActivity  ActionType = "LOG_ACTIVITY"
	ActionFindClients  ActionType = "FIND_CLIENTS"
	ActionFindTasks    ActionType = "FIND_TASKS"
	ActionHTTPRequest  ActionType = "HTTP_REQUEST"
	ActionCompute      ActionType = "COMPUTE"

	// Control steps shape the run instead of acting: they hold nested blocks of steps.
	ActionIf      ActionType = "IF"
	ActionSwitch  ActionType = "SWITCH"
	ActionForEach ActionType = "FOR_EACH"
	ActionStop    ActionType = "STOP"
)

// ActionTypes lists every action type in declaration order.
var ActionTypes = []ActionType{
	ActionSendEmail, ActionCreateTask, ActionUpdateClient, ActionAddTag, ActionRemoveTag,
	ActionSendWebhook, ActionDelay, ActionLogActivity, ActionFindClients, ActionFindTasks,
	ActionHTTPRequest, ActionCompute, ActionIf, ActionSwitch, ActionForEach, ActionStop,
}

// IsControl reports whether a is a control step (IF, SWITCH, FOR_EACH, STOP) or COMPUTE,
// which the engine interprets itself instead of running an action.
func (a ActionType) IsControl() bool {
	switch a {
	case ActionIf, ActionSwitch, ActionForEach, ActionStop, ActionCompute:
		return true
	default:
		return false
	}
}

// Values lets ent store ActionType as an enum column.
func (ActionType) Values() []string { return enumValues(ActionTypes) }

// IsValid reports whether a is one of the declared action types.
func (a ActionType) IsValid() bool { return slices.Contains(ActionTypes, a) }

// MarshalGQL writes the enum as a GraphQL enum value.
func (a ActionType) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(a))) }

// UnmarshalGQL reads the enum from a GraphQL value.
func (a *ActionType) UnmarshalGQL(v any) error { return unmarshalEnum(v, a, ActionTypes, "ActionType") }

// Action is one step of a workflow as stored in Workflow.actions. Control steps hold nested
// blocks: IF has Then and Else, SWITCH has Cases and Default, FOR_EACH has Body.
type Action struct {
	// Key names the step so later steps can read its output ({{steps.<key>.output.x}}).
	Key     string         `json:"key,omitempty"`
	Type    ActionType     `json:"type"`
	Config  map[string]any `json:"config"`
	Name    string         `json:"name,omitempty"`
	OnError string         `json:"onError,omitempty"`
	Retry   *RetryPolicy   `json:"retry,omitempty"`
	Then    []Action       `json:"then,omitempty"`
	Else    []Action       `json:"else,omitempty"`
	Cases   []Case         `json:"cases,omitempty"`
	Default []Action       `json:"default,omitempty"`
	Body    []Action       `json:"body,omitempty"`
}

// Case is one branch of a SWITCH: its steps run when its conditions hold and no earlier
// case's did.
type Case struct {
	Name       string         `json:"name"`
	Conditions map[string]any `json:"conditions"`
	Actions    []Action       `json:"actions"`
}

// Frame is one loop the execution is inside: the FOR_EACH instruction, the current item and
// how many there are. The engine stores the stack of frames with the execution so a crash
// resumes at the same item.
type Frame struct {
	At    int `json:"at"`
	Index int `json:"index"`
	Count int `json:"count"`
}

// RetryPolicy bounds how often and how fast a failing step is tried again.
// Backoffs are Go duration strings ("2s", "1m").
type RetryPolicy struct {
	MaxAttempts    int    `json:"maxAttempts,omitempty"`
	InitialBackoff string `json:"initialBackoff,omitempty"`
	MaxBackoff     string `json:"maxBackoff,omitempty"`
}

func enumValues[T ~string](all []T) []string {
	out := make([]string, len(all))
	for i, v := range all {
		out[i] = string(v)
	}
	return out
}

func unmarshalEnum[T ~string](v any, dst *T, all []T, name string) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("%s must be a string", name)
	}
	if !slices.Contains(all, T(s)) {
		return fmt.Errorf("%q is not a valid %s", s, name)
	}
	*dst = T(s)
	return nil
}

// Definition is the versioned part of a workflow: what an execution runs. Executions and
// versions store a snapshot of it.
type Definition struct {
	TriggerType   TriggerType    `json:"triggerType"`
	TriggerConfig map[string]any `json:"triggerConfig"`
	Conditions    map[string]any `json:"conditions"`
	Actions       []Action       `json:"actions"`
	// Enrollment is {"mode": EVERY_TIME|ONCE|ONE_ACTIVE, "reenrollOn": [fields]}; absent means
	// EVERY_TIME (see EnrollmentOf).
	Enrollment map[string]any `json:"enrollment,omitempty"`
	// Goal is a condition (the language of Conditions) that ends a run as COMPLETED with
	// exitReason GOAL_MET when it holds; absent or {} means no goal.
	Goal map[string]any `json:"goal,omitempty"`
	// Flow control (flowcontrol.go): optional, per workflow and key.
	Debounce    *Debounce    `json:"debounce,omitempty"`
	Concurrency *Concurrency `json:"concurrency,omitempty"`
	Throttle    *Throttle    `json:"throttle,omitempty"`
}
