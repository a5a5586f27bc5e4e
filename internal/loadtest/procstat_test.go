package loadtest

import (
	"database/sql"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestDatabaseCPU finds the local PostgreSQL's postmaster from a connection and sees its
// processes' CPU time grow with work one of its backends does.
func TestDatabaseCPU(t *testing.T) {
	t.Parallel()
	testsupport.RequirePostgres(t)
	db, err := sql.Open("postgres", testsupport.PostgresURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	ctx := testsupport.Ctx()
	pg := localDatabase(ctx, db)
	if pg.postmaster == 0 {
		t.Skip("SKIPPED: PostgreSQL's processes are not visible from here (another machine or container)")
	}
	before, ok := pg.cpuSeconds()
	if !ok {
		t.Fatal("the postmaster was found but its CPU time cannot be read")
	}
	// About a quarter of a second of CPU on this machine: well above /proc's 10 ms tick.
	if _, err := db.ExecContext(ctx, "SELECT count(*) FROM generate_series(1, 5000000)"); err != nil {
		t.Fatal(err)
	}
	after, _ := pg.cpuSeconds()
	if after-before < 0.05 {
		t.Errorf("PostgreSQL's CPU time grew by %.3f s over a query that counts five million rows", after-before)
	}
}
