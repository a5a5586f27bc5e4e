package engine_test

import (
	"testing"
	"time"

	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// TestListenReconnect: with polling effectively off, a new execution is still claimed after
// the notification listener's connection is killed, because the listener reconnects.
func TestListenReconnect(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "postgres")
	a, wf, client := pollingOff(t, db)
	listener := func() int { return listenerPID(t, db) }
	var old int
	waitUntil(t, "listening", func() bool { old = listener(); return old != 0 })
	id := a.trigger(wf, client, nil)
	a.waitStatus(id, "COMPLETED")

	var ok bool
	if err := db.SQL.QueryRow(`SELECT pg_terminate_backend($1)`, old).Scan(&ok); err != nil || !ok {
		t.Fatalf("terminate the listener: %v, %v", ok, err)
	}
	waitUntil(t, "listening again", func() bool { pid := listener(); return pid != 0 && pid != old })
	id = a.trigger(wf, client, nil)
	a.waitStatus(id, "COMPLETED")
}

// TestLocalWakeOnSQLite: on SQLite, with polling effectively off, an execution created in
// this process is still claimed at once: the commit wakes the local workers.
func TestLocalWakeOnSQLite(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	a, wf, client := pollingOff(t, db)
	for range 3 {
		a.waitStatus(a.trigger(wf, client, nil), "COMPLETED")
	}
}

// pollingOff runs a one-step MANUAL workflow on an engine that effectively never polls, so
// only a wake-up can start its executions.
func pollingOff(t *testing.T, db *testsupport.DB) (a *api, wf, client string) {
	t.Helper()
	cfg := testConfig(t)
	cfg.PollInterval = time.Hour
	return manualRun(t, db, cfg, spec.Action{Type: spec.ActionLogActivity, Config: map[string]any{"message": "m"}})
}

// listenerPID returns the PostgreSQL backend of the engine's notification listener on db (0
// while there is none). Only this test's listener: other tests share the server, and each
// test database's sessions carry its schema as application_name.
func listenerPID(t testing.TB, db *testsupport.DB) (pid int) {
	t.Helper()
	err := db.SQL.QueryRow(`SELECT coalesce(max(pid), 0) FROM pg_stat_activity
		WHERE application_name = $1 AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`, db.Schema).Scan(&pid)
	if err != nil {
		t.Fatal(err)
	}
	return pid
}
