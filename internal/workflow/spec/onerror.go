package spec

// OnError values: what happens when a step still fails after its retries.
const (
	OnErrorStop     = "STOP"     // the execution fails (the default)
	OnErrorContinue = "CONTINUE" // the step is logged FAILED and the next one runs
)

// EffectiveOnError returns the action's onError, STOP when unset.
func (a Action) EffectiveOnError() string {
	if a.OnError == "" {
		return OnErrorStop
	}
	return a.OnError
}
