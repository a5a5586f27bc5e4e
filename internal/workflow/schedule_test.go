package workflow_test

import (
	"testing"
	"time"

	_ "github.com/flowline/flowline/internal/action/registry"
	. "github.com/flowline/flowline/internal/workflow"
)

func TestParseSchedule(t *testing.T) {
	tests := []struct {
		name  string
		cfg   map[string]any
		after time.Time
		want  time.Time
	}{
		{name: "daily in Paris", cfg: map[string]any{"cron": "@daily", "timezone": "Europe/Paris"},
			after: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC), want: time.Date(2024, 3, 1, 23, 0, 0, 0, time.UTC)},
		{name: "weekly Monday 9:00 UTC by default", cfg: map[string]any{"cron": "0 9 * * 1"},
			after: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC), want: time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC)},
		{name: "empty timezone means UTC", cfg: map[string]any{"cron": "30 8 * * *", "timezone": ""},
			after: time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC), want: time.Date(2024, 3, 2, 8, 30, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSchedule(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Next(tt.after); !got.Equal(tt.want) {
				t.Fatalf("Next() = %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := ParseSchedule(map[string]any{"cron": "@every 1m"}); err == nil {
		t.Fatal("ParseSchedule accepted @every")
	}
	if _, err := ParseSchedule(map[string]any{"cron": "@daily", "timezone": "Local"}); err == nil {
		t.Fatal("ParseSchedule accepted the host's local zone")
	}
}
