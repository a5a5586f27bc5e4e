package config

import (
	"strings"
	"testing"
	"time"
)

func TestEngineDefaultsAndOverrides(t *testing.T) {
	cfg, err := Load(nil, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	e := cfg.Engine
	if !e.API || !e.Worker || e.Workers != 4 || e.PollInterval != time.Second || e.LeaseDuration != 30*time.Second ||
		e.ExecutionTimeout != time.Hour || e.LoopLimit != 5 || e.WebhookTimeout != 10*time.Second ||
		e.SMTPURL != "" || len(e.WebhookAllowList) != 0 || e.WebhookSigningSecret != "" {
		t.Fatalf("defaults = %+v", e)
	}
	env := map[string]string{"WORKERS": "8", "LEASE_DURATION": "2s", "WEBHOOK_ALLOW_LIST": "127.0.0.1/32, 10.0.0.0/8"}
	cfg, err = Load([]string{"-roles", "worker", "-workers", "2"}, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	e = cfg.Engine
	if e.API || !e.Worker || e.Workers != 2 || e.LeaseDuration != 2*time.Second || len(e.WebhookAllowList) != 2 {
		t.Fatalf("overrides = %+v", e)
	}
}

func TestEngineSettingsRefuseBadValues(t *testing.T) {
	for _, args := range [][]string{
		{"-roles", "cron"},
		{"-roles", ","},
		{"-workers", "0"},
		{"-loop-limit", "x"},
		{"-poll-interval", "-1s"},
		{"-lease-duration", "10ms"},
		{"-webhook-allow-list", "10.0.0.0/99"},
	} {
		if _, err := Load(args, func(string) string { return "" }); err == nil {
			t.Errorf("Load(%v) accepted a bad value", args)
		}
	}
}

// TestLogFormat: logs are text in development and JSON in production unless LOG_FORMAT says
// otherwise; another word is refused.
func TestLogFormat(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{"JWT_SECRET": strings.Repeat("s", 32), "DATABASE_URL": "postgres://x@127.0.0.1/db"}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for _, tt := range []struct {
		getenv func(string) string
		json   bool
	}{
		{env(), false},
		{env("FLOWLINE_ENV", "production"), true},
		{env("LOG_FORMAT", "json"), true},
		{env("FLOWLINE_ENV", "production", "LOG_FORMAT", "text"), false},
	} {
		cfg, err := Load(nil, tt.getenv)
		if err != nil || cfg.LogJSON != tt.json {
			t.Errorf("LogJSON = %v (%v), want %v", cfg.LogJSON, err, tt.json)
		}
	}
	if _, err := Load(nil, env("LOG_FORMAT", "xml")); err == nil || !strings.Contains(err.Error(), "log-format must be text or json") {
		t.Errorf("LOG_FORMAT=xml: %v", err)
	}
}
