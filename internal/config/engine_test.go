package config

import (
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
