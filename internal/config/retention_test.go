package config

import (
	"strings"
	"testing"
	"time"
)

// TestRetentionSettings: RETENTION_DAYS defaults to 30 days, 0 turns retention off, and
// values outside the ranges are refused with the setting's name.
func TestRetentionSettings(t *testing.T) {
	cfg, err := Load(nil, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if r := cfg.Retention; r.Days != 30 || r.Interval != time.Hour || r.Batch != 1000 {
		t.Fatalf("defaults = %+v", r)
	}
	env := map[string]string{"RETENTION_DAYS": "0", "RETENTION_INTERVAL": "10m"}
	cfg, err = Load([]string{"-retention-batch", "50"}, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if r := cfg.Retention; r.Days != 0 || r.Interval != 10*time.Minute || r.Batch != 50 {
		t.Fatalf("overrides = %+v", r)
	}
	for _, args := range [][]string{
		{"-retention-days", "-1"},
		{"-retention-days", "3651"},
		{"-retention-days", "thirty"},
		{"-retention-interval", "30s"},
		{"-retention-interval", "soon"},
		{"-retention-batch", "0"},
		{"-retention-batch", "10001"},
	} {
		_, err := Load(args, func(string) string { return "" })
		if name := strings.TrimPrefix(args[0], "-"); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("Load(%v) = %v, want an error naming %s", args, err, name)
		}
	}
}
