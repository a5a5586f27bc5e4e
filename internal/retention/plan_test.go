package retention

import (
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestDeletesReadPartialIndexes: each delete finds its rows through the partial index of
// ended executions or done e-mails, so a pass costs what it deletes, not the history it
// keeps. PostgreSQL is told to avoid sequential scans, which it would rightly prefer on a
// nearly empty table.
func TestDeletesReadPartialIndexes(t *testing.T) {
	t.Parallel()
	before := time.Now().UTC()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		sql := statementsFor(db.Dialect)
		for _, tt := range []struct {
			name, query, index string
			args               []any
		}{
			{"default executions", sql.defaultExecutions, endedExecutionsIndex, []any{before, 10}},
			{"override executions", sql.overrideExecutions, endedExecutionsIndex, []any{before, 10, 7}},
			{"emails", sql.emails, doneEmailsIndex, []any{before, 10}},
		} {
			plan := testsupport.Explain(t, db, tt.query, tt.args...)
			t.Logf("%s:\n%s", tt.name, plan)
			if !strings.Contains(plan, tt.index) {
				t.Errorf("%s: the plan does not use %s:\n%s", tt.name, tt.index, plan)
			}
		}
	})
}
