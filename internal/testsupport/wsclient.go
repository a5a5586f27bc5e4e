package testsupport

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// WSClient speaks graphql-transport-ws (or, with Legacy, graphql-ws) to a test server: a
// small client of our own for Go tests; the TypeScript SDK's tests use the npm graphql-ws
// client.
type WSClient struct {
	t      testing.TB
	conn   *websocket.Conn
	legacy bool
	mu     sync.Mutex
	subs   map[string]chan WSMessage
	next   int
	// Closed receives the close error when the server ends the connection.
	Closed chan error
}

// WSMessage is one message of the protocol.
type WSMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// WSOptions configure DialWS.
type WSOptions struct {
	// Init is the connection_init payload (typically {"Authorization": "Bearer …"}).
	Init map[string]any
	// Header is sent with the upgrade request (Origin, Authorization).
	Header http.Header
	// Legacy speaks the older graphql-ws subprotocol.
	Legacy bool
}

// DialWS connects to the server's /query and completes connection_init. It returns the
// error of a refused upgrade or init instead of failing the test.
func DialWS(t testing.TB, baseURL string, opts WSOptions) (*WSClient, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	proto := "graphql-transport-ws"
	if opts.Legacy {
		proto = "graphql-ws"
	}
	conn, resp, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(baseURL, "http")+"/query", &websocket.DialOptions{
		Subprotocols: []string{proto}, HTTPHeader: opts.Header,
	})
	if resp != nil && resp.Body != nil {
		_ = resp.Body.Close()
	}
	if err != nil {
		return nil, err
	}
	conn.SetReadLimit(8 << 20)
	c := &WSClient{t: t, conn: conn, legacy: opts.Legacy, subs: map[string]chan WSMessage{}, Closed: make(chan error, 1)}
	t.Cleanup(func() { _ = conn.CloseNow() })
	if err := c.send(WSMessage{Type: "connection_init", Payload: mustJSON(opts.Init)}); err != nil {
		return nil, err
	}
	for {
		var m WSMessage
		if err := c.read(ctx, &m); err != nil {
			return nil, fmt.Errorf("connection_init: %w", err)
		}
		switch m.Type {
		case "connection_ack":
			go c.loop()
			return c, nil
		case "ka", "ping", "pong":
		default: // connection_error (legacy) and anything else
			return nil, fmt.Errorf("connection_init: %s %s", m.Type, m.Payload)
		}
	}
}

func mustJSON(v any) json.RawMessage {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func (c *WSClient) send(m WSMessage) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return c.conn.Write(ctx, websocket.MessageText, b)
}

func (c *WSClient) read(ctx context.Context, m *WSMessage) error {
	_, b, err := c.conn.Read(ctx)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, m)
}

// loop routes messages to their subscriptions and answers pings.
func (c *WSClient) loop() {
	for {
		var m WSMessage
		if err := c.read(context.Background(), &m); err != nil {
			c.mu.Lock()
			for id, ch := range c.subs {
				close(ch)
				delete(c.subs, id)
			}
			c.mu.Unlock()
			c.Closed <- err
			return
		}
		switch m.Type {
		case "ping":
			_ = c.send(WSMessage{Type: "pong"})
			continue
		case "ka", "pong":
			continue
		}
		c.mu.Lock()
		ch := c.subs[m.ID]
		if m.Type == "complete" && ch != nil {
			delete(c.subs, m.ID)
		}
		c.mu.Unlock()
		if ch == nil {
			continue
		}
		ch <- m
		if m.Type == "complete" {
			close(ch)
		}
	}
}

// Subscribe starts an operation; its next, error and complete messages arrive on the
// returned channel, which is closed after complete (or when the connection ends).
func (c *WSClient) Subscribe(query string, vars map[string]any) (id string, msgs <-chan WSMessage) {
	c.t.Helper()
	c.mu.Lock()
	c.next++
	id = fmt.Sprint(c.next)
	ch := make(chan WSMessage, 1024)
	c.subs[id] = ch
	c.mu.Unlock()
	typ := "subscribe"
	if c.legacy {
		typ = "start"
	}
	payload := mustJSON(map[string]any{"query": query, "variables": vars})
	if err := c.send(WSMessage{ID: id, Type: typ, Payload: payload}); err != nil {
		c.t.Fatalf("testsupport: subscribe: %v", err)
	}
	return id, ch
}

// Stop ends a subscription.
func (c *WSClient) Stop(id string) {
	typ := "complete"
	if c.legacy {
		typ = "stop"
	}
	_ = c.send(WSMessage{ID: id, Type: typ})
}

// Close closes the connection normally.
func (c *WSClient) Close() { _ = c.conn.Close(websocket.StatusNormalClosure, "") }

// Next waits for the next message of a subscription, failing the test after timeout.
func Next(t testing.TB, msgs <-chan WSMessage, timeout time.Duration) WSMessage {
	t.Helper()
	select {
	case m, ok := <-msgs:
		if !ok {
			t.Fatalf("subscription ended before its next message")
		}
		return m
	case <-time.After(timeout):
		t.Fatalf("no subscription message within %s", timeout)
	}
	return WSMessage{}
}
