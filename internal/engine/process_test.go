package engine_test

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	binaryOnce sync.Once
	binaryDir  string
	binaryPath string
	binaryErr  error
)

// TestMain removes the flowline binary that process tests build.
func TestMain(m *testing.M) {
	code := m.Run()
	if binaryDir != "" {
		_ = os.RemoveAll(binaryDir)
	}
	os.Exit(code)
}

// flowlineBinary builds the real server binary once per test run and returns its path.
func flowlineBinary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		// Not t.TempDir: the binary is built once and shared by every process test through
		// binaryOnce, so it must outlive the test that happens to build it; TestMain removes it.
		binaryDir, binaryErr = os.MkdirTemp("", "flowline-bin-") //nolint:usetesting // shared across tests via sync.Once, removed in TestMain
		if binaryErr != nil {
			return
		}
		binaryPath = filepath.Join(binaryDir, "flowline")
		cmd := exec.Command("go", "build", "-o", binaryPath, ".")
		cmd.Dir = "../.." // the module root
		if out, err := cmd.CombinedOutput(); err != nil {
			binaryErr = &buildError{err: err, out: string(out)}
		}
	})
	if binaryErr != nil {
		t.Fatalf("build flowline: %v", binaryErr)
	}
	return binaryPath
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// workerProcess is a `flowline -roles worker` process against a test database.
type workerProcess struct {
	cmd     *exec.Cmd
	mu      sync.Mutex
	out     bytes.Buffer
	started chan struct{}
	exited  chan struct{}
	err     error // Wait's result, once exited is closed
}

// startWorkerProcess starts the real binary as a worker-only process (4 workers, short
// lease and poll interval, loopback webhooks allowed) on the database at dbURL; env (KEY=value)
// overrides those settings.
func startWorkerProcess(t *testing.T, bin, dbURL string, env ...string) *workerProcess {
	t.Helper()
	p := &workerProcess{started: make(chan struct{}), exited: make(chan struct{})}
	p.cmd = exec.Command(bin, "-roles", "worker")
	p.cmd.Env = append(append(os.Environ(),
		"DATABASE_URL="+dbURL,
		"WORKERS=4",
		"POLL_INTERVAL=100ms",
		"LEASE_DURATION=2s",
		"SHUTDOWN_TIMEOUT=5s",
		"WEBHOOK_ALLOW_LIST=127.0.0.1/32",
		"WEBHOOK_SIGNING_SECRET=process-test",
		"SMTP_URL=",
		"LOG_LEVEL=info",
		"LOG_FORMAT=json",
	), env...) // later settings win
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start worker process: %v", err)
	}
	go p.readLog(stderr)
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			t.Logf("worker process %d log:\n%s", p.cmd.Process.Pid, p.log())
		}
	})
	select {
	case <-p.started:
	case <-p.exited:
		t.Fatalf("worker process exited before starting: %v\n%s", p.err, p.log())
	case <-time.After(waitTimeout):
		t.Fatalf("worker process did not start:\n%s", p.log())
	}
	return p
}

// readLog keeps the process's log and notices when its engine has started.
func (p *workerProcess) readLog(r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		p.mu.Lock()
		p.out.WriteString(line + "\n")
		p.mu.Unlock()
		if strings.Contains(line, `"msg":"engine started"`) {
			select {
			case <-p.started:
			default:
				close(p.started)
			}
		}
	}
	p.err = p.cmd.Wait()
	close(p.exited)
}

func (p *workerProcess) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// kill ends the process with SIGKILL: no cleanup, no lease released.
func (p *workerProcess) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill worker: %v", err)
	}
	<-p.exited
}

// stop asks the process to shut down (SIGTERM) and requires a clean exit.
func (p *workerProcess) stop(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("stop worker: %v", err)
	}
	select {
	case <-p.exited:
	case <-time.After(waitTimeout):
		t.Fatalf("worker did not stop after SIGTERM:\n%s", p.log())
	}
	if p.err != nil {
		t.Fatalf("worker exited with %v:\n%s", p.err, p.log())
	}
}
