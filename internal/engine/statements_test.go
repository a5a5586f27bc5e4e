package engine_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestStepStatementsPostgres holds one execution of the three-step bench workflow on
// PostgreSQL to the statements the engine now sends for it: the claim returns the row it
// claimed with its workflow's name and creator's role and its client with the client's owner
// (read by the first step), a step
// whose placeholders cannot show the client reads none, a task's assignee comes from the
// client its step's placeholders read, the conditions flag rides on the first
// advance, each log row is inserted by its step's fenced advance, a step that only inserts
// rows is one statement (no BEGIN, no COMMIT), and a tag change reads
// nothing back, looks for no CLIENT_DATE workflow and for goal runs and CLIENT_UPDATED
// workflows in one probe. A second execution on the same client finds the tag there: its
// step 2 reads the client outside any transaction, locks nothing, and is then its log row
// and advance as one statement.
func TestStepStatementsPostgres(t *testing.T) {
	db := testsupport.Open(t, dialect.Postgres)
	poll := testsupport.Reopen(t, db) // its statements are not the engine's
	ctx := testsupport.Ctx()
	u, wf := benchAuthor(t, db, "budget")
	c := db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").SetOwnerID(u.ID).SaveX(ctx)

	cfg := testConfig(t)
	cfg.Workers = 1
	startEngine(t, db, cfg)
	execute := func(ref string) executionStatements {
		stop := db.Statements.Record()
		ex := benchTrigger(t, db, wf, c, ref)
		waitUntil(t, "the execution completed", func() bool {
			return poll.Client.WorkflowExecution.GetX(ctx, ex.ID).Status == workflowexecution.StatusCOMPLETED
		})
		return engineStatements(t, stop())
	}

	changed := execute("budget")
	// Every step's log row rides on its advance. Steps 1 and 3 only insert rows (a task, an
	// activity): their transactions send nothing until the advance, which carries those rows
	// and the log row as one statement outside a transaction block. Step 2 reads the client,
	// then locks it to add the tag, so its transaction begins and its advance carries the log
	// row inside it.
	if n := changed.count("final AS (UPDATE \"workflow_executions\""); n != 2 {
		t.Errorf("%d advances carrying a whole step, want 2 (steps 1 and 3)", n)
	}
	if n := changed.count(`INSERT INTO "workflow_execution_logs" ("step_index", "path", "run", "action_type", "status", "input_data", "output_data", "attempt", "duration_ms", "executed_at", "execution_id", "id") VALUES ($`); n != 3 {
		t.Errorf("%d log rows carried by their advance, want 3", n)
	}
	if n := changed.count("SELECT count(*), 1 / count(*) FROM final"); n != 2 {
		t.Errorf("%d steps sent as one statement, want 2 (steps 1 and 3)", n)
	}
	if n := changed.count("INSERT INTO \"workflow_execution_logs\""); n != 3 {
		t.Errorf("%d log row inserts, want 3 (each with its advance)", n)
	}
	if n := changed.count(`FROM "workflow_executions" WHERE "workflow_executions"."id" =`); n != 0 {
		t.Errorf("the claimed execution was read again %d times", n)
	}
	if n := changed.count(`FROM "users"`); n != 0 {
		// The creator comes with the workflow, the client's owner with the client.
		t.Errorf("%d reads of users, want none (joined)", n)
	}
	if n, locked := changed.count(`FROM "clients"`), changed.count("FOR NO KEY UPDATE"); n != 2 || locked != 1 {
		// Step 1's placeholders read the client the claim joined, and its task's assignee
		// comes from it; step 2 reads it, finds the tag missing and locks it; step 3's
		// placeholders name only the workflow.
		t.Errorf("%d reads of the client (%d locked), want 2 (1): step 2's look and lock", n, locked)
	}
	if n := changed.count(`FROM "workflows"`); n != 0 {
		// The workflow's name and creator come with the claim; step 2's client change finds
		// through one probe that no run has a goal and no workflow starts on it.
		t.Errorf("%d reads of workflows, want none", n)
	}
	if n := changed.count("EXISTS (SELECT 1 FROM workflows WHERE trigger_type"); n != 1 {
		t.Errorf("%d probes for goal runs and CLIENT_UPDATED workflows, want 1 (step 2's change)", n)
	}
	// Step 1's task with its log row and advance, step 2's look, lock, update, probe for goal
	// runs and CLIENT_UPDATED workflows (a tag is no date a CLIENT_DATE trigger follows) and
	// advance, step 3's activity with its log row and advance.
	if len(changed) > 7 {
		t.Errorf("%d statements for one execution besides its claim, want at most 7:\n%s", len(changed), strings.Join(changed, "\n"))
	}

	// The tag is there now: step 2 is its look and one statement, and nothing locks.
	unchanged := execute("budget again")
	if n := unchanged.count("SELECT count(*), 1 / count(*) FROM final"); n != 3 {
		t.Errorf("%d steps sent as one statement, want all 3", n)
	}
	if n, locked := unchanged.count(`FROM "clients"`), unchanged.count("FOR "); n != 1 || locked != 0 {
		t.Errorf("%d reads of the client (%d locking), want 1 (0)", n, locked)
	}
	if len(unchanged) != 4 {
		t.Errorf("%d statements for an execution that finds its tag, want 4:\n%s", len(unchanged), strings.Join(unchanged, "\n"))
	}
	if n := poll.Client.Contact.GetX(ctx, c.ID).Tags; len(n) != 1 {
		t.Errorf("tags %v, want the one tag", n)
	}
}

// executionStatements are the statements the engine sent for one execution.
type executionStatements []string

// engineStatements keeps the engine's statements for one execution: the trigger's are not
// the engine's, nor are the dispatcher's claims (one claims this execution, others may find
// nothing), its looks for gated executions and the reaper's rounds. It fails t without a
// claim that returned its row.
func engineStatements(t *testing.T, stmts []testsupport.Statement) executionStatements {
	t.Helper()
	var engine executionStatements
	claims := 0
	for _, s := range stmts {
		q := strings.TrimSpace(s.Query)
		switch {
		case strings.HasPrefix(q, "WITH claimed AS"):
			claims++
		case strings.HasPrefix(q, "SELECT EXISTS (") && strings.Contains(q, "e.flow_gated"):
			// The dispatcher looking for gated executions (flow control), found none.
		case strings.HasPrefix(q, `INSERT INTO "workflow_executions"`), strings.Contains(q, "pg_notify"),
			strings.HasPrefix(q, `UPDATE "workflow_executions" SET "lease_expires_at" = NULL, "status" = $1, "run_at" = $2`):
		default:
			engine = append(engine, q)
		}
	}
	if claims == 0 {
		t.Errorf("no claim returned its row")
	}
	return engine
}

// count is how many of the statements contain substr.
func (e executionStatements) count(substr string) (n int) {
	for _, q := range e {
		if strings.Contains(q, substr) {
			n++
		}
	}
	return n
}

// TestClaimedClientMatchesAFreshRead: the client the claim joins (the first step's
// placeholders read it) gives the context the same fields as reading the client does: with
// and without an owner, a phone, tags and custom values.
func TestClaimedClientMatchesAFreshRead(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, dialect.Postgres)
	ctx := testsupport.Ctx()
	u, wf := benchAuthor(t, db, "joined")
	owned := db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").SetOwnerID(u.ID).
		SetPhone("+44 20 7946 0000").SetTags([]string{"vip", "emea"}).
		SetCustomFields(map[string]any{"score": 42.5, "plan": "gold"}).SaveX(ctx)
	alone := db.Client.Contact.Create().SetName("Bob").SetEmail("bob@example.com").SaveX(ctx)
	e := engine.New(db.DB, engine.Config{Workers: 1, LeaseDuration: time.Minute})
	for _, c := range []*ent.Contact{owned, alone} {
		benchTrigger(t, db, wf, c, c.Name)
		joined, fresh, err := e.ClaimedClient(ctx)
		if err != nil || joined == nil {
			t.Fatalf("%s: claimed client %v, %v", c.Name, joined, err)
		}
		if !reflect.DeepEqual(joined, fresh) {
			t.Errorf("%s: the claim's client\n%v\ndiffers from a fresh read\n%v", c.Name, joined, fresh)
		}
	}
}
