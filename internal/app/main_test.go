package app_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/app"
)

// TestCommandLine checks the subcommands' exit codes and messages: help and version answer
// 0, an unknown word, flag or stray argument is refused with 2 (and the usage) instead of
// starting a server, a DATABASE_URL of an unknown kind and SQLite in production are errors,
// and migrate creates the schema.
func TestCommandLine(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	t.Setenv("FLOWLINE_ENV", "")
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "cli.db")
	tests := []struct {
		args     []string
		code     int
		contains string // in stdout+stderr
	}{
		{[]string{"help"}, app.ExitOK, "flowline bench"},
		{[]string{"--help"}, app.ExitOK, "flowline user create"},
		{[]string{"serve", "-h"}, app.ExitOK, "-max-response-bytes"},
		{[]string{"version"}, app.ExitOK, "flowline "},
		{[]string{"frobnicate"}, app.ExitUsage, `unknown command "frobnicate"`},
		{[]string{"serve", "extra"}, app.ExitUsage, `unexpected argument "extra"`},
		{[]string{"-no-such-flag"}, app.ExitUsage, "flag provided but not defined"},
		{[]string{"version", "x"}, app.ExitUsage, "takes no arguments"},
		{[]string{"bench", "-h"}, app.ExitOK, "-concurrency"},
		{[]string{"bench", "stray"}, app.ExitUsage, `unexpected argument "stray"`},
		{[]string{"bench", "-url", "http://127.0.0.1:1/query", "-d", "100ms", "-c", "1"}, app.ExitError, "requests failed"},
		{[]string{"bench", "suite", "-h"}, app.ExitOK, "-smoke"},
		{[]string{"bench", "suite"}, app.ExitUsage, "bench suite needs -database-url"},
		{[]string{"bench", "suite", "-database-url", "postgres://x/y", "stray"}, app.ExitUsage, `unexpected argument "stray"`},
		{[]string{"bench", "suite", "-database-url", "sqlite:x.db", "-out", t.TempDir()}, app.ExitError, "needs a postgres:// URL"},
		{[]string{"bench", "suite", "-database-url", "postgres://x/y", "-schema", "Bad-Name"}, app.ExitError, "not a plain lower-case SQL name"},
		{[]string{"migrate", "-database-url", "mysql://db"}, app.ExitError, "must start with postgres://"},
		{[]string{"migrate", "-database-url", dbURL, "-env", "production", "-jwt-secret", strings.Repeat("s", 32)}, app.ExitError, "production needs PostgreSQL"},
		{[]string{"migrate", "-database-url", dbURL}, app.ExitOK, "schema up to date"},
		{[]string{"user", "create", "--email", "a@example.com", "--database-url", dbURL, "stray"}, app.ExitError, `unexpected argument "stray"`},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := app.Main(tt.args, &out, &errOut)
		both := out.String() + errOut.String()
		if code != tt.code || !strings.Contains(both, tt.contains) {
			t.Errorf("flowline %s: exit %d, want %d with %q; printed:\n%s", strings.Join(tt.args, " "), code, tt.code, tt.contains, both)
		}
	}
}
