package delivery_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"slices"
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/testsupport"
)

// testMessage is the e-mail most tests send.
func testMessage() delivery.Message {
	return delivery.Message{
		From:      "Flowline <noreply@flowline.test>",
		To:        "ada@example.com",
		Cc:        []string{"owner@example.com"},
		Subject:   "Welcome, Ada",
		Body:      "Hello Ada,\n\nyour VIP onboarding starts today.\n",
		MessageID: delivery.MessageID("exec-1", 2, "flowline.test"),
	}
}

func newTestSender(t *testing.T, url string) *delivery.SMTPSender {
	t.Helper()
	s, err := delivery.NewSMTPSender(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSMTPSendDelivers(t *testing.T) {
	tests := []struct {
		name    string
		opts    []testsupport.SMTPOption
		url     func(addr string) string
		wantTLS bool
		user    string
	}{
		{"plain", nil, func(a string) string { return "smtp://" + a }, false, ""},
		{"auth over plain localhost", []testsupport.SMTPOption{testsupport.SMTPAuth("mailer", "p@ss w0rd")}, func(a string) string { return "smtp://mailer:p%40ss%20w0rd@" + a }, false, "mailer"},
		{"opportunistic STARTTLS", []testsupport.SMTPOption{testsupport.SMTPStartTLS(t), testsupport.SMTPAuth("mailer", "pw")}, func(a string) string { return "smtp://mailer:pw@" + a + "?insecure_skip_verify=true" }, true, "mailer"},
		{"implicit TLS", []testsupport.SMTPOption{testsupport.SMTPImplicitTLS(t)}, func(a string) string { return "smtps://" + a + "?insecure_skip_verify=true" }, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := testsupport.StartSMTP(t, tt.opts...)
			m := testMessage()
			if err := newTestSender(t, tt.url(srv.Addr)).Send(context.Background(), m); err != nil {
				t.Fatal(err)
			}
			got := srv.Messages()
			if len(got) != 1 {
				t.Fatalf("server received %d messages, want 1", len(got))
			}
			rcv := got[0]
			if rcv.TLS != tt.wantTLS || rcv.User != tt.user {
				t.Fatalf("TLS = %v, user = %q; want %v, %q", rcv.TLS, rcv.User, tt.wantTLS, tt.user)
			}
			if rcv.From != "noreply@flowline.test" || !slices.Equal(rcv.Rcpts, []string{"ada@example.com", "owner@example.com"}) {
				t.Fatalf("envelope from %q to %v", rcv.From, rcv.Rcpts)
			}
			checkReceived(t, rcv.Data, m)
		})
	}
}

// checkReceived parses the raw message and compares its headers and body with m.
func checkReceived(t *testing.T, raw string, m delivery.Message) {
	t.Helper()
	parsed, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("parse received message: %v", err)
	}
	dec := new(mime.WordDecoder)
	subject, err := dec.DecodeHeader(parsed.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	headers := []struct{ name, got, want string }{
		{"Message-ID", parsed.Header.Get("Message-ID"), "<exec-1.2@flowline.test>"},
		{"Subject", subject, m.Subject},
		{"To", parsed.Header.Get("To"), "<ada@example.com>"},
		{"Cc", parsed.Header.Get("Cc"), "<owner@example.com>"},
		{"From", parsed.Header.Get("From"), `"Flowline" <noreply@flowline.test>`},
	}
	for _, h := range headers {
		if h.got != h.want {
			t.Errorf("%s = %q, want %q", h.name, h.got, h.want)
		}
	}
	if parsed.Header.Get("Date") == "" {
		t.Error("no Date header")
	}
	body := parsed.Body
	if strings.EqualFold(parsed.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(string(b), "\r\n", "\n"); got != m.Body {
		t.Errorf("body = %q, want %q", got, m.Body)
	}
}

func TestSMTPSendRefusesBeforeConnecting(t *testing.T) {
	srv := testsupport.StartSMTP(t)
	s := newTestSender(t, "smtp://"+srv.Addr)
	tests := []struct {
		name      string
		change    func(*delivery.Message)
		injection bool
	}{
		{"CRLF in subject", func(m *delivery.Message) { m.Subject = "Hi\r\nBcc: victim@example.com" }, true},
		{"LF in subject", func(m *delivery.Message) { m.Subject = "Hi\nBcc: victim@example.com" }, true},
		{"CR in To", func(m *delivery.Message) { m.To = "ada@example.com\rBcc: x@example.com" }, true},
		{"LF in From", func(m *delivery.Message) { m.From = "a@b.test\nX-Evil: 1" }, true},
		{"LF in Cc", func(m *delivery.Message) { m.Cc = []string{"x@example.com\n"} }, true},
		{"NUL in Message-ID", func(m *delivery.Message) { m.MessageID = "<a\x00@b>" }, true},
		{"missing Message-ID", func(m *delivery.Message) { m.MessageID = "" }, false},
		{"malformed Message-ID", func(m *delivery.Message) { m.MessageID = "<no-at-sign>" }, false},
		{"space in Message-ID", func(m *delivery.Message) { m.MessageID = "<a b@c>" }, false},
		{"invalid To", func(m *delivery.Message) { m.To = "not an address" }, false},
		{"empty To", func(m *delivery.Message) { m.To = "" }, false},
		{"no From anywhere", func(m *delivery.Message) { m.From = "" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := testMessage()
			tt.change(&m)
			err := s.Send(context.Background(), m)
			if !delivery.IsPermanent(err) {
				t.Fatalf("err = %v, want permanent", err)
			}
			if errors.Is(err, delivery.ErrHeaderInjection) != tt.injection {
				t.Fatalf("errors.Is(%v, ErrHeaderInjection) = %v, want %v", err, !tt.injection, tt.injection)
			}
		})
	}
	if n := len(srv.Messages()); n != 0 {
		t.Fatalf("server received %d messages, want 0", n)
	}
}

func TestSMTPSendDefaultFrom(t *testing.T) {
	srv := testsupport.StartSMTP(t)
	s := newTestSender(t, "smtp://"+srv.Addr+"?from=robot%40flowline.test")
	m := testMessage()
	m.From = ""
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	if got := srv.Messages(); len(got) != 1 || got[0].From != "robot@flowline.test" {
		t.Fatalf("received %+v, want one message from robot@flowline.test", got)
	}
}

func TestSMTPSendErrorsHideCredentials(t *testing.T) {
	const password = "hunter2-Sup3rS3cret"
	srv := testsupport.StartSMTP(t, testsupport.SMTPAuth("mailer", "the-right-password"))
	s := newTestSender(t, "smtp://mailer:"+password+"@"+srv.Addr)

	err := s.Send(context.Background(), testMessage())
	if err == nil {
		t.Fatal("Send succeeded with a wrong password")
	}
	if strings.Contains(err.Error(), password) || strings.Contains(err.Error(), "the-right-password") {
		t.Fatalf("error %q contains a password", err)
	}
	if delivery.IsPermanent(err) {
		t.Fatalf("auth failure %v is permanent; it should be retried once the configuration is fixed", err)
	}
	if n := len(srv.Messages()); n != 0 {
		t.Fatalf("server received %d messages, want 0", n)
	}
	if v := fmt.Sprintf("%v %+v %#v %s", s, s, s, s); strings.Contains(v, password) {
		t.Fatalf("formatting the sender shows the password: %s", v)
	}
}

func TestSMTPSendClassifiesRejections(t *testing.T) {
	tests := []struct {
		name      string
		code      int
		permanent bool
	}{
		{"mailbox unavailable", 550, true},
		{"mailbox busy", 450, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := testsupport.StartSMTP(t, testsupport.SMTPRejectRcpt(tt.code, "no"))
			err := newTestSender(t, "smtp://"+srv.Addr).Send(context.Background(), testMessage())
			if err == nil || delivery.IsPermanent(err) != tt.permanent {
				t.Fatalf("err = %v, permanent = %v; want permanent %v", err, delivery.IsPermanent(err), tt.permanent)
			}
		})
	}
}

func TestSMTPSendConnectionRefusedIsRetryable(t *testing.T) {
	addr := testsupport.ClosedAddr(t)
	err := newTestSender(t, "smtp://"+addr+"?timeout=2s").Send(context.Background(), testMessage())
	if err == nil || delivery.IsPermanent(err) {
		t.Fatalf("err = %v, want a retryable error", err)
	}
}

func TestMessageID(t *testing.T) {
	tests := []struct {
		exec   string
		step   int
		domain string
		want   string
	}{
		{"0b6c6f1e-8a3b-4b8e-9d7c-2f1a3c4d5e6f", 0, "mail.example.com", "<0b6c6f1e-8a3b-4b8e-9d7c-2f1a3c4d5e6f.0@mail.example.com>"},
		{"exec-1", 12, "flowline.test", "<exec-1.12@flowline.test>"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got := delivery.MessageID(tt.exec, tt.step, tt.domain)
			if got != tt.want {
				t.Fatalf("MessageID = %q, want %q", got, tt.want)
			}
			if _, err := delivery.MessageIDValue(got); err != nil {
				t.Fatalf("MessageID output refused by the sender: %v", err)
			}
		})
	}
}
