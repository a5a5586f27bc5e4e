package database_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/activity"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/testsupport"
)

// deferredSetup is a PostgreSQL database with one client, and a function that runs fn in a
// deferred transaction, returning the statements it sent.
func deferredSetup(t *testing.T) (*testsupport.DB, *ent.Contact, func(fn func(ctx context.Context, tx *ent.Client) error) ([]testsupport.Statement, error)) {
	t.Helper()
	db := testsupport.Open(t, "postgres")
	c := db.Client.Contact.Create().SetName("Before").SetEmail("before@example.com").SaveX(testsupport.Ctx())
	run := func(fn func(ctx context.Context, tx *ent.Client) error) ([]testsupport.Statement, error) {
		ctx := database.DeferTx(testsupport.Ctx())
		stop := db.Statements.Record()
		err := database.InTx(ctx, db.Client, func(tx *ent.Client) error { return fn(ctx, tx) })
		return stop(), err
	}
	return db, c, run
}

func addActivity(ctx context.Context, tx *ent.Client, client uuid.UUID, message string) error {
	return tx.Activity.Create().SetClientID(client).SetKind("note").SetMessage(message).SetActor("test").Exec(ctx)
}

func activities(t *testing.T, db *testsupport.DB) int {
	t.Helper()
	return db.Client.Activity.Query().Where(activity.KindEQ("note")).CountX(testsupport.Ctx())
}

func clientName(t *testing.T, db *testsupport.DB, id uuid.UUID) string {
	t.Helper()
	return db.Client.Contact.GetX(testsupport.Ctx(), id).Name
}

// TestDeferredTxFinalCarriesHeldInserts: inserts wait, and the final update sends them with
// itself as one statement, which commits them.
func TestDeferredTxFinalCarriesHeldInserts(t *testing.T) {
	t.Parallel()
	db, c, run := deferredSetup(t)
	var n int
	stmts, err := run(func(ctx context.Context, tx *ent.Client) error {
		if err := addActivity(ctx, tx, c.ID, "one"); err != nil {
			return err
		}
		if err := addActivity(ctx, tx, c.ID, "two"); err != nil {
			return err
		}
		if !database.Unsent(ctx) {
			t.Error("the transaction sent something before its final statement")
		}
		var err error
		n, err = tx.Contact.Update().Where(contact.ID(c.ID)).SetName("After").Save(database.Final(ctx))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) != 1 || !strings.HasPrefix(stmts[0].Query, "WITH held_0 AS (INSERT INTO \"activities\"") {
		t.Fatalf("sent %d statements, want the one fused statement: %v", len(stmts), stmts)
	}
	if n != 1 || activities(t, db) != 2 || clientName(t, db, c.ID) != "After" {
		t.Fatalf("updated %d, %d activities, name %q; want 1, 2, After", n, activities(t, db), clientName(t, db, c.ID))
	}
}

// TestDeferredTxFinalMatchingNothingWritesNothing: a final update that changes no row (the
// engine's fence when the execution was cancelled) reports zero rows and leaves the held
// inserts unwritten, as a rolled-back transaction would.
func TestDeferredTxFinalMatchingNothingWritesNothing(t *testing.T) {
	t.Parallel()
	db, c, run := deferredSetup(t)
	var n int
	_, err := run(func(ctx context.Context, tx *ent.Client) error {
		if err := addActivity(ctx, tx, c.ID, "lost"); err != nil {
			return err
		}
		var err error
		n, err = tx.Contact.Update().Where(contact.ID(uuid.New())).SetName("Nobody").Save(database.Final(ctx))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 || activities(t, db) != 0 {
		t.Fatalf("updated %d with %d activities written; want 0 and 0", n, activities(t, db))
	}
}

// TestDeferredTxFinalErrorWritesNothing: a held insert that fails (a client that does not
// exist) fails the final statement, and its update is not applied either.
func TestDeferredTxFinalErrorWritesNothing(t *testing.T) {
	t.Parallel()
	db, c, run := deferredSetup(t)
	_, err := run(func(ctx context.Context, tx *ent.Client) error {
		if err := addActivity(ctx, tx, uuid.New(), "orphan"); err != nil {
			return err
		}
		return tx.Contact.Update().Where(contact.ID(c.ID)).SetName("After").Exec(database.Final(ctx))
	})
	if err == nil || !strings.Contains(err.Error(), "foreign key") {
		t.Fatalf("got %v, want the insert's foreign-key violation", err)
	}
	if activities(t, db) != 0 || clientName(t, db, c.ID) != "Before" {
		t.Fatalf("%d activities, name %q after the failed statement; want 0, Before", activities(t, db), clientName(t, db, c.ID))
	}
}

// TestDeferredTxReadSendsHeldFirst: a read begins the transaction for real, after the held
// inserts, so it sees them; the commit keeps them.
func TestDeferredTxReadSendsHeldFirst(t *testing.T) {
	t.Parallel()
	db, c, run := deferredSetup(t)
	seen := -1
	stmts, err := run(func(ctx context.Context, tx *ent.Client) error {
		if err := addActivity(ctx, tx, c.ID, "read back"); err != nil {
			return err
		}
		var err error
		seen, err = tx.Activity.Query().Where(activity.KindEQ("note")).Count(ctx)
		if database.Unsent(ctx) {
			t.Error("a read left the transaction unsent")
		}
		if err != nil {
			return err
		}
		// Not carried any more: the final statement goes inside the transaction.
		return tx.Contact.Update().Where(contact.ID(c.ID)).SetName("After").Exec(database.Final(ctx))
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != 1 || activities(t, db) != 1 || clientName(t, db, c.ID) != "After" {
		t.Fatalf("the read saw %d activities, %d kept, name %q; want 1, 1, After", seen, activities(t, db), clientName(t, db, c.ID))
	}
	if len(stmts) != 3 || !strings.HasPrefix(stmts[0].Query, "INSERT INTO \"activities\"") ||
		!strings.HasPrefix(stmts[2].Query, "UPDATE \"clients\"") {
		t.Fatalf("statements %v, want the insert, the read, the update", stmts)
	}
}

// TestDeferredTxEndsWithoutFinal: without a final statement the held inserts are sent at
// commit and dropped at rollback, where nothing at all was sent.
func TestDeferredTxEndsWithoutFinal(t *testing.T) {
	t.Parallel()
	db, c, run := deferredSetup(t)
	errRollback := errors.New("roll back")
	stmts, err := run(func(ctx context.Context, tx *ent.Client) error {
		if err := addActivity(ctx, tx, c.ID, "dropped"); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) || len(stmts) != 0 || activities(t, db) != 0 {
		t.Fatalf("rollback: %v, %d statements sent, %d activities; want none", err, len(stmts), activities(t, db))
	}
	stmts, err = run(func(ctx context.Context, tx *ent.Client) error { return addActivity(ctx, tx, c.ID, "kept") })
	if err != nil || len(stmts) != 1 || activities(t, db) != 1 {
		t.Fatalf("commit: %v, %d statements sent, %d activities; want the insert", err, len(stmts), activities(t, db))
	}
}

// TestDeferredTxFinalAlone: a final statement with nothing held is sent alone, unchanged.
func TestDeferredTxFinalAlone(t *testing.T) {
	t.Parallel()
	db, c, run := deferredSetup(t)
	stmts, err := run(func(ctx context.Context, tx *ent.Client) error {
		return tx.Contact.Update().Where(contact.ID(c.ID)).SetName("After").Exec(database.Final(ctx))
	})
	if err != nil || len(stmts) != 1 || !strings.HasPrefix(stmts[0].Query, "UPDATE \"clients\"") || clientName(t, db, c.ID) != "After" {
		t.Fatalf("%v, statements %v, name %q; want the update alone", err, stmts, clientName(t, db, c.ID))
	}
}

func TestRenumber(t *testing.T) {
	t.Parallel()
	got := database.Renumber(`INSERT INTO "t" ("a", "b") VALUES ($1, $12)`, 7)
	if want := `INSERT INTO "t" ("a", "b") VALUES ($8, $19)`; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

// TestDeferredTxFinalInBegunTransaction: after the transaction began, inserts still wait
// for the final statement, which carries them inside the transaction; a final statement
// that changes no row reports zero, and the caller's rollback drops the rows.
func TestDeferredTxFinalInBegunTransaction(t *testing.T) {
	t.Parallel()
	db, c, run := deferredSetup(t)
	for _, tc := range []struct {
		target uuid.UUID
		want   int
	}{{c.ID, 1}, {uuid.New(), 0}} {
		var n int
		stmts, err := run(func(ctx context.Context, tx *ent.Client) error {
			if _, err := tx.Contact.Get(ctx, c.ID); err != nil {
				return err
			}
			if err := addActivity(ctx, tx, c.ID, "in transaction"); err != nil {
				return err
			}
			var err error
			if n, err = tx.Contact.Update().Where(contact.ID(tc.target)).SetName("After").Save(database.Final(ctx)); err != nil || n == 0 {
				return errors.Join(err, errors.New("no row changed"))
			}
			return nil
		})
		if n != tc.want || len(stmts) != 2 || !strings.HasPrefix(stmts[1].Query, "WITH held_0 AS (INSERT INTO \"activities\"") ||
			!strings.Contains(stmts[1].Query, ") UPDATE \"clients\"") {
			t.Fatalf("target %s: %d rows changed (want %d), %v, statements %v", tc.target, n, tc.want, err, stmts)
		}
		if got := activities(t, db); got != 1 {
			t.Fatalf("target %s: %d activities after it, want 1 (kept by the first transaction only)", tc.target, got)
		}
	}
}

// TestDeferredTxReadOutside: a read marked ReadOutside that comes first goes to the pool and
// leaves the transaction unsent, so the final statement still carries the held inserts as
// the whole transaction; once something is held, the same read begins the transaction and
// sees it.
func TestDeferredTxReadOutside(t *testing.T) {
	t.Parallel()
	db, c, run := deferredSetup(t)
	stmts, err := run(func(ctx context.Context, tx *ent.Client) error {
		if _, err := tx.Contact.Get(database.ReadOutside(ctx), c.ID); err != nil {
			return err
		}
		if !database.Unsent(ctx) {
			t.Error("a read marked ReadOutside began the transaction")
		}
		if err := addActivity(ctx, tx, c.ID, "after the read"); err != nil {
			return err
		}
		return tx.Contact.Update().Where(contact.ID(c.ID)).SetName("After").Exec(database.Final(ctx))
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) != 2 || !strings.HasPrefix(stmts[0].Query, "SELECT") || !strings.HasPrefix(stmts[1].Query, "WITH held_0 AS (INSERT INTO \"activities\"") ||
		!strings.Contains(stmts[1].Query, "1 / count(*)") {
		t.Fatalf("statements %v, want the read, then the fused statement sent alone", stmts)
	}
	if activities(t, db) != 1 || clientName(t, db, c.ID) != "After" {
		t.Fatalf("%d activities, name %q; want 1, After", activities(t, db), clientName(t, db, c.ID))
	}

	seen := -1
	_, err = run(func(ctx context.Context, tx *ent.Client) error {
		if err := addActivity(ctx, tx, c.ID, "held"); err != nil {
			return err
		}
		var err error
		seen, err = tx.Activity.Query().Where(activity.KindEQ("note")).Count(database.ReadOutside(ctx))
		if database.Unsent(ctx) {
			t.Error("a read after a held insert left the transaction unsent")
		}
		return err
	})
	if err != nil || seen != 2 {
		t.Fatalf("%v; the read saw %d activities, want 2 (the held one with it)", err, seen)
	}
}
