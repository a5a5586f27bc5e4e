package delivery

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"

	gomail "github.com/wneessen/go-mail"
)

// SMTPSender delivers Messages over SMTP with go-mail. It is safe for concurrent use: each
// Send opens its own connection.
type SMTPSender struct {
	cfg smtpConfig
}

// NewSMTPSender configures a sender from an SMTP URL:
//
//	smtp://user:pass@host:port   plain connection upgraded with STARTTLS when offered (port 25 by default)
//	smtps://user:pass@host:port  implicit TLS (port 465 by default)
//
// Query parameters: from (default sender address), insecure_skip_verify=true (accept any
// server certificate; development only), auth (plain by default; login, cram-md5,
// scram-sha-1 or scram-sha-256) and timeout (a Go duration, 15s by default). PLAIN and LOGIN
// credentials are only sent over TLS or to localhost, so a server that does not offer
// STARTTLS never sees the password in clear. User and password are URL-decoded. Errors never
// contain the password.
func NewSMTPSender(smtpURL string) (*SMTPSender, error) {
	cfg, err := parseSMTPURL(smtpURL)
	if err != nil {
		return nil, fmt.Errorf("parse SMTP URL: %w", err)
	}
	return &SMTPSender{cfg: cfg}, nil
}

// String describes the sender's server with the password hidden, for logs.
func (s *SMTPSender) String() string { return s.cfg.redacted() }

// GoString is like String, so %#v does not print the password either.
func (s *SMTPSender) GoString() string { return "delivery.SMTPSender(" + s.cfg.redacted() + ")" }

// Send delivers m once over a new connection. It refuses, before connecting, header values
// with CR, LF or NUL, invalid addresses, a missing sender and a missing or malformed
// Message-ID; those errors and 5xx SMTP answers are *PermanentError. Connection failures and
// 4xx answers are retryable.
func (s *SMTPSender) Send(ctx context.Context, m Message) error {
	msg, err := s.buildMessage(m)
	if err != nil {
		return permanentf("send email: %w", err)
	}
	client, err := gomail.NewClient(s.cfg.host, s.clientOptions()...)
	if err != nil {
		return permanentf("send email: configure SMTP client: %w", redact(err, s.cfg.password))
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		err = fmt.Errorf("send email %s via %s: %w", m.MessageID, s.cfg.redacted(), redact(err, s.cfg.password))
		if isPermanentSMTPError(err) {
			return permanent(err)
		}
		return err
	}
	return nil
}

// buildMessage checks m and turns it into a go-mail message.
func (s *SMTPSender) buildMessage(m Message) (*gomail.Msg, error) {
	if err := checkHeaderValues(m); err != nil {
		return nil, err
	}
	from := m.From
	if from == "" {
		from = s.cfg.from
	}
	if from == "" {
		return nil, errors.New("no From address (set Message.From or the SMTP URL's from parameter)")
	}
	if m.To == "" {
		return nil, errors.New("no To address")
	}
	id, err := messageIDValue(m.MessageID)
	if err != nil {
		return nil, err
	}
	msg := gomail.NewMsg()
	if err := msg.From(from); err != nil {
		return nil, fmt.Errorf("invalid From address: %w", err)
	}
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("invalid To address: %w", err)
	}
	if len(m.Cc) > 0 {
		if err := msg.Cc(m.Cc...); err != nil {
			return nil, fmt.Errorf("invalid Cc address: %w", err)
		}
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(id)
	msg.SetDate()
	msg.SetUserAgent("Flowline")
	msg.SetBodyString(gomail.TypeTextPlain, m.Body)
	return msg, nil
}

// clientOptions translates the configuration into go-mail options.
func (s *SMTPSender) clientOptions() []gomail.Option {
	tlsConfig := &tls.Config{
		ServerName:         s.cfg.host,
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: s.cfg.skipVerify, //nolint:gosec // opt-in for development servers
	}
	opts := []gomail.Option{
		gomail.WithPort(s.cfg.port),
		gomail.WithTimeout(s.cfg.timeout),
		gomail.WithTLSConfig(tlsConfig),
	}
	if s.cfg.implicitTLS {
		opts = append(opts, gomail.WithSSL())
	} else {
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	}
	if s.cfg.username != "" {
		opts = append(opts,
			gomail.WithSMTPAuth(s.cfg.auth),
			gomail.WithUsername(s.cfg.username),
			gomail.WithPassword(s.cfg.password),
		)
	}
	return opts
}

// isPermanentSMTPError reports a 5xx SMTP answer, which the server will repeat on retry.
func isPermanentSMTPError(err error) bool {
	var se *gomail.SendError
	if errors.As(err, &se) {
		code := se.ErrorCode()
		return code >= 500 && code < 600
	}
	return false
}
