package database_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/flowline/flowline/internal/database"
)

// TestConcurrentMigrations: parallel tests migrate their own databases at the same time;
// ent's migration shares package-level table definitions, so Migrate must serialise them
// (this used to crash with "concurrent map read and map write").
func TestConcurrentMigrations(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := database.Open(context.Background(), filepath.Join(t.TempDir(), "db"+string(rune('a'+i))), database.Options{})
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			errs <- db.Migrate(context.Background())
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}
