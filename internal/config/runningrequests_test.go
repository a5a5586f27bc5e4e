package config

import (
	"runtime"
	"strings"
	"testing"
)

// TestRunningRequests: auto is four per CPU, a number is taken as it is (0: no limit), and
// anything else is refused with the setting's name.
func TestRunningRequests(t *testing.T) {
	for v, want := range map[string]int{"": 4 * runtime.GOMAXPROCS(0), "auto": 4 * runtime.GOMAXPROCS(0), "0": 0, "32": 32} {
		cfg, err := Load(nil, func(k string) string {
			if k == "RUNNING_REQUESTS" {
				return v
			}
			return ""
		})
		if err != nil || cfg.RunningRequests != want {
			t.Errorf("RUNNING_REQUESTS=%q: %d, %v; want %d", v, cfg.RunningRequests, err, want)
		}
	}
	for _, v := range []string{"-1", "many", "100001"} {
		if _, err := Load([]string{"-running-requests", v}, func(string) string { return "" }); err == nil || !strings.Contains(err.Error(), "running-requests") {
			t.Errorf("-running-requests %s: %v, want an error naming the setting", v, err)
		}
	}
}
