package engine_test

import (
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// TestDemotedCreator: a workflow acts with its creator's current rights; once the creator
// may no longer write, its steps fail at once (no retries) and say why.
func TestDemotedCreator(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	a := newAPI(t, db)
	startEngine(t, db, testConfig(t))
	owner := a.createUser("owner@example.com")
	client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
	wf := a.createWorkflow(owner, "w", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
		{Type: spec.ActionLogActivity, Config: map[string]any{"message": "m"}},
	}})
	db.Client.User.UpdateOneID(uuid.MustParse(owner)).SetRole(auth.RoleViewer).ExecX(testsupport.Ctx())
	ex := a.waitFor(a.trigger(wf, client, nil), "final", func(ex execution) bool { return isFinal(ex.Status) })
	if ex.Status != "FAILED" || len(ex.Logs) != 1 || !strings.Contains(deref(ex.ErrorMessage), "failed after 1 attempt") {
		t.Fatalf("demoted creator's workflow: %s %q %v", ex.Status, deref(ex.ErrorMessage), statuses(ex.Logs))
	}
}
