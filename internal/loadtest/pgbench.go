package loadtest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

var tpsLine = regexp.MustCompile(`(?m)^tps = ([0-9.]+)`)

// pgbench runs a script from clients connections for the suite's duration and measures
// transactions per second and per-transaction latency (from pgbench's own log). Statements
// are prepared once per connection and then bound and run in one round trip each, as the
// server's statement cache does (internal/database): it is the floor of the SQL alone.
func (st *suite) pgbench(ctx context.Context, name, script string, defines []string, clients int) (Measurement, error) {
	secs := max(int(st.opts.Duration.Round(time.Second)/time.Second), 1)
	return st.pgbenchFor(ctx, name, script, defines, clients, "-T", strconv.Itoa(secs))
}

// pgbenchFor is pgbench with its own limit: "-T" and seconds, or "-t" and transactions per
// client.
func (st *suite) pgbenchFor(ctx context.Context, name, script string, defines []string, clients int, limit, value string) (Measurement, error) {
	scriptPath := filepath.Join(st.opts.Out, "pgbench-"+name+".sql")
	if err := os.WriteFile(scriptPath, []byte(script), 0o600); err != nil {
		return Measurement{}, fmt.Errorf("write the pgbench script: %w", err)
	}
	dir, err := os.MkdirTemp("", "flowline-pgbench-")
	if err != nil {
		return Measurement{}, fmt.Errorf("pgbench log directory: %w", err)
	}
	defer func() { _ = os.RemoveAll(dir) }()
	load := loadAverage()
	start := time.Now()
	args := []string{"-n", "-M", "prepared", "-f", scriptPath,
		"-c", strconv.Itoa(clients), "-j", strconv.Itoa(min(clients, 2)), limit, value,
		"-l", "--log-prefix", filepath.Join(dir, "log")}
	for _, d := range defines {
		args = append(args, "-D", d)
	}
	cmd := exec.CommandContext(ctx, st.pgbenchPath, append(args, st.libpqURL())...) //nolint:gosec // G204: the operator's pgbench
	cmd.Env = append(os.Environ(), "PGOPTIONS=-c search_path="+st.opts.Schema)
	cpu, err := st.startCPU(0)
	if err != nil {
		return Measurement{}, err
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return Measurement{}, fmt.Errorf("pgbench %s: %w: %s", name, err, strings.TrimSpace(string(out)))
	}
	m := tpsLine.FindSubmatch(out)
	if m == nil {
		return Measurement{}, fmt.Errorf("pgbench %s: no tps in its output: %s", name, out)
	}
	tps, _ := strconv.ParseFloat(string(m[1]), 64)
	lat, err := pgbenchLatencies(dir)
	if err != nil {
		return Measurement{}, err
	}
	if strings.Contains(string(out), "number of failed transactions: ") && !strings.Contains(string(out), "number of failed transactions: 0 ") {
		return Measurement{}, fmt.Errorf("pgbench %s: transactions failed: %s", name, out)
	}
	res := Measurement{System: "pgbench (the captured SQL)", Concurrency: clients, Rate: tps, Unit: "tx/s",
		Count: len(lat), Seconds: time.Since(start).Seconds(), Load: load}
	if len(lat) > 0 {
		res.P50, res.P99 = lat[int(0.50*float64(len(lat)-1))], lat[int(0.99*float64(len(lat)-1))]
		if err := cpu.stop(&res, len(lat), false); err != nil {
			return Measurement{}, err
		}
		if ps := cmd.ProcessState; ps != nil {
			res.ClientCPUPerOp = (ps.UserTime() + ps.SystemTime()) / time.Duration(len(lat))
		}
	}
	return res, nil
}

// pgbenchLatencies reads the per-transaction logs (the third field is the latency in µs),
// sorted.
func pgbenchLatencies(dir string) ([]time.Duration, error) {
	files, err := filepath.Glob(filepath.Join(dir, "log*"))
	if err != nil {
		return nil, fmt.Errorf("pgbench logs: %w", err)
	}
	var lat []time.Duration
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, fmt.Errorf("pgbench log: %w", err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) < 3 {
				continue
			}
			if us, err := strconv.ParseInt(fields[2], 10, 64); err == nil {
				lat = append(lat, time.Duration(us)*time.Microsecond)
			}
		}
		_ = fh.Close()
	}
	slices.Sort(lat)
	return lat, nil
}

// libpqURL is the database URL for libpq tools: lib/pq's own parameters removed.
func (st *suite) libpqURL() string {
	u := st.opts.DatabaseURL
	if i := strings.IndexByte(u, '?'); i >= 0 {
		kept := []string{}
		for _, kv := range strings.Split(u[i+1:], "&") {
			k, _, _ := strings.Cut(kv, "=")
			switch k {
			case "sslmode", "connect_timeout", "application_name", "user", "password", "host", "port", "dbname":
				kept = append(kept, kv)
			}
		}
		u = u[:i]
		if len(kept) > 0 {
			u += "?" + strings.Join(kept, "&")
		}
	}
	return u
}
