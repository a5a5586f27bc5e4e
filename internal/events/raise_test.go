package events_test

import (
	"testing"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// fixture is a user, a LEAD client and a few CLIENT_CREATED workflows.
type fixture struct {
	db     *testsupport.DB
	user   *ent.User
	client *ent.Contact
}

func newFixture(t *testing.T, db *testsupport.DB) fixture {
	t.Helper()
	ctx := testsupport.Ctx()
	u := db.Client.User.Create().SetEmail("u@example.com").SetName("U").SaveX(ctx)
	c := db.Client.Contact.Create().SetName("Ada").SetEmail("ada@example.com").SetTags([]string{"vip"}).SaveX(ctx)
	return fixture{db: db, user: u, client: c}
}

func (f fixture) workflow(t *testing.T, name string, cfg map[string]any, active, template bool) *ent.Workflow {
	t.Helper()
	return f.db.Client.Workflow.Create().SetName(name).SetTriggerType(spec.TriggerClientCreated).
		SetTriggerConfig(cfg).SetIsActive(active).SetIsTemplate(template).SetVersion(3).
		SetActions([]spec.Action{{Type: spec.ActionCreateTask, Config: map[string]any{"title": "x"}}}).
		SetCreatedByID(f.user.ID).SaveX(testsupport.Ctx())
}

// raise raises ev in its own transaction and commits (or rolls back) it.
func raise(t *testing.T, db *testsupport.DB, r events.Raiser, ev events.Event, commit bool) []*ent.WorkflowExecution {
	t.Helper()
	ctx := testsupport.Ctx()
	tx, err := db.Client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	exs, err := r.Raise(ctx, tx.Client(), ev)
	if err != nil {
		t.Fatal(err)
	}
	if commit {
		err = tx.Commit()
	} else {
		err = tx.Rollback()
	}
	if err != nil {
		t.Fatal(err)
	}
	return exs
}

func TestRaiseMatchesSnapshotsAndDedupes(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		f := newFixture(t, db)
		match := f.workflow(t, "lead only", map[string]any{"status": []any{"LEAD"}}, true, false)
		f.workflow(t, "active only", map[string]any{"status": []any{"ACTIVE"}}, true, false)
		f.workflow(t, "inactive", map[string]any{}, false, false)
		f.workflow(t, "template", map[string]any{}, true, true)
		r := events.Raiser{Dialect: db.Dialect}
		ev := events.ClientCreated(f.client)

		exs := raise(t, db, r, ev, true)
		if len(exs) != 1 || exs[0].WorkflowID != match.ID {
			t.Fatalf("want one execution of the matching workflow, got %d", len(exs))
		}
		ex := exs[0]
		if ex.Status != workflowexecution.StatusPENDING || ex.WorkflowVersion != 3 || ex.Depth != 0 ||
			ex.ClientID == nil || *ex.ClientID != f.client.ID || ex.DedupeKey == nil ||
			ex.Definition.TriggerType != spec.TriggerClientCreated || len(ex.Definition.Actions) != 1 ||
			ex.TriggerData["type"] != "CLIENT_CREATED" {
			t.Fatalf("execution = %+v", ex)
		}

		again := raise(t, db, r, ev, true)
		if len(again) != 1 || again[0].ID != ex.ID {
			t.Fatalf("raising the same event again gave %v, want the existing execution", again)
		}
		if n := db.Client.WorkflowExecution.Query().CountX(ctx); n != 1 {
			t.Fatalf("%d executions after raising the same event twice, want 1", n)
		}
	})
}

func TestRaiseRolledBackCreatesNothing(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		f := newFixture(t, db)
		f.workflow(t, "any", map[string]any{}, true, false)
		raise(t, db, events.Raiser{Dialect: db.Dialect}, events.ClientCreated(f.client), false)
		if n := db.Client.WorkflowExecution.Query().CountX(testsupport.Ctx()); n != 0 {
			t.Fatalf("%d executions after rollback", n)
		}
	})
}

func TestRaiseAboveLoopLimitRecordsFailure(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		f := newFixture(t, db)
		f.workflow(t, "any", map[string]any{}, true, false)
		ev := events.ClientCreated(f.client)
		ev.Depth = 3
		exs := raise(t, db, events.Raiser{Dialect: db.Dialect, LoopLimit: 2}, ev, true)
		if len(exs) != 1 || exs[0].Status != workflowexecution.StatusFAILED || exs[0].ErrorMessage == nil ||
			*exs[0].ErrorMessage != events.LoopLimitMessage || exs[0].Depth != 3 || exs[0].CompletedAt == nil {
			t.Fatalf("want one FAILED %q record, got %+v", events.LoopLimitMessage, exs)
		}
		ev.Depth, ev.Key = 2, ev.Key+":again"
		if exs := raise(t, db, events.Raiser{Dialect: db.Dialect, LoopLimit: 2}, ev, true); exs[0].Status != workflowexecution.StatusPENDING {
			t.Fatalf("depth at the limit should start: %s", exs[0].Status)
		}
	})
}

func TestClientUpdated(t *testing.T) {
	before := &ent.Contact{Name: "Ada", Email: "a@example.com", Status: "LEAD", Tags: []string{"x"}}
	after := &ent.Contact{Name: "Ada", Email: "a@example.com", Status: "ACTIVE", Tags: []string{"x", "y"}}
	evs := events.ClientUpdated(before, after, events.Cause{Depth: 2, Ref: "r"})
	if len(evs) != 2 || evs[0].Type != spec.TriggerClientUpdated || evs[1].Type != spec.TriggerClientStatusChanged {
		t.Fatalf("events = %+v", evs)
	}
	if got := evs[0].ChangedFields; len(got) != 2 || got[0] != "status" || got[1] != "tags" {
		t.Errorf("changed fields = %v", got)
	}
	if evs[1].OldStatus != "LEAD" || evs[1].NewStatus != "ACTIVE" || evs[1].Depth != 2 || evs[0].Previous["status"] != "LEAD" {
		t.Errorf("status event = %+v", evs[1])
	}
	if evs[0].Key == evs[1].Key {
		t.Error("the two events share a dedupe key")
	}
	if evs := events.ClientUpdated(before, before, events.Cause{}); evs != nil {
		t.Errorf("a change that changed nothing raised %v", evs)
	}
}
