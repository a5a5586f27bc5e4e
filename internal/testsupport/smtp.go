package testsupport

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

// SMTPServer is a real SMTP server (emersion/go-smtp) on 127.0.0.1 that records the messages
// it accepts. It is the one SMTP peer of every test: the delivery package's sender tests and
// the engine's end-to-end e-mail tests.
type SMTPServer struct {
	// Addr is host:port to connect to.
	Addr string

	// Set by the options, before the server starts.
	username, password string // require AUTH PLAIN with these credentials when set
	tlsConfig          *tls.Config
	implicitTLS        bool
	rejectRcpt         *smtp.SMTPError // answer every RCPT with this error when set

	mu       sync.Mutex
	messages []SMTPMessage
}

// SMTPMessage is one accepted message and how it arrived.
type SMTPMessage struct {
	From  string
	Rcpts []string
	Data  string
	// TLS tells whether the message came over TLS (STARTTLS or implicit).
	TLS bool
	// User is who authenticated ("" without AUTH).
	User string
}

// SMTPOption configures StartSMTP.
type SMTPOption func(*SMTPServer)

// SMTPAuth requires AUTH PLAIN with these credentials before MAIL.
func SMTPAuth(user, pass string) SMTPOption {
	return func(s *SMTPServer) { s.username, s.password = user, pass }
}

// SMTPStartTLS advertises STARTTLS with a fresh self-signed certificate for 127.0.0.1.
func SMTPStartTLS(t testing.TB) SMTPOption {
	return func(s *SMTPServer) { s.tlsConfig = SelfSignedTLS(t) }
}

// SMTPImplicitTLS speaks TLS from the first byte (smtps), with a self-signed certificate.
func SMTPImplicitTLS(t testing.TB) SMTPOption {
	return func(s *SMTPServer) { s.tlsConfig, s.implicitTLS = SelfSignedTLS(t), true }
}

// SMTPRejectRcpt answers every RCPT TO with code and msg.
func SMTPRejectRcpt(code int, msg string) SMTPOption {
	return func(s *SMTPServer) { s.rejectRcpt = &smtp.SMTPError{Code: code, Message: msg} }
}

// StartSMTP starts an SMTP server on 127.0.0.1, stopped when the test ends.
func StartSMTP(t testing.TB, opts ...SMTPOption) *SMTPServer {
	t.Helper()
	s := &SMTPServer{}
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
	ln := Listen(t, "127.0.0.1:0")
	if s.implicitTLS {
		ln = tls.NewListener(ln, s.tlsConfig)
	}
	s.Addr = ln.Addr().String()
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

// Messages returns the messages accepted so far.
func (s *SMTPServer) Messages() []SMTPMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]SMTPMessage(nil), s.messages...)
}

// smtpSession records one transaction. It implements smtp.AuthSession.
type smtpSession struct {
	server *SMTPServer
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
	s.server.messages = append(s.server.messages, SMTPMessage{
		From: s.from, Rcpts: append([]string(nil), s.rcpts...), Data: string(b), TLS: isTLS, User: s.user,
	})
	return nil
}

func (s *smtpSession) Reset() { s.from, s.rcpts = "", nil }

func (s *smtpSession) Logout() error { return nil }

// SelfSignedTLS returns a server TLS configuration with a fresh self-signed certificate for
// 127.0.0.1.
func SelfSignedTLS(t testing.TB) *tls.Config {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "flowline test server"},
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
