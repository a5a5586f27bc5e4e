// Package registry lists Flowline's action types. Importing it registers each one with the
// definition language (workflow.RegisterAction), so the validator, the simulator and the
// engine know the same set. Adding an action type means a folder under internal/action, its
// name in spec.ActionTypes (the stored vocabulary) and one line here.
package registry

import (
	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/action/createtask"
	"github.com/flowline/flowline/internal/action/delay"
	"github.com/flowline/flowline/internal/action/find"
	"github.com/flowline/flowline/internal/action/httprequest"
	"github.com/flowline/flowline/internal/action/logactivity"
	"github.com/flowline/flowline/internal/action/sendemail"
	"github.com/flowline/flowline/internal/action/sendwebhook"
	"github.com/flowline/flowline/internal/action/tag"
	"github.com/flowline/flowline/internal/action/updateclient"
	"github.com/flowline/flowline/internal/workflow"
)

// types are the built-in action types, one folder each.
var types = []action.Type{
	sendemail.Type{},
	createtask.Type{},
	updateclient.Type{},
	tag.Add,
	tag.Remove,
	sendwebhook.Type{},
	delay.Type{},
	logactivity.Type{},
	find.Clients,
	find.Tasks,
	httprequest.Type{},
}

var byType = map[workflow.ActionType]action.Type{}

func init() {
	for _, t := range types {
		workflow.RegisterAction(t)
		byType[t.Type()] = t
	}
}

// Lookup returns the implementation of an action type.
func Lookup(t workflow.ActionType) (action.Type, bool) {
	a, ok := byType[t]
	return a, ok
}
