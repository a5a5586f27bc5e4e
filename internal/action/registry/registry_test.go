package registry_test

import (
	"testing"

	"github.com/flowline/flowline/internal/action"
	"github.com/flowline/flowline/internal/action/registry"
	"github.com/flowline/flowline/internal/workflow"
)

// TestEveryStoredActionTypeIsImplemented checks that each action type of the stored
// vocabulary has exactly one implementation that runs, calls or sleeps, declares an output
// shape and a simulation effect of its own.
func TestEveryStoredActionTypeIsImplemented(t *testing.T) {
	effects := map[string]workflow.ActionType{}
	for _, at := range workflow.ActionTypes {
		if at.IsControl() {
			continue // IF, SWITCH, FOR_EACH and STOP are the engine's own
		}
		impl, ok := registry.Lookup(at)
		if !ok {
			t.Errorf("%s has no implementation in the registry", at)
			continue
		}
		if kind, ok := workflow.Kind(at); !ok || kind != workflow.ActionKind(impl) {
			t.Errorf("%s is not registered with the definition language", at)
		}
		if impl.Type() != at {
			t.Errorf("registry.Lookup(%s) returned the implementation of %s", at, impl.Type())
		}
		modes := 0
		if _, ok := impl.(action.Internal); ok {
			modes++
		}
		if _, ok := impl.(action.External); ok {
			modes++
		}
		if _, ok := impl.(action.Sleeper); ok {
			modes++
		}
		if modes != 1 {
			t.Errorf("%s must be exactly one of Internal, External or Sleeper, is %d of them", at, modes)
		}
		if _, ok := impl.(workflow.ConfigSchemaer); !ok {
			t.Errorf("%s does not describe its config (workflow.ConfigSchemaer)", at)
		}
		if len(impl.Output()) == 0 {
			t.Errorf("%s declares no output shape", at)
		}
		if other, dup := effects[impl.Effect()]; dup || impl.Effect() == "" || impl.Effect() == workflow.EffectSkipped {
			t.Errorf("%s: simulation effect %q is empty, reserved or also used by %s", at, impl.Effect(), other)
		}
		effects[impl.Effect()] = at
	}
}
