package engine_test

import (
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// smtpServer is an in-process SMTP server (emersion/go-smtp) on 127.0.0.1 that records the
// messages it accepts.
type smtpServer struct {
	addr     string
	mu       sync.Mutex
	messages []smtpMessage
}

// smtpMessage is one accepted message.
type smtpMessage struct {
	From  string
	Rcpts []string
	Data  string
}

func startSMTP(t *testing.T) *smtpServer {
	t.Helper()
	s := &smtpServer{}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &smtpSession{server: s}, nil
	}))
	srv.Domain = "localhost"
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

func (s *smtpServer) received() []smtpMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]smtpMessage(nil), s.messages...)
}

type smtpSession struct {
	server *smtpServer
	from   string
	rcpts  []string
}

func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error { s.from = from; return nil }

func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.rcpts = append(s.rcpts, to)
	return nil
}

func (s *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.server.mu.Lock()
	defer s.server.mu.Unlock()
	s.server.messages = append(s.server.messages, smtpMessage{From: s.from, Rcpts: append([]string(nil), s.rcpts...), Data: string(b)})
	return nil
}

func (s *smtpSession) Reset() { s.from, s.rcpts = "", nil }

func (s *smtpSession) Logout() error { return nil }
