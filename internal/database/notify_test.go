package database_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/database"
)

// TestLocalNotify: on SQLite a notification inside a transaction wakes subscribers only when
// the transaction commits, never when it rolls back; outside one it wakes them at once.
func TestLocalNotify(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, err := database.Open(ctx, filepath.Join(t.TempDir(), "n.db"), database.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	wakeups, stop := db.Subscribe()
	defer stop()
	woken := func() bool {
		select {
		case <-wakeups:
			return true
		default:
			return false
		}
	}
	notify := func(c *ent.Client) error {
		_, err := c.ExecContext(ctx, database.LocalNotify)
		return err
	}
	if err := database.InTx(ctx, db.Client, func(tx *ent.Client) error {
		if err := notify(tx); err != nil {
			return err
		}
		if woken() {
			t.Error("woken before the commit")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !woken() {
		t.Error("not woken by a commit")
	}
	tx, err := db.Client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := notify(tx.Client()); err != nil {
		t.Fatal(err)
	}
	_ = tx.Rollback()
	if woken() {
		t.Error("woken by a rollback")
	}
	if err := notify(db.Client); err != nil || !woken() {
		t.Errorf("outside a transaction: woken %v, %v", woken(), err)
	}
}
