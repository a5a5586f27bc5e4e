package loadtest

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"time"
)

// pgProxy sits between a server and PostgreSQL and reads the frontend half of the wire
// protocol, so the suite can say exactly which statements the server sends and how many
// round trips they take, without pg_stat_statements (which needs a server restart to
// preload) or the server log (which other sessions share). It is only in the path while
// the suite captures; the timed runs connect to PostgreSQL directly.
type pgProxy struct {
	ln     net.Listener
	target string

	mu    sync.Mutex
	stmts []captured // every statement executed, in order
	syncs []time.Time
	conns []net.Conn
}

// captured is one executed statement: its text with $n placeholders and the values bound
// to them.
type captured struct {
	At     time.Time
	SQL    string
	Params []param
}

// param is one bound value as it went over the wire.
type param struct {
	Null   bool
	Binary bool
	Value  []byte
}

func startProxy(target string) (*pgProxy, error) {
	ln, err := new(net.ListenConfig).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen for the SQL capture proxy: %w", err)
	}
	p := &pgProxy{ln: ln, target: target}
	go p.accept()
	return p, nil
}

// Addr is host:port to put in the server's DATABASE_URL instead of PostgreSQL's.
func (p *pgProxy) Addr() string { return p.ln.Addr().String() }

// Close stops accepting and cuts the connections it carries.
func (p *pgProxy) Close() {
	_ = p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		_ = c.Close()
	}
}

// Between returns the statements executed and the round trips (Sync or simple Query
// messages) made in [from, to].
func (p *pgProxy) Between(from, to time.Time) (stmts []captured, roundTrips int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.stmts {
		if !s.At.Before(from) && !s.At.After(to) {
			stmts = append(stmts, s)
		}
	}
	for _, at := range p.syncs {
		if !at.Before(from) && !at.After(to) {
			roundTrips++
		}
	}
	return stmts, roundTrips
}

func (p *pgProxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.serve(c)
	}
}

func (p *pgProxy) serve(client net.Conn) {
	server, err := new(net.Dialer).DialContext(context.Background(), "tcp", p.target)
	if err != nil {
		_ = client.Close()
		return
	}
	p.mu.Lock()
	p.conns = append(p.conns, client, server)
	p.mu.Unlock()
	defer func() { _ = client.Close(); _ = server.Close() }()
	go func() { _, _ = io.Copy(client, server); _ = client.Close() }()
	_ = p.frontend(bufio.NewReaderSize(client, 64<<10), server)
}

// Protocol codes of the untyped first messages.
const (
	sslRequest    = 80877103
	gssEncRequest = 80877104
	cancelRequest = 80877102
)

// frontend copies the client's messages to PostgreSQL and notes what they execute.
func (p *pgProxy) frontend(r *bufio.Reader, w io.Writer) error {
	for { // the startup phase: untyped messages until the StartupMessage itself
		msg, err := readUntyped(r)
		if err != nil {
			return err
		}
		if _, err := w.Write(msg); err != nil {
			return err
		}
		code := binary.BigEndian.Uint32(msg[4:8])
		if code == cancelRequest {
			return nil
		}
		if code != sslRequest && code != gssEncRequest {
			break // sslmode=disable: PostgreSQL answered N, the StartupMessage follows
		}
	}
	prepared := map[string]string{}
	type portal struct {
		sql    string
		params []param
	}
	portals := map[string]portal{}
	var hdr [5]byte
	for {
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			return err
		}
		n := int(binary.BigEndian.Uint32(hdr[1:])) - 4
		if n < 0 || n > 1<<30 {
			return errors.New("bad message length")
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return err
		}
		if _, err := w.Write(append(hdr[:], body...)); err != nil {
			return err
		}
		now := time.Now()
		switch hdr[0] {
		case 'P': // Parse: name, query, parameter types
			name, rest := cstring(body)
			query, _ := cstring(rest)
			prepared[name] = query
		case 'B': // Bind: portal, statement, formats, values
			name, rest := cstring(body)
			stmt, rest := cstring(rest)
			params, _ := parseBind(rest)
			portals[name] = portal{sql: prepared[stmt], params: params}
		case 'E':
			name, _ := cstring(body)
			pt := portals[name]
			p.note(captured{At: now, SQL: pt.sql, Params: pt.params}, false)
		case 'Q':
			query, _ := cstring(body)
			p.note(captured{At: now, SQL: query}, true)
		case 'S':
			p.mu.Lock()
			p.syncs = append(p.syncs, now)
			p.mu.Unlock()
		case 'X':
			return nil
		}
	}
}

func (p *pgProxy) note(c captured, roundTrip bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stmts = append(p.stmts, c)
	if roundTrip {
		p.syncs = append(p.syncs, c.At)
	}
}

func readUntyped(r *bufio.Reader) ([]byte, error) {
	var l [4]byte
	if _, err := io.ReadFull(r, l[:]); err != nil {
		return nil, err
	}
	n := int(binary.BigEndian.Uint32(l[:]))
	if n < 8 || n > 1<<20 {
		return nil, errors.New("bad startup message length")
	}
	msg := make([]byte, n)
	copy(msg, l[:])
	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}
	return msg, nil
}

func cstring(b []byte) (string, []byte) {
	for i, c := range b {
		if c == 0 {
			return string(b[:i]), b[i+1:]
		}
	}
	return string(b), nil
}

// parseBind reads a Bind message after its two names: the parameter formats and values.
func parseBind(b []byte) ([]param, error) {
	short := errors.New("short Bind message")
	u16 := func() (int, bool) {
		if len(b) < 2 {
			return 0, false
		}
		v := int(binary.BigEndian.Uint16(b))
		b = b[2:]
		return v, true
	}
	nf, ok := u16()
	if !ok {
		return nil, short
	}
	formats := make([]int, nf)
	for i := range formats {
		if formats[i], ok = u16(); !ok {
			return nil, short
		}
	}
	np, ok := u16()
	if !ok {
		return nil, short
	}
	params := make([]param, np)
	for i := range params {
		if len(b) < 4 {
			return nil, short
		}
		raw := binary.BigEndian.Uint32(b)
		b = b[4:]
		switch {
		case nf == 1:
			params[i].Binary = formats[0] == 1
		case nf > i:
			params[i].Binary = formats[i] == 1
		}
		if raw == 0xFFFFFFFF { // -1: NULL
			params[i].Null = true
			continue
		}
		l := int(raw)
		if len(b) < l {
			return nil, short
		}
		params[i].Value = append([]byte(nil), b[:l]...)
		b = b[l:]
	}
	return params, nil
}
