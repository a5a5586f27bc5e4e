package retention

import (
	"fmt"

	"github.com/flowline/flowline/internal/database"
)

// The statuses whose rows may be deleted, written exactly as the partial indexes' predicates
// (ent/schema): both databases use a partial index only for a query that repeats its
// condition.
const (
	endedExecution = "status IN ('COMPLETED', 'FAILED', 'CANCELLED')"
	doneEmail      = "status IN ('SENT', 'FAILED')"
)

// The partial indexes the deletes read (ent/schema).
const (
	endedExecutionsIndex = "workflow_executions_ended_completed_at"
	doneEmailsIndex      = "emails_done_created_at"
)

// statements are the pass's deletes, written for one dialect.
type statements struct {
	// defaultExecutions deletes executions of the workflows without a retention of their
	// own; overrideExecutions those of the workflows whose retention_days is $3.
	defaultExecutions, overrideExecutions string
	emails                                string
}

func statementsFor(d database.Dialect) statements {
	return statements{
		defaultExecutions:  executionsSQL(d, "retention_days IS NULL"),
		overrideExecutions: executionsSQL(d, "retention_days = $3"),
		emails:             emailsSQL(d),
	}
}

// recheck repeats a delete's condition on the rows the inner SELECT chose. On PostgreSQL a
// row changed between the two (a retry made the execution PENDING again) is read again and
// kept; SQLite runs one writer at a time, so nothing changes in between, and the repeated
// condition would only steer its planner away from the primary key.
func recheck(d database.Dialect, cond string) string {
	if d.LocksRows() {
		return "\nAND " + cond
	}
	return ""
}

// executionsSQL deletes up to $2 executions that ended before $1, oldest first, of the
// workflows that match workflows (a condition on the workflows table, which may use $3).
func executionsSQL(d database.Dialect, workflows string) string {
	cond := endedExecution + " AND completed_at < $1"
	return d.Rebind(fmt.Sprintf(`
DELETE FROM workflow_executions
WHERE id IN (
    SELECT id FROM workflow_executions%s
    WHERE %s
      AND workflow_id IN (SELECT id FROM workflows WHERE %s)
    ORDER BY completed_at
    LIMIT $2
)%s`, d.IndexedBy(endedExecutionsIndex), cond, workflows, recheck(d, cond)))
}

// emailsSQL deletes up to $2 sent or failed e-mails queued before $1, oldest first.
func emailsSQL(d database.Dialect) string {
	cond := doneEmail + " AND created_at < $1"
	return d.Rebind(fmt.Sprintf(`
DELETE FROM emails
WHERE id IN (
    SELECT id FROM emails%s
    WHERE %s
    ORDER BY created_at
    LIMIT $2
)%s`, d.IndexedBy(doneEmailsIndex), cond, recheck(d, cond)))
}
