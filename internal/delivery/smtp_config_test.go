package delivery

import (
	"strings"
	"testing"
	"time"

	gomail "github.com/wneessen/go-mail"
)

func TestNewSMTPSender(t *testing.T) {
	tests := []struct {
		name string
		url  string
		want smtpConfig
	}{
		{"plain defaults", "smtp://mail.example.com",
			smtpConfig{host: "mail.example.com", port: 25, auth: gomail.SMTPAuthPlain, timeout: defaultSMTPTimeout}},
		{"credentials and port", "smtp://user%40example.com:p%3Ass@mail.example.com:587",
			smtpConfig{host: "mail.example.com", port: 587, username: "user@example.com", password: "p:ss", auth: gomail.SMTPAuthPlain, timeout: defaultSMTPTimeout}},
		{"implicit TLS defaults", "smtps://u:p@mail.example.com",
			smtpConfig{host: "mail.example.com", port: 465, username: "u", password: "p", implicitTLS: true, auth: gomail.SMTPAuthPlain, timeout: defaultSMTPTimeout}},
		{"all parameters", "smtp://localhost:1025/?from=Flowline+%3Cno-reply%40example.com%3E&insecure_skip_verify=true&auth=login&timeout=3s",
			smtpConfig{host: "localhost", port: 1025, from: "Flowline <no-reply@example.com>", skipVerify: true, auth: gomail.SMTPAuthLogin, timeout: 3 * time.Second}},
		{"IPv6 host", "smtp://[::1]:2525",
			smtpConfig{host: "::1", port: 2525, auth: gomail.SMTPAuthPlain, timeout: defaultSMTPTimeout}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewSMTPSender(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if s.cfg != tt.want {
				t.Fatalf("config = %+v, want %+v", s.cfg, tt.want)
			}
		})
	}
}

func TestNewSMTPSenderRejects(t *testing.T) {
	const password = "Pa55word-XYZ"
	tests := []struct {
		name string
		url  string
	}{
		{"empty", ""},
		{"http scheme", "http://u:" + password + "@mail.example.com"},
		{"no host", "smtp://u:" + password + "@:25"},
		{"bad port", "smtp://u:" + password + "@mail.example.com:99999"},
		{"non-numeric port", "smtp://u:" + password + "@mail.example.com:abc"},
		{"malformed with password", "smtp://u:" + password + "@mail example.com:25"},
		{"control character", "smtp://u:" + password + "@mail.example.com\x7f"},
		{"path", "smtp://u:" + password + "@mail.example.com/inbox"},
		{"unknown parameter", "smtp://u:" + password + "@mail.example.com?tls=on"},
		{"repeated parameter", "smtp://mail.example.com?from=a@b.test&from=c@d.test"},
		{"bad from", "smtp://mail.example.com?from=not-an-address"},
		{"CRLF in from", "smtp://mail.example.com?from=a@b.test%0d%0aBcc:x@y.test"},
		{"bad bool", "smtp://mail.example.com?insecure_skip_verify=maybe"},
		{"bad auth", "smtp://mail.example.com?auth=kerberos"},
		{"bad timeout", "smtp://mail.example.com?timeout=-1s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewSMTPSender(tt.url)
			if err == nil {
				t.Fatal("NewSMTPSender succeeded")
			}
			if strings.Contains(err.Error(), password) {
				t.Fatalf("error %q contains the password", err)
			}
		})
	}
}

func TestSMTPSenderString(t *testing.T) {
	tests := []struct {
		url, want string
	}{
		{"smtp://user:secret@mail.example.com:587", "smtp://user:***@mail.example.com:587"},
		{"smtps://user@mail.example.com", "smtps://user@mail.example.com:465"},
		{"smtp://mail.example.com", "smtp://mail.example.com:25"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			s, err := NewSMTPSender(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.String(); got != tt.want {
				t.Fatalf("String = %q, want %q", got, tt.want)
			}
		})
	}
}
