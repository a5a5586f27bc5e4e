package loadtest

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Report is what a suite run measured.
type Report struct {
	Started, Finished    time.Time
	Machine              string
	Dataset              Dataset
	Duration             time.Duration
	Rows                 []TableRows
	SeedSeconds          float64
	StatementsPerRequest float64 // of the dashboard read, counted at the wire
	RoundTripsPerRequest float64
	EngineStatements     int // of one execution of the three-step workflow, trigger included
	EngineRoundTrips     int
	ServerErrors         int  // ERROR lines in the servers' logs
	DatabaseCPU          bool // PostgreSQL runs on this machine: its CPU time per operation is measured
	Measurements         []Measurement
	Notes                []string // about the peers: what answered, what was left out and why
}

// TableRows is a seeded table's size.
type TableRows struct {
	Table string
	Rows  int64
}

// Measurement is one timed run.
type Measurement struct {
	Round         int
	Phase         string
	System        string
	Concurrency   int
	Rate          float64 // per second, in Unit
	Unit          string
	Count         int // requests, transactions or executions
	Seconds       float64
	P50, P99      time.Duration
	SQLPerRequest float64
	CPUPerOp      time.Duration // server CPU time per request or execution
	// DBCPUPerOp is PostgreSQL's CPU time per request or execution (all its processes, when
	// it runs on this machine); ClientCPUPerOp the load client's (the suite's own HTTP
	// clients, or pgbench). With CPUPerOp they are what one operation cost the machine.
	DBCPUPerOp, ClientCPUPerOp time.Duration
	PeakRSS                    int64
	Load                       string // /proc/loadavg when the run started
}

func newReport(o SuiteOptions) *Report {
	return &Report{Started: time.Now().UTC(), Machine: machine(), Dataset: o.Dataset, Duration: o.Duration}
}

func (r *Report) add(m Measurement) { r.Measurements = append(r.Measurements, m) }

// Find returns the first measurement of a phase and system at a concurrency.
func (r *Report) Find(phasePrefix, systemPrefix string, concurrency int) (Measurement, bool) {
	for _, m := range r.Measurements {
		if strings.HasPrefix(m.Phase, phasePrefix) && strings.HasPrefix(m.System, systemPrefix) &&
			(concurrency == 0 || m.Concurrency == concurrency) {
			return m, true
		}
	}
	return Measurement{}, false
}

// machine says what the figures were measured on: CPUs, model, memory.
func machine() string {
	model, mem := "?", "?"
	if raw, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(raw)) {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	if raw, err := os.ReadFile("/proc/meminfo"); err == nil {
		for line := range strings.Lines(string(raw)) {
			if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				if kb, err := strconv.ParseInt(strings.Fields(rest)[0], 10, 64); err == nil {
					mem = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
				}
			}
		}
	}
	return fmt.Sprintf("%d CPUs (%s), %s RAM, %s/%s", runtime.NumCPU(), model, mem, runtime.GOOS, runtime.GOARCH)
}

func ms(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 2, 64)
}

func num(f float64, prec int) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'f', prec, 64)
}

var csvHeader = []string{"round", "phase", "system", "concurrency", "rate", "unit", "count", "seconds",
	"p50_ms", "p99_ms", "sql_per_request", "cpu_ms_per_op", "peak_rss_mib", "load_avg", "db_cpu_ms_per_op", "client_cpu_ms_per_op"}

func (m Measurement) fields() []string {
	rss := ""
	if m.PeakRSS > 0 {
		rss = strconv.FormatFloat(float64(m.PeakRSS)/(1<<20), 'f', 1, 64)
	}
	return []string{strconv.Itoa(m.Round), m.Phase, m.System, strconv.Itoa(m.Concurrency), num(m.Rate, 1), m.Unit,
		strconv.Itoa(m.Count), num(m.Seconds, 1), ms(m.P50), ms(m.P99), num(m.SQLPerRequest, 1), ms(m.CPUPerOp), rss, m.Load,
		ms(m.DBCPUPerOp), ms(m.ClientCPUPerOp)}
}

// write saves results.csv and results.md in dir.
func (r *Report) write(dir string) error {
	f, err := os.Create(filepath.Join(dir, "results.csv"))
	if err != nil {
		return fmt.Errorf("write the CSV: %w", err)
	}
	w := csv.NewWriter(f)
	_ = w.Write(csvHeader)
	for _, m := range r.Measurements {
		_ = w.Write(m.fields())
	}
	w.Flush()
	if err := w.Error(); err != nil {
		_ = f.Close()
		return fmt.Errorf("write the CSV: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write the CSV: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "results.md"), []byte(r.Markdown()), 0o600); err != nil {
		return fmt.Errorf("write the report: %w", err)
	}
	return nil
}

// Markdown is the report as a markdown document: context, the table, the ratios.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Run %s to %s (UTC), %s per timed run, on %s.\n\n", r.Started.Format("2006-01-02 15:04"),
		r.Finished.Format("15:04"), r.Duration, r.Machine)
	b.WriteString("Seeded rows: ")
	for i, t := range r.Rows {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", t.Table, t.Rows)
	}
	fmt.Fprintf(&b, " (seeded in %.1f s).\n\n", r.SeedSeconds)
	fmt.Fprintf(&b, "SQL per dashboard read, counted at the wire: %.1f statements in %.1f round trips. "+
		"One execution of the three-step workflow, trigger included: %d statements in %d round trips. "+
		"ERROR lines in the servers' logs: %d.\n\n", r.StatementsPerRequest, r.RoundTripsPerRequest,
		r.EngineStatements, r.EngineRoundTrips, r.ServerErrors)
	if r.DatabaseCPU {
		b.WriteString("CPU time per operation, by process: the server under test (Flowline, a peer), PostgreSQL (all its processes), " +
			"the load client (the suite's HTTP clients, or pgbench).\n\n")
	}
	b.WriteString("| round | phase | system | c | rate | p50 ms | p99 ms | SQL/request | server CPU ms/op | database CPU ms/op | client CPU ms/op | peak RSS MiB | load avg |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, m := range r.Measurements {
		f := m.fields()
		rate := ""
		if f[4] != "" {
			rate = f[4] + " " + f[5]
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			f[0], f[1], f[2], f[3], rate, f[8], f[9], f[10], f[11], f[14], f[15], f[12], f[13])
	}
	if len(r.Notes) > 0 {
		b.WriteString("\nPeers:\n\n")
		for _, n := range r.Notes {
			b.WriteString("- " + n + "\n")
		}
	}
	if ratios := r.Ratios(); len(ratios) > 0 {
		b.WriteString("\nRatios:\n\n")
		for _, l := range ratios {
			b.WriteString("- " + l + "\n")
		}
	}
	return b.String()
}

// Ratios compares each Flowline figure with its floor and with each peer in the same round.
func (r *Report) Ratios() []string {
	var out []string
	for _, m := range r.Measurements {
		if m.System != "Flowline" || m.Rate == 0 {
			continue
		}
		for _, p := range r.Measurements {
			if p.Round == m.Round && p.Phase == m.Phase && p.Concurrency == m.Concurrency && strings.HasPrefix(p.System, "pgbench") && p.Rate > 0 {
				line := fmt.Sprintf("%s, c=%d, round %d: Flowline %.1f %s = %.0f%% of %s: %.1f",
					m.Phase, m.Concurrency, m.Round, m.Rate, m.Unit, 100*m.Rate/p.Rate, p.System, p.Rate)
				if m.DBCPUPerOp > 0 && p.DBCPUPerOp > 0 {
					line += fmt.Sprintf("; CPU per operation, Flowline %s against pgbench's %s", m.cpuBudget(), p.cpuBudget())
				}
				out = append(out, line)
			}
		}
	}
	for _, m := range r.Measurements {
		if m.System != "Flowline" || m.Rate == 0 {
			continue
		}
		for _, p := range r.Measurements {
			if p.Round == m.Round && p.Phase == m.Phase && p.Concurrency == m.Concurrency && strings.HasPrefix(p.System, "PostGraphile") && p.Rate > 0 && p.P99 > 0 {
				out = append(out, fmt.Sprintf("%s, c=%d, round %d: Flowline ÷ %s = %.2f × the rate (%.1f ÷ %.1f req/s), %.2f × the p99 (%s ÷ %s ms)",
					m.Phase, m.Concurrency, m.Round, p.System, m.Rate/p.Rate, m.Rate, p.Rate, float64(m.P99)/float64(p.P99), ms(m.P99), ms(p.P99)))
			}
		}
	}
	var pages []Measurement
	for _, m := range r.Measurements {
		if strings.HasPrefix(m.Phase, "page ") {
			pages = append(pages, m)
		}
	}
	if len(pages) == 2 && pages[0].P50 > 0 {
		out = append(out, fmt.Sprintf("%s against %s: p50 × %.2f, rate × %.2f", pages[1].Phase, pages[0].Phase,
			float64(pages[1].P50)/float64(pages[0].P50), pages[1].Rate/pages[0].Rate))
	}
	return append(out, r.claimRatios()...)
}

// cpuBudget is what one operation cost the machine's CPUs, by process, in milliseconds.
func (m Measurement) cpuBudget() string {
	var parts []string
	for _, p := range []struct {
		who string
		d   time.Duration
	}{{"server", m.CPUPerOp}, {"database", m.DBCPUPerOp}, {"client", m.ClientCPUPerOp}} {
		if p.d > 0 {
			parts = append(parts, p.who+" "+ms(p.d))
		}
	}
	return fmt.Sprintf("%s ms (%s)", ms(m.CPUPerOp+m.DBCPUPerOp+m.ClientCPUPerOp), strings.Join(parts, " + "))
}

// claimRatios compares the claim's median rate and p50 with each backlog against the first
// backlog's, and says how far the first backlog's own rounds are from their median: a ratio
// inside that spread is no difference this instrument can see.
func (r *Report) claimRatios() []string {
	var phases []string
	byPhase := map[string][]Measurement{}
	for _, m := range r.Measurements {
		if strings.HasPrefix(m.Phase, "claim, ") && m.Rate > 0 && m.P50 > 0 {
			if byPhase[m.Phase] == nil {
				phases = append(phases, m.Phase)
			}
			byPhase[m.Phase] = append(byPhase[m.Phase], m)
		}
	}
	if len(phases) < 2 {
		return nil
	}
	base := byPhase[phases[0]]
	baseRate, baseP50 := medianOf(base, func(m Measurement) float64 { return m.Rate }), medianOf(base, func(m Measurement) float64 { return float64(m.P50) })
	spread := ""
	if len(base) > 1 {
		lo, hi := base[0].Rate, base[0].Rate
		for _, m := range base {
			lo, hi = min(lo, m.Rate), max(hi, m.Rate)
		}
		spread = fmt.Sprintf(" (medians of %d rounds; the rounds against %s: rate × %.2f to %.2f of their median)",
			len(base), strings.TrimPrefix(phases[0], "claim, "), lo/baseRate, hi/baseRate)
	}
	var out []string
	for _, phase := range phases[1:] {
		runs := byPhase[phase]
		out = append(out, fmt.Sprintf("%s against %s: rate × %.2f, p50 × %.2f%s", phase, phases[0],
			medianOf(runs, func(m Measurement) float64 { return m.Rate })/baseRate,
			medianOf(runs, func(m Measurement) float64 { return float64(m.P50) })/baseP50, spread))
	}
	return out
}

// medianOf is the median of f over ms (the mean of the middle two for an even count).
func medianOf(ms []Measurement, f func(Measurement) float64) float64 {
	v := make([]float64, len(ms))
	for i, m := range ms {
		v[i] = f(m)
	}
	slices.Sort(v)
	if n := len(v); n%2 == 0 {
		return (v[n/2-1] + v[n/2]) / 2
	}
	return v[len(v)/2]
}
