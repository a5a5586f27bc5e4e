package loadtest

import (
	"slices"
	"testing"
)

// TestPgbenchScript: bound values become pgbench variables (a colon in a value stays a
// value), NULLs are written in, and the readable form writes every value in, quoted.
func TestPgbenchScript(t *testing.T) {
	t.Parallel()
	stmts := []captured{
		{SQL: "SELECT id FROM t WHERE a = $1 AND b = $2 LIMIT $3", Params: []param{{Value: []byte("at 10:30 it's")}, {Null: true}, {Value: []byte("21")}}},
		{SQL: "COMMIT"},
	}
	script, defines := pgbenchScript(stmts)
	if want := "SELECT id FROM t WHERE a = :s0p1 AND b = NULL LIMIT :s0p3;\nCOMMIT;\n"; script != want {
		t.Errorf("script = %q, want %q", script, want)
	}
	if want := []string{"s0p1=at 10:30 it's", "s0p3=21"}; !slices.Equal(defines, want) {
		t.Errorf("defines = %q, want %q", defines, want)
	}
	if got, want := readable(stmts), "SELECT id FROM t WHERE a = 'at 10:30 it''s' AND b = NULL LIMIT '21';\nCOMMIT;\n"; got != want {
		t.Errorf("readable = %q, want %q", got, want)
	}
}
