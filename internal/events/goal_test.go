package events_test

import (
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestGoalLookupUsesTheGoalRunsIndex: a client change looks for the client's active runs
// that have a goal through the partial index of exactly those runs, on both databases, so a
// client's history and its runs without a goal (a backlog of thousands) cost the lookup
// nothing.
func TestGoalLookupUsesTheGoalRunsIndex(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		f := newFixture(t, db)
		after := *f.client
		after.Tags = []string{"vip", "new"}
		stop := db.Statements.Record()
		raise(t, db, events.Raiser{Dialect: db.Dialect}, events.ClientUpdated(f.client, &after, events.Cause{})[0], true)
		var lookup *testsupport.Statement
		for _, s := range stop() {
			if strings.Contains(s.Query, "definition -> 'goal'") {
				lookup = &s
			}
		}
		if lookup == nil {
			t.Fatal("the client change looked for no runs with a goal")
		}
		plan := testsupport.Explain(t, db, lookup.Query, lookup.Args...)
		if !strings.Contains(plan, "workflow_executions_goal_runs") {
			t.Errorf("the lookup does not read workflow_executions_goal_runs:\n%s\n%s", lookup.Query, plan)
		}
	})
}
