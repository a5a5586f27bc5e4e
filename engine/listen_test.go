package engine_test

import (
	"testing"
	"time"

	"github.com/flowline/flowline/dbtest"
	"github.com/flowline/flowline/workflow/spec"
)

func TestListenReconnect(t *testing.T) {
	db := dbtest.Open(t, "postgres")
	a := newAPI(t, db)
	cfg := testConfig(t)
	cfg.PollInterval = time.Hour
	startEngine(t, db, cfg)
	owner := a.createUser("owner@example.com")
	client := a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com"})
	wf := a.createWorkflow(owner, "w", spec.Definition{TriggerType: spec.TriggerManual, Actions: []spec.Action{
		{Type: spec.ActionLogActivity, Config: map[string]any{"message": "m"}},
	}})
	time.Sleep(300 * time.Millisecond)
	id := a.trigger(wf, client, nil)
	a.waitStatus(id, "COMPLETED")
	var n int
	if err := db.SQL.QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	t.Logf("terminated %d listener backends", n)
	time.Sleep(2 * time.Second)
	start := time.Now()
	id = a.trigger(wf, client, nil)
	deadline := time.Now().Add(8 * time.Second)
	for time.Now().Before(deadline) {
		if a.execution(id).Status == "COMPLETED" {
			t.Logf("completed %s after reconnect", time.Since(start))
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("not woken after listener reconnect: %s", a.execution(id).Status)
}
