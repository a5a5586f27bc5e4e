package graph

import (
	"bytes"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"github.com/flowline/flowline/ent/workflowexecutionlog"
)

func written(m graphql.Marshaler) string {
	var b bytes.Buffer
	m.MarshalGQL(&b)
	return b.String()
}

// TestMarshalIntAndEnum: the marshallers made once write what gqlgen's write, and hand
// them out without allocating.
func TestMarshalIntAndEnum(t *testing.T) {
	for _, v := range []int{0, 7, 1023, 1024, -1, 1 << 40} {
		if got, want := written(marshalInt(v)), written(graphql.MarshalInt(v)); got != want {
			t.Errorf("marshalInt(%d) writes %s, want %s", v, got, want)
		}
	}
	for _, s := range []workflowexecutionlog.Status{workflowexecutionlog.StatusSUCCESS, workflowexecutionlog.StatusFAILED, workflowexecutionlog.StatusSKIPPED} {
		var want bytes.Buffer
		s.MarshalGQL(&want)
		if got := written(marshalEnum(s)); got != want.String() {
			t.Errorf("marshalEnum(%s) writes %s, want %s", s, got, want.String())
		}
	}
	if n := testing.AllocsPerRun(100, func() {
		_ = marshalInt(42)
		_ = marshalEnum(workflowexecutionlog.StatusSUCCESS)
	}); n != 0 {
		t.Errorf("%v allocations per int and enum value, want 0", n)
	}
}
