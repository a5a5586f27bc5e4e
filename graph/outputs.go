package graph

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/stepoutput"
	"github.com/flowline/flowline/internal/authz"
)

// stepOutputs reads an execution's step outputs by step key. The caller has read the
// execution with its own rights already; the outputs themselves are engine bookkeeping.
func stepOutputs(ctx context.Context, db *ent.Client, executionID uuid.UUID) (map[string]any, error) {
	rows, err := db.StepOutput.Query().
		Where(stepoutput.ExecutionID(executionID), stepoutput.KeyNEQ("")).
		All(authz.System(ctx, authz.ReasonEngineBookkeeping))
	if err != nil {
		return nil, fmt.Errorf("read step outputs: %w", err)
	}
	out := make(map[string]any, len(rows))
	for _, r := range rows {
		out[r.Key] = r.Output
	}
	return out, nil
}
