package loadtest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/loadtest"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestRunAgainstTheRealHandler: a short run of the dashboard read counts requests, no
// errors, and ordered percentiles; a bad token counts every request as an error.
func TestRunAgainstTheRealHandler(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPI(t, testsupport.Open(t, "sqlite3"))
	token := strings.TrimPrefix(api.Header.Get("Authorization"), "Bearer ")
	opts := loadtest.Options{URL: api.Server.URL + "/query", Token: token, Query: loadtest.DashboardQuery,
		Variables: loadtest.DashboardVariables, Concurrency: 2, Duration: 300 * time.Millisecond, Client: api.Server.Client()}
	res, err := loadtest.Run(context.Background(), opts)
	if err != nil || res.Requests == 0 || res.Errors != 0 || res.P50 > res.P99 || res.PerSecond() <= 0 {
		t.Fatalf("Run = %+v, %v", res, err)
	}
	opts.Token = "flw_not-a-token"
	res, err = loadtest.Run(context.Background(), opts)
	if err != nil || res.Requests == 0 || res.Errors != res.Requests || !strings.Contains(res.FirstError, "HTTP 401") {
		t.Fatalf("with a bad token: %+v, %v", res, err)
	}
}
