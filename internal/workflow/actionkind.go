package workflow

import (
	"fmt"
	"sync"
	"time"
)

// ActionKind is everything the definition language knows about one action type. Each type
// implements it in a folder of its own under internal/action (with how it runs), and
// internal/action/registry registers them all: the validator, DecodeConfig and Simulate ask
// the registered kind instead of switching on the type.
type ActionKind interface {
	// Type is the action type the kind implements.
	Type() ActionType
	// Check decodes a step's config (at the JSON pointer base) and returns its typed form,
	// recording every problem in c. At save time c is templated: strings may hold
	// placeholders, which are checked separately; after rendering they are data.
	Check(c *ConfigChecker, cfg map[string]any, base string) any
	// Effect names what the step would do in a simulation ("wouldCreateTask").
	Effect() string
	// Preview describes what a decoded config would do when run at now (ctx is the run's
	// context) and returns the simulated clock after the step (later than now for a delay).
	Preview(decoded any, ctx Context, now time.Time) (details map[string]any, clock time.Time)
	// Output is the shape of the output the step records: its keys and their types.
	Output() map[string]FieldType
}

// ClientActor is implemented by action kinds that act on a client: the execution's, or the
// one their config names with clientId. NeedsClient reports whether they cannot run without
// one (a SCHEDULED run has none); CREATE_TASK and SEND_EMAIL can.
type ClientActor interface {
	NeedsClient() bool
}

// ClientWriter is implemented by action kinds that write client fields, for loop warnings.
type ClientWriter interface {
	// WriteTargets returns the client fields a config writes, sorted.
	WriteTargets(cfg map[string]any) []string
}

// ConfigPreparer is implemented by action kinds whose stored config is completed before it
// is checked for placeholders and rendered (a SEND_EMAIL templateId becomes its body).
type ConfigPreparer interface {
	Prepare(cfg map[string]any) map[string]any
}

// ConfigNormalizer is implemented by action kinds that accept shorthands: Normalize rewrites
// cfg (a private copy) to the canonical form.
type ConfigNormalizer interface {
	Normalize(cfg map[string]any)
}

// ConfigRedactor is implemented by action kinds whose configs hold secrets: Redact returns a
// copy with the secret values replaced by Redacted.
type ConfigRedactor interface {
	Redact(cfg map[string]any) map[string]any
}

var actionKinds = struct {
	sync.RWMutex
	byType map[ActionType]ActionKind
}{byType: map[ActionType]ActionKind{}}

// RegisterAction makes an action kind known to the definition language. The registry
// (internal/action/registry) calls it for every built-in type; registering a type twice is a
// programming error.
func RegisterAction(k ActionKind) {
	actionKinds.Lock()
	defer actionKinds.Unlock()
	if _, dup := actionKinds.byType[k.Type()]; dup {
		panic(fmt.Sprintf("workflow: action type %s registered twice", k.Type()))
	}
	actionKinds.byType[k.Type()] = k
}

// Kind returns the registered kind of an action type.
func Kind(t ActionType) (ActionKind, bool) {
	actionKinds.RLock()
	defer actionKinds.RUnlock()
	k, ok := actionKinds.byType[t]
	return k, ok
}

// PrepareConfig returns the config a step renders: the stored one, completed by its kind
// when it is a ConfigPreparer (a built-in email template's text as the body).
func PrepareConfig(t ActionType, cfg map[string]any) map[string]any {
	if k, ok := Kind(t); ok && cfg != nil {
		if p, ok := k.(ConfigPreparer); ok {
			return p.Prepare(cfg)
		}
	}
	return cfg
}
