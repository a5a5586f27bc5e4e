package loadtest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// server is one Flowline process the suite started.
type server struct {
	cmd     *exec.Cmd
	name    string
	addr    string // the API address (api role) or the metrics address (worker only)
	path    string // the GraphQL endpoint's path when it is not Flowline's /query (a peer)
	logPath string
	done    chan struct{} // closed when the process has exited
	exit    error
}

// PID is the process id, for its CPU time and RSS.
func (s *server) PID() int { return s.cmd.Process.Pid }

// URL is the GraphQL endpoint of an API process.
func (s *server) URL() string {
	if s.path != "" {
		return "http://" + s.addr + s.path
	}
	return "http://" + s.addr + "/query"
}

// command runs the Flowline binary (a subcommand such as migrate or user) to its end and
// returns its standard output.
func (st *suite) command(ctx context.Context, dbURL string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, st.opts.Command[0], append(append([]string{}, st.opts.Command[1:]...), args...)...) //nolint:gosec // G204: the binary under test
	cmd.Env = st.env(dbURL, nil)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("flowline %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(errOut.String()))
	}
	return out.String(), nil
}

// env is the environment of a server process: the suite's own minus Flowline's settings,
// then production mode, no rate limit, no retention (the seeded history is old), JSON logs.
func (st *suite) env(dbURL string, extra []string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "DATABASE_URL", "ADDR", "ROLES", "FLOWLINE_ENV", "JWT_SECRET", "RATE_LIMIT", "RETENTION_DAYS",
			"LOG_FORMAT", "LOG_LEVEL", "METRICS_ADDR", "PPROF_ADDR", "WORKERS", "POLL_INTERVAL":
			continue
		}
		env = append(env, kv)
	}
	env = append(env, st.opts.Env...)
	return append(env, append([]string{"DATABASE_URL=" + dbURL, "FLOWLINE_ENV=production",
		"JWT_SECRET=" + st.jwtSecret, "RATE_LIMIT=0", "RETENTION_DAYS=0", "LOG_FORMAT=json"}, extra...)...)
}

// start runs a server with the given roles against dbURL and waits until it is ready: the
// API answers /readyz, a worker-only process its metrics address.
func (st *suite) start(ctx context.Context, name, roles, dbURL string) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	extra := []string{"ROLES=" + roles}
	if st.opts.EngineWorkers > 0 {
		// Passed, not left to the server's default: the engine floor runs pgbench with
		// EngineWorkers clients, and the comparison holds only at the same concurrency.
		extra = append(extra, "WORKERS="+strconv.Itoa(st.opts.EngineWorkers))
	}
	probe := "http://" + addr + "/readyz"
	if roles == "worker" {
		extra = append(extra, "METRICS_ADDR="+addr)
		probe = "http://" + addr + "/metrics"
	} else {
		extra = append(extra, "ADDR="+addr)
	}
	logPath := filepath.Join(st.opts.Out, "server-"+name+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, fmt.Errorf("create the server log: %w", err)
	}
	cmd := exec.Command(st.opts.Command[0], append(append([]string{}, st.opts.Command[1:]...), "serve")...) //nolint:gosec,noctx // G204: the binary under test; stopped by stop(), not by a context
	cmd.Env = st.env(dbURL, extra)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		_ = logFile.Close()
		return nil, fmt.Errorf("start the %s server: %w", name, err)
	}
	s := &server{cmd: cmd, name: name, addr: addr, logPath: logPath, done: make(chan struct{})}
	go func() { s.exit = cmd.Wait(); _ = logFile.Close(); close(s.done) }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, probe, nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		select {
		case <-s.done:
			return nil, fmt.Errorf("the %s server exited while starting (%w); see %s", name, s.exit, logPath)
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("the %s server was not ready within a minute; see %s", name, logPath)
		}
	}
}

// stop ends the process gracefully (SIGTERM), or kills it after 20 s. Stopping a stopped
// server does nothing.
func (s *server) stop() {
	if s == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// errorLines counts the log lines the server wrote at ERROR level.
func (s *server) errorLines() int {
	raw, err := os.ReadFile(s.logPath)
	if err != nil {
		return -1
	}
	return bytes.Count(raw, []byte(`"level":"ERROR"`))
}

func freeAddr() (string, error) {
	ln, err := new(net.ListenConfig).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("find a free port: %w", err)
	}
	defer func() { _ = ln.Close() }()
	return ln.Addr().String(), nil
}
