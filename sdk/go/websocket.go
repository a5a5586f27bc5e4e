package flowline

import (
	"context"
	"encoding/binary"
	"errors"
	"net/http"
	"strings"

	"github.com/Khan/genqlient/graphql"
	"github.com/coder/websocket"
)

// NewWebSocketClient returns a client for the subscriptions (ExecutionUpdated,
// ExecutionLogAdded, WorkflowChanged) over WebSocket with the graphql-transport-ws protocol,
// authenticated with token in connection_init. endpoint is the same ".../query" URL as
// NewClient's (http is turned into ws). Call Start before subscribing and Close at the end.
//
//	ws := flowline.NewWebSocketClient("http://localhost:8080/query", token)
//	errs, err := ws.Start(ctx)
//	events, id, err := flowline.ExecutionUpdated(ctx, ws, &workflowID, nil, nil)
func NewWebSocketClient(endpoint, token string) graphql.WebSocketClient {
	endpoint = "ws" + strings.TrimPrefix(endpoint, "http")
	return graphql.NewClientUsingWebSocket(endpoint, dialer{},
		graphql.WithConnectionParams(map[string]any{"Authorization": "Bearer " + token}))
}

// dialer adapts github.com/coder/websocket to genqlient's gorilla-shaped Dialer.
type dialer struct{}

// DialContext implements graphql.Dialer.
func (dialer) DialContext(ctx context.Context, url string, header http.Header) (graphql.WSConn, error) {
	header = header.Clone()
	protocols := header.Values("Sec-WebSocket-Protocol")
	header.Del("Sec-WebSocket-Protocol")
	conn, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: header, Subprotocols: protocols})
	if resp != nil && resp.Body != nil {
		_ = resp.Body.Close()
	}
	if err != nil {
		return nil, err
	}
	conn.SetReadLimit(16 << 20)
	return &wsConn{c: conn}, nil
}

// wsConn adapts a coder/websocket connection to genqlient's WSConn.
type wsConn struct{ c *websocket.Conn }

// The RFC 6455 message types genqlient uses.
const (
	textMessage  = 1
	closeMessage = 8
)

func (w *wsConn) WriteMessage(messageType int, data []byte) error {
	if messageType == closeMessage {
		code, reason := websocket.StatusNormalClosure, ""
		if len(data) >= 2 {
			code, reason = websocket.StatusCode(binary.BigEndian.Uint16(data)), string(data[2:])
		}
		return w.c.Close(code, reason)
	}
	return w.c.Write(context.Background(), websocket.MessageText, data)
}

func (w *wsConn) ReadMessage() (int, []byte, error) {
	typ, data, err := w.c.Read(context.Background())
	if err != nil {
		var ce websocket.CloseError
		if errors.As(err, &ce) {
			return closeMessage, nil, err
		}
		return 0, nil, err
	}
	if typ == websocket.MessageText {
		return textMessage, data, nil
	}
	return int(typ), data, nil
}

func (w *wsConn) Close() error { return w.c.CloseNow() }
