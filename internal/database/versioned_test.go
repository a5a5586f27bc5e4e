package database_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"ariga.io/atlas/sql/migrate"
	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestMigrationsProduceTheEntSchema is the drift check: the committed migrations, applied to
// a fresh database, give exactly the schema ent/schema describes. It fails when ent/schema
// changed without a new migration.
func TestMigrationsProduceTheEntSchema(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		assertNoDrift(t, db.DB)
	})
}

func assertNoDrift(t *testing.T, db *database.DB) {
	t.Helper()
	drift, err := db.Drift(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if drift != "" {
		t.Fatalf("ent/schema and the migrations in %s differ.\n"+
			"Run, from the repository's root:\n\n    %s\n\n"+
			"(e.g. go run ./internal/tools/migrations new add_retention_days) and commit the files it writes.\n"+
			"The %s schema lacks:\n%s",
			db.Dialect.MigrationsDir(), database.GenerateCommand, db.Dialect, drift)
	}
}

// TestUpgradeFromThePreviousRelease: a database created by the release before versioned
// migrations (ent's auto-migration, no revisions table) is baselined by Migrate, keeps its
// rows, ends at the latest version and matches the ent schema.
func TestUpgradeFromThePreviousRelease(t *testing.T) {
	t.Parallel()
	for _, d := range testsupport.Dialects {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testsupport.OpenUnmigrated(t, d)
			ctx := testsupport.Ctx()
			if err := db.CreateLikePreviousRelease(ctx); err != nil {
				t.Fatal(err)
			}
			// The rows are written with the previous release's columns, in SQL: the ent
			// code of a later commit writes columns that release did not have.
			ids := insertPreviousReleaseRows(t, db)
			if err := db.Migrate(ctx); err != nil {
				t.Fatalf("migrate a database of the previous release: %v", err)
			}

			// A user from before users.email_key gets it from Migrate's data fix-up, which
			// still runs after the schema migration.
			if got := db.Client.User.Query().Where(user.ID(ids.user)).OnlyX(ctx); got.EmailKey == nil || *got.EmailKey != "ada@example.com" {
				t.Errorf("user after the upgrade: email_key %v, want ada@example.com", got.EmailKey)
			}
			if got := db.Client.Workflow.GetX(ctx, ids.workflow); got.Name != "kept" || got.CreatedByID != ids.user || len(got.Actions) != 1 {
				t.Errorf("workflow after the upgrade: %+v", got)
			}
			if got := db.Client.WorkflowExecution.GetX(ctx, ids.execution); got.WorkflowID != ids.workflow {
				t.Errorf("execution after the upgrade belongs to %s, want %s", got.WorkflowID, ids.workflow)
			}
			if n := db.Client.WorkflowExecutionLog.Query().CountX(ctx); n != 1 {
				t.Errorf("execution logs after the upgrade: %d, want 1", n)
			}
			assertUpToDate(t, db.DB)
			revs := revisionTypes(t, db)
			if len(revs) == 0 || revs[0] != migrate.RevisionTypeBaseline {
				t.Errorf("revision types %v: the first should be the baseline (%d), recorded without running", revs, migrate.RevisionTypeBaseline)
			}
			assertNoDrift(t, db.DB)
		})
	}
}

// TestLaterMigrationsApplyAfterTheBaseline: on a database of the previous release, the
// baseline is skipped and the files after it run.
func TestLaterMigrationsApplyAfterTheBaseline(t *testing.T) {
	t.Parallel()
	for _, d := range testsupport.Dialects {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testsupport.OpenUnmigrated(t, d)
			ctx := testsupport.Ctx()
			if err := db.CreateLikePreviousRelease(ctx); err != nil {
				t.Fatal(err)
			}
			dir := withExtraMigration(t, db.Dialect, "99990101000000_probe.sql", "CREATE TABLE migration_probe (id integer NOT NULL);\n")
			if err := db.ApplyMigrations(ctx, dir); err != nil {
				t.Fatal(err)
			}
			if _, err := db.SQL.ExecContext(ctx, `INSERT INTO migration_probe (id) VALUES (1)`); err != nil {
				t.Fatalf("the migration after the baseline did not run: %v", err)
			}
			revs := revisionTypes(t, db)
			files, err := dir.Files()
			if err != nil {
				t.Fatal(err)
			}
			if len(revs) != len(files) || revs[0] != migrate.RevisionTypeBaseline || revs[len(revs)-1] != migrate.RevisionTypeExecute {
				t.Errorf("revision types %v for %d files, want the baseline then executed files", revs, len(files))
			}
		})
	}
}

// TestMigrateTwiceIsANoop: a second Migrate applies nothing and writes no revision.
func TestMigrateTwiceIsANoop(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		before := revisionRows(t, db)
		if err := db.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		if after := revisionRows(t, db); len(after) != len(before) || after[0] != before[0] {
			t.Errorf("revisions changed by a second Migrate: %v, then %v", before, after)
		}
		if revs := revisionTypes(t, db); len(revs) == 0 || revs[0] != migrate.RevisionTypeExecute {
			t.Errorf("a fresh database's first revision is %v, want executed (%d)", revs, migrate.RevisionTypeExecute)
		}
		assertUpToDate(t, db.DB)
	})
}

// TestConcurrentProcessesMigrateOnce: processes starting together on one database (here
// goroutines without the in-process mutex, each on its own connection) do not both apply a
// file: the second waits for the first (PostgreSQL's advisory lock, SQLite's write lock)
// and then finds nothing pending.
func TestConcurrentProcessesMigrateOnce(t *testing.T) {
	t.Parallel()
	for _, d := range testsupport.Dialects {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testsupport.OpenUnmigrated(t, d)
			dir, err := database.EmbeddedDir(db.Dialect)
			if err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			errs := make(chan error, 4)
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					errs <- db.ApplyMigrationsLikeAnotherProcess(context.Background(), dir)
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Error(err)
				}
			}
			files, err := dir.Files()
			if err != nil {
				t.Fatal(err)
			}
			if revs := revisionTypes(t, db); len(revs) != len(files) {
				t.Errorf("%d revisions for %d files", len(revs), len(files))
			}
		})
	}
}

type previousReleaseRows struct{ user, workflow, execution uuid.UUID }

// insertPreviousReleaseRows writes a user (without email_key, as before that column), a
// workflow, an execution and its log with the columns of the previous release.
func insertPreviousReleaseRows(t *testing.T, db *testsupport.DB) previousReleaseRows {
	t.Helper()
	ctx := context.Background()
	ids := previousReleaseRows{uuid.New(), uuid.New(), uuid.New()}
	now := database.Now()
	for _, s := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO users (id, created_at, email, name, role) VALUES ($1, $2, 'Ada@Example.com', 'Ada', 'EDITOR')`,
			[]any{ids.user, now}},
		{`INSERT INTO workflows (id, created_at, updated_at, name, trigger_type, trigger_config, conditions, actions, created_by_id)
			VALUES ($1, $2, $2, 'kept', 'MANUAL', '{}', '{}', '[{"type":"ADD_TAG","config":{"tag":"vip"}}]', $3)`,
			[]any{ids.workflow, now, ids.user}},
		{`INSERT INTO workflow_executions (id, created_at, trigger_data, run_at, workflow_id) VALUES ($1, $2, '{}', $2, $3)`,
			[]any{ids.execution, now, ids.workflow}},
		{`INSERT INTO workflow_execution_logs (id, step_index, action_type, status, executed_at, execution_id)
			VALUES ($1, 0, 'ADD_TAG', 'SUCCESS', $2, $3)`,
			[]any{uuid.New(), now, ids.execution}},
	} {
		if _, err := db.SQL.ExecContext(ctx, db.Dialect.Rebind(s.sql), s.args...); err != nil {
			t.Fatalf("insert a row of the previous release: %v", err)
		}
	}
	return ids
}

func assertUpToDate(t *testing.T, db *database.DB) {
	t.Helper()
	st, err := db.MigrationStatus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !st.UpToDate() || st.Applied != st.Latest {
		t.Errorf("migration status %+v: want the latest version applied", st)
	}
}

// withExtraMigration returns the embedded migrations plus one more file, with its atlas.sum.
func withExtraMigration(t *testing.T, d database.Dialect, name, stmts string) migrate.Dir {
	t.Helper()
	src, err := database.EmbeddedDir(d)
	if err != nil {
		t.Fatal(err)
	}
	files, err := src.Files()
	if err != nil {
		t.Fatal(err)
	}
	dir := &migrate.MemDir{}
	if err := dir.CopyFiles(files); err != nil {
		t.Fatal(err)
	}
	if err := dir.WriteFile(name, []byte(stmts)); err != nil {
		t.Fatal(err)
	}
	all, err := dir.Files()
	if err != nil {
		t.Fatal(err)
	}
	sum, err := migrate.NewHashFile(all)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.WriteSumFile(dir, sum); err != nil {
		t.Fatal(err)
	}
	return dir
}

func revisionTypes(t *testing.T, db *testsupport.DB) []migrate.RevisionType {
	t.Helper()
	rows, err := db.SQL.QueryContext(context.Background(), `SELECT type FROM `+database.RevisionsTable+` ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []migrate.RevisionType
	for rows.Next() {
		var typ uint
		if err := rows.Scan(&typ); err != nil {
			t.Fatal(err)
		}
		out = append(out, migrate.RevisionType(typ))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func revisionRows(t *testing.T, db *testsupport.DB) []string {
	t.Helper()
	rows, err := db.SQL.QueryContext(context.Background(), `SELECT version || ' ' || executed_at FROM `+database.RevisionsTable+` ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no revision recorded")
	}
	return out
}

// TestDriftIsDetected: the drift check sees a schema that differs from ent's (here an index
// missing and a column too many), so TestMigrationsProduceTheEntSchema can fail.
func TestDriftIsDetected(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := context.Background()
		for _, stmt := range []string{`DROP INDEX workflow_is_active`, `ALTER TABLE workflows ADD COLUMN stray integer`} {
			if _, err := db.SQL.ExecContext(ctx, stmt); err != nil {
				t.Fatal(err)
			}
		}
		drift, err := db.Drift(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// SQLite drops a column by copying the table into a new one without it.
		if !strings.Contains(drift, "workflow_is_active") || (!strings.Contains(drift, "stray") && !strings.Contains(drift, "new_workflows")) {
			t.Errorf("drift misses the index or the column:\n%s", drift)
		}
	})
}
