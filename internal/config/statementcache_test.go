package config

import "testing"

// TestStatementCache: 256 prepared statements by default, 0 turns them off, and a value
// outside 0–10000 is refused.
func TestStatementCache(t *testing.T) {
	none := func(string) string { return "" }
	cfg, err := Load(nil, none)
	if err != nil || cfg.StatementCache != 256 {
		t.Fatalf("default: %d, %v; want 256", cfg.StatementCache, err)
	}
	cfg, err = Load(nil, func(k string) string { return map[string]string{"STATEMENT_CACHE": "0"}[k] })
	if err != nil || cfg.StatementCache != 0 {
		t.Fatalf("STATEMENT_CACHE=0: %d, %v; want 0", cfg.StatementCache, err)
	}
	for _, v := range []string{"-1", "x", "10001"} {
		if _, err := Load([]string{"-statement-cache", v}, none); err == nil {
			t.Errorf("-statement-cache %s accepted", v)
		}
	}
}
