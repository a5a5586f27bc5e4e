package delivery

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"math/big"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// smtpServer is an in-process SMTP server (emersion/go-smtp) on 127.0.0.1 that records the
// messages it accepts.
type smtpServer struct {
	addr string

	// Options set before start.
	username, password string // require AUTH PLAIN with these credentials when set
	tlsConfig          *tls.Config
	implicitTLS        bool
	rejectRcpt         *smtp.SMTPError // answer every RCPT with this error when set

	mu       sync.Mutex
	messages []receivedMessage
}

// receivedMessage is one accepted message and how it arrived.
type receivedMessage struct {
	From  string
	Rcpts []string
	Data  string
	TLS   bool
	User  string
}

type smtpOption func(*smtpServer)

func withAuth(user, pass string) smtpOption {
	return func(s *smtpServer) { s.username, s.password = user, pass }
}

func withSTARTTLS(t *testing.T) smtpOption {
	return func(s *smtpServer) { s.tlsConfig = selfSignedTLS(t) }
}

func withImplicitTLS(t *testing.T) smtpOption {
	return func(s *smtpServer) { s.tlsConfig, s.implicitTLS = selfSignedTLS(t), true }
}

func withRcptError(code int, msg string) smtpOption {
	return func(s *smtpServer) { s.rejectRcpt = &smtp.SMTPError{Code: code, Message: msg} }
}

func startSMTPServer(t *testing.T, opts ...smtpOption) *smtpServer {
	t.Helper()
	s := &smtpServer{}
	for _, o := range opts {
		o(s)
	}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &smtpSession{server: s, conn: c}, nil
	}))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true // credentials over plain TCP to 127.0.0.1 only
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	srv.MaxMessageBytes = 1 << 20
	if !s.implicitTLS {
		srv.TLSConfig = s.tlsConfig // advertises STARTTLS when set
	}

	var ln net.Listener
	var err error
	if s.implicitTLS {
		ln, err = tls.Listen("tcp", "127.0.0.1:0", s.tlsConfig)
	} else {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

func (s *smtpServer) received() []receivedMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]receivedMessage(nil), s.messages...)
}

// smtpSession records one transaction. It implements smtp.AuthSession.
type smtpSession struct {
	server *smtpServer
	conn   *smtp.Conn
	user   string
	from   string
	rcpts  []string
}

func (s *smtpSession) AuthMechanisms() []string {
	if s.server.username == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *smtpSession) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, username, password string) error {
		if username != s.server.username || password != s.server.password {
			return smtp.ErrAuthFailed
		}
		s.user = username
		return nil
	}), nil
}

func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	if s.server.username != "" && s.user == "" {
		return smtp.ErrAuthRequired
	}
	s.from = from
	return nil
}

func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if s.server.rejectRcpt != nil {
		return s.server.rejectRcpt
	}
	s.rcpts = append(s.rcpts, to)
	return nil
}

func (s *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, isTLS := s.conn.TLSConnectionState()
	s.server.mu.Lock()
	defer s.server.mu.Unlock()
	s.server.messages = append(s.server.messages, receivedMessage{
		From: s.from, Rcpts: append([]string(nil), s.rcpts...), Data: string(b), TLS: isTLS, User: s.user,
	})
	return nil
}

func (s *smtpSession) Reset() { s.from, s.rcpts = "", nil }

func (s *smtpSession) Logout() error { return nil }

// selfSignedTLS returns a server TLS configuration with a fresh self-signed certificate for
// 127.0.0.1.
func selfSignedTLS(t *testing.T) *tls.Config {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "flowline test SMTP"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return &tls.Config{
		Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}},
		MinVersion:   tls.VersionTLS12,
	}
}
