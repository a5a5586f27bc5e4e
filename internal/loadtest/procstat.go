package loadtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat's CPU times: 100 on every Linux
// architecture Go supports (reading sysconf would need cgo).
const clockTicks = 100

// cpuSeconds is the user plus system CPU time a process has used so far.
func cpuSeconds(pid int) (float64, error) {
	f, err := procStat(pid)
	if err != nil {
		return 0, fmt.Errorf("read process CPU time: %w", err)
	}
	return f.utime + f.stime, nil
}

// statFields are the fields of /proc/<pid>/stat the suite reads, CPU times in seconds.
type statFields struct {
	ppid                         int
	utime, stime, cutime, cstime float64
}

func procStat(pid int) (statFields, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return statFields{}, err
	}
	// The command name (field 2) may hold spaces; the fields after its ')' are fixed: the
	// first of them is field 3.
	s := string(raw)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 15 {
		return statFields{}, fmt.Errorf("short /proc/%d/stat", pid)
	}
	var out statFields
	var errs [5]error
	out.ppid, errs[0] = strconv.Atoi(f[1]) // field 4
	for i, t := range []*float64{&out.utime, &out.stime, &out.cutime, &out.cstime} {
		var ticks float64
		ticks, errs[i+1] = strconv.ParseFloat(f[11+i], 64) // fields 14 to 17
		*t = ticks / clockTicks
	}
	if err := errors.Join(errs[:]...); err != nil {
		return statFields{}, fmt.Errorf("bad /proc/%d/stat: %w", pid, err)
	}
	return out, nil
}

// database is a PostgreSQL server on this machine, measured through /proc: the CPU time of
// its postmaster's children (backends, the WAL writer, the checkpointer, ...), the exited
// ones included (the postmaster reaps them, which adds their times to its own children's).
// The zero value is a database elsewhere, whose CPU time is not measured.
type database struct{ postmaster int }

// localDatabase finds the postmaster of db's server: the parent of the backend serving one
// of db's connections, when that process is visible on this machine and its CPU time can be
// read.
func localDatabase(ctx context.Context, db *sql.DB) database {
	var backend int
	if err := db.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&backend); err != nil {
		return database{}
	}
	f, err := procStat(backend)
	if err != nil || f.ppid <= 1 {
		return database{} // another machine or container: this pid is not the backend
	}
	if raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", backend)); err != nil || !strings.HasPrefix(string(raw), "postgres") {
		return database{}
	}
	d := database{postmaster: f.ppid}
	if _, ok := d.cpuSeconds(); !ok {
		return database{} // e.g. no /proc/<pid>/task/<pid>/children in this kernel
	}
	return d
}

// cpuSeconds is the CPU time the server's processes used so far; ok is false when it cannot
// be measured.
func (d database) cpuSeconds() (secs float64, ok bool) {
	if d.postmaster == 0 {
		return 0, false
	}
	// /proc gives no consistent snapshot: a child that exits after the postmaster's times
	// are read and before its own are is missing from this reading (and in the next one).
	// The suite's connections live through a timed run, so only pgbench's backends end
	// near its edges, after their work.
	pm, err := procStat(d.postmaster)
	if err != nil {
		return 0, false
	}
	secs = pm.cutime + pm.cstime
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", d.postmaster, d.postmaster))
	if err != nil {
		return 0, false
	}
	for _, c := range strings.Fields(string(raw)) {
		pid, _ := strconv.Atoi(c)
		if f, err := procStat(pid); err == nil {
			secs += f.utime + f.stime
		}
	}
	return secs, true
}

// cpuMeter measures the CPU time the parts of one timed run spent: the server under test
// (pid 0: none), the database, and the client sending the load (this process, or pgbench
// whose time is added after it exits).
type cpuMeter struct {
	db                 database
	server             int
	server0, db0, self float64
	dbOK               bool
}

func (st *suite) startCPU(server int) (cpuMeter, error) {
	m := cpuMeter{db: st.database, server: server}
	if server != 0 {
		var err error
		if m.server0, err = cpuSeconds(server); err != nil {
			return m, err
		}
	}
	m.db0, m.dbOK = m.db.cpuSeconds()
	m.self, _ = cpuSeconds(os.Getpid())
	return m, nil
}

// stop fills in m's CPU per operation: the server's, the database's and this process's (the
// load client's, when it is the client).
func (c cpuMeter) stop(m *Measurement, ops int, selfIsClient bool) error {
	if ops <= 0 {
		return nil
	}
	per := func(secs float64) time.Duration { return time.Duration(secs / float64(ops) * float64(time.Second)) }
	if c.server != 0 {
		s, err := cpuSeconds(c.server)
		if err != nil {
			return err
		}
		m.CPUPerOp = per(s - c.server0)
	}
	if d, ok := c.db.cpuSeconds(); ok && c.dbOK {
		m.DBCPUPerOp = per(d - c.db0)
	}
	if selfIsClient {
		if s, err := cpuSeconds(os.Getpid()); err == nil {
			m.ClientCPUPerOp = per(s - c.self)
		}
	}
	return nil
}

// peakRSS is the process's resident set high-water mark (VmHWM) in bytes.
func peakRSS(pid int) (int64, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read peak RSS: %w", err)
	}
	for line := range strings.Lines(string(raw)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			kb, err := strconv.ParseInt(f[0], 10, 64)
			if err != nil {
				return 0, fmt.Errorf("read peak RSS: %w", err)
			}
			return kb * 1024, nil
		}
	}
	return 0, fmt.Errorf("read peak RSS: no VmHWM in /proc/%d/status", pid)
}

// resetPeakRSS starts a new high-water mark, so each run reports its own peak (Linux ≥ 4.0;
// where it is refused, the peak is the process's since its start).
func resetPeakRSS(pid int) {
	_ = os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0)
}

// loadAverage is /proc/loadavg's first three fields.
func loadAverage() string {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(raw))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}
