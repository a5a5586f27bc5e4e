package events_test

import (
	"testing"

	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestLoopGuardKeepsWorkingWithEnrollmentRules: an event past the loop limit still records
// its FAILED "loop limit reached" execution under ONCE and ONE_ACTIVE, and that refusal
// neither enrolls the client nor holds its active place: the next event within the limit
// starts a run. Raising the same event again returns its execution (a duplicate is no skip).
func TestLoopGuardKeepsWorkingWithEnrollmentRules(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		f := newFixture(t, db)
		for _, mode := range []string{"ONCE", "ONE_ACTIVE"} {
			wf := f.workflow(t, mode, map[string]any{}, true, false)
			wf = wf.Update().SetEnrollment(map[string]any{"mode": mode}).SaveX(ctx)
			r := events.Raiser{Dialect: db.Dialect, LoopLimit: 2}
			deep := events.ClientCreated(f.client)
			deep.Key, deep.Depth, deep.WorkflowID = mode+":deep", 3, &wf.ID
			refused := raise(t, db, r, deep, true)
			if len(refused) != 1 || refused[0].Status != workflowexecution.StatusFAILED || *refused[0].ErrorMessage != events.LoopLimitMessage {
				t.Fatalf("%s: past the loop limit got %+v, want the loop guard's FAILED record", mode, refused)
			}
			ok := events.ClientCreated(f.client)
			ok.Key, ok.WorkflowID = mode+":ok", &wf.ID
			started := raise(t, db, r, ok, true)
			if len(started) != 1 || started[0].Status != workflowexecution.StatusPENDING {
				t.Fatalf("%s: within the limit got %+v, want a PENDING run", mode, started)
			}
			if again := raise(t, db, r, ok, true); len(again) != 1 || again[0].ID != started[0].ID {
				t.Errorf("%s: the same event again gave %+v, want its execution", mode, again)
			}
			other := events.ClientCreated(f.client)
			other.Key, other.WorkflowID = mode+":other", &wf.ID
			if skipped := raise(t, db, r, other, true); len(skipped) != 0 {
				t.Errorf("%s: a second event started %d runs, want it skipped", mode, len(skipped))
			}
		}
	})
}
