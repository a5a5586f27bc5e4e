package engine

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent/dialect/sql"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/database"
)

// claimed is an execution this worker holds: its id and the attempt number that fences every
// write the worker makes to it.
type claimed struct {
	ID      uuid.UUID
	Attempt int
	// Gated is set for executions under a concurrency or throttle rule (flowcontrol.go).
	Gated bool
	// row is the execution as the claim left it, when the claim returned it (PostgreSQL's);
	// load reads it otherwise.
	row *ent.WorkflowExecution
	// workflow (its id, name and creator) and creator, the viewer its steps act as, came
	// with row when the claim found both; load reads them otherwise (loadWorkflow).
	workflow *ent.Workflow
	creator  auth.Viewer
	// client is the execution's client as the claim read it (with its owner), for the first
	// step of this run that reads the client (joinedClient); nil when the claim found none.
	client *joinedClient
}

// executions is the queue of runnable executions: the oldest due PENDING execution (through
// the partial index on run_at of pending rows) becomes RUNNING with this worker's lease and
// the next attempt number, which fences every later write. Gated executions (concurrency,
// throttle) are left to claimGated; a claim ends an execution's debounce.
var executions = database.Queue{
	Table: "workflow_executions",
	Take: `status = 'RUNNING', attempt = attempt + 1, lease_owner = $1, lease_expires_at = $2,
    started_at = COALESCE(started_at, $3), debounce_key = NULL`,
	Due:       "status = 'PENDING' AND run_at <= $3 AND NOT flow_gated",
	Order:     "run_at",
	Returning: "id, attempt",
}

// claimBatches are the batch sizes a claim takes, each a statement of its own
// (Queue.BatchSQL writes the limit in, so PostgreSQL keeps one generic plan for each): a
// claim for n takes the largest of them not above n.
var claimBatches = []int{1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 24, 32, 48, 64}

// claimRowsSQL is, for each of claimBatches, the claim of that many executions at once
// (PostgreSQL), returning the whole rows, which claimRows reads through ent.
var claimRowsSQL = func() map[int]string {
	q := executions
	q.Returning = "*"
	texts := make(map[int]string, len(claimBatches))
	for _, n := range claimBatches {
		texts[n] = q.BatchSQL(n)
	}
	return texts
}()

// claimBatchFor rounds a wish to claim n executions down to one of claimBatches.
func claimBatchFor(n int) int {
	batch := claimBatches[0]
	for _, b := range claimBatches {
		if b <= n {
			batch = b
		}
	}
	return batch
}

// claim takes one due execution, or returns nil when none is due.
func (e *Engine) claim(ctx context.Context) (*claimed, error) {
	cs, err := e.claimBatch(ctx, 1)
	if err != nil || len(cs) == 0 {
		return nil, err
	}
	return &cs[0], nil
}

// claimBatch takes up to n due executions, oldest first, in one statement on PostgreSQL
// (n rounded down to one of claimBatches); SQLite, which runs one writer at a time, takes
// one. None when none is due.
func (e *Engine) claimBatch(ctx context.Context, n int) ([]claimed, error) {
	now := e.now()
	args := []any{e.cfg.Owner, now.Add(e.cfg.LeaseDuration), now}
	if e.db.Dialect.IsPostgres() {
		return e.claimRows(ctx, claimRowsSQL[claimBatchFor(n)], args)
	}
	var c claimed
	ok, err := executions.Claim(ctx, e.db, args, &c.ID, &c.Attempt)
	if err != nil || !ok {
		return nil, err
	}
	return []claimed{c}, nil
}

// The columns the claim adds to the execution's: its workflow's name and creator, and the
// creator's role.
const (
	claimedWorkflowName    = "claimed_workflow_name"
	claimedWorkflowCreator = "claimed_workflow_creator"
	claimedClientRow       = "claimed_client_row"
	claimedOwnerName       = "claimed_owner_name"
	claimedOwnerEmail      = "claimed_owner_email"
)

// claimRows claims executions on PostgreSQL with claim (one of claimRowsSQL) and
// returns the claimed rows, oldest first, in the same statement: the claim is a
// data-modifying WITH that ent's query of the execution reads from, so the worker needs no
// second round trip to load what it claimed. The same statement joins what loadWorkflow
// would read next (the workflow's name and its creator's role) and what the first step's
// placeholders usually read (the client with its owner's name and e-mail), by primary key
// and with LEFT JOINs, so a claim whose workflow or creator is gone is still returned and
// load reads them to say why. The claim's $1–$3 are the statement's first parameters (the
// query adds none).
func (e *Engine) claimRows(ctx context.Context, claim string, args []any) ([]claimed, error) {
	exs, err := e.db.Client.WorkflowExecution.Query().Where(func(s *sql.Selector) {
		s.Prefix(sql.Expr("WITH claimed AS ("+claim+")", args...)).
			From(sql.Table("claimed").As(workflowexecution.Table))
		w := sql.Table(workflow.Table).As("claimed_workflow")
		u := sql.Table(user.Table).As("claimed_creator")
		cl := sql.Table(contact.Table).As("claimed_client")
		o := sql.Table(user.Table).As("claimed_owner")
		s.LeftJoin(w).On(s.C(workflowexecution.FieldWorkflowID), w.C(workflow.FieldID)).
			LeftJoin(u).On(w.C(workflow.FieldCreatedByID), u.C(user.FieldID)).
			LeftJoin(cl).On(s.C(workflowexecution.FieldClientID), cl.C(contact.FieldID)).
			LeftJoin(o).On(cl.C(contact.FieldOwnerID), o.C(user.FieldID)).
			AppendSelect(
				sql.As(w.C(workflow.FieldName), claimedWorkflowName),
				sql.As(u.C(user.FieldID), claimedWorkflowCreator),
				sql.As(u.C(user.FieldRole), creatorRole),
				// The whole client row as JSON (NULL without one): the columns of ent's Contact.
				sql.As(`row_to_json("claimed_client")::text`, claimedClientRow),
				sql.As("COALESCE("+o.C(user.FieldName)+", '')", claimedOwnerName),
				sql.As("COALESCE("+o.C(user.FieldEmail)+", '')", claimedOwnerEmail),
			)
	}).Order(ent.Asc(workflowexecution.FieldRunAt), ent.Asc(workflowexecution.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("claim from %s: %w", workflowexecution.Table, err)
	}
	cs := make([]claimed, len(exs))
	for i, ex := range exs {
		c := claimed{ID: ex.ID, Attempt: ex.Attempt, row: ex}
		c.workflow, c.creator = claimedWorkflow(ex)
		if row, _ := ex.Value(claimedClientRow); row != nil {
			name, _ := ex.Value(claimedOwnerName)
			email, _ := ex.Value(claimedOwnerEmail)
			c.client = &joinedClient{row: text(row), ownerName: text(name), ownerEmail: text(email)}
		}
		cs[i] = c
	}
	return cs, nil
}

// claimedWorkflow is the workflow and creator claimRows joined to ex, or nil when the join
// found neither (the workflow or its creator gone).
func claimedWorkflow(ex *ent.WorkflowExecution) (*ent.Workflow, auth.Viewer) {
	name, _ := ex.Value(claimedWorkflowName)
	creator, _ := ex.Value(claimedWorkflowCreator)
	role, _ := ex.Value(creatorRole)
	creatorID, err := uuid.ParseBytes([]byte(text(creator)))
	if name == nil || role == nil || err != nil {
		return nil, auth.Viewer{}
	}
	wf := &ent.Workflow{ID: ex.WorkflowID, Name: text(name), CreatedByID: creatorID}
	return wf, auth.Viewer{UserID: creatorID.String(), Role: auth.Role(text(role))}
}

// now is the engine's clock: UTC at microsecond precision, as the database stores it.
// Config.Now replaces it in tests.
func (e *Engine) now() time.Time {
	if e.cfg.Now != nil {
		return e.cfg.Now().UTC().Truncate(time.Microsecond)
	}
	return database.Now()
}

// ClaimSQL is the statement with which a worker claims the oldest due execution on
// PostgreSQL, with its parameters $1 (the worker), $2 (the lease's end) and $3 (now),
// returning the claimed row: the load tool measures it against backlogs of different sizes.
// A draining worker claims several at once with the same statement and a larger LIMIT.
func ClaimSQL() string { return claimRowsSQL[1] }
