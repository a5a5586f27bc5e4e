package delivery

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// smtpConfig is a parsed SMTP_URL.
type smtpConfig struct {
	host        string
	port        int
	username    string
	password    string
	implicitTLS bool
	skipVerify  bool
	from        string
	auth        gomail.SMTPAuthType
	timeout     time.Duration
}

// Default SMTP ports and timeout.
const (
	defaultSMTPPort    = 25
	defaultSMTPSPort   = 465
	defaultSMTPTimeout = 15 * time.Second
)

// smtpAuthTypes maps the auth query parameter to go-mail's mechanisms.
var smtpAuthTypes = map[string]gomail.SMTPAuthType{
	"plain":         gomail.SMTPAuthPlain,
	"login":         gomail.SMTPAuthLogin,
	"cram-md5":      gomail.SMTPAuthCramMD5,
	"scram-sha-1":   gomail.SMTPAuthSCRAMSHA1,
	"scram-sha-256": gomail.SMTPAuthSCRAMSHA256,
}

// parseSMTPURL parses smtp://user:pass@host:port or smtps://... with the query parameters
// from, insecure_skip_verify, auth and timeout. Errors never repeat the URL, which holds
// the password.
func parseSMTPURL(raw string) (smtpConfig, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return smtpConfig{}, errors.New("malformed URL (details withheld: the URL may contain a password)")
	}
	cfg := smtpConfig{auth: gomail.SMTPAuthPlain, timeout: defaultSMTPTimeout}
	switch u.Scheme {
	case "smtp":
		cfg.port = defaultSMTPPort
	case "smtps":
		cfg.port, cfg.implicitTLS = defaultSMTPSPort, true
	default:
		return smtpConfig{}, fmt.Errorf("scheme must be smtp or smtps, not %q", u.Scheme)
	}
	if u.Opaque != "" || (u.Path != "" && u.Path != "/") || u.Fragment != "" {
		//nolint:revive,staticcheck // error-strings/ST1005: the trailing "..." is a placeholder in the URL template, not punctuation.
		return smtpConfig{}, errors.New("URL must be of the form smtp://user:pass@host:port?from=...")
	}
	cfg.host = u.Hostname()
	if cfg.host == "" {
		return smtpConfig{}, errors.New("URL has no host")
	}
	if p := u.Port(); p != "" {
		port, err := strconv.Atoi(p)
		if err != nil || port < 1 || port > 65535 {
			return smtpConfig{}, errors.New("port must be between 1 and 65535")
		}
		cfg.port = port
	}
	if u.User != nil {
		cfg.username = u.User.Username()
		cfg.password, _ = u.User.Password()
	}
	if err := cfg.applyQuery(u.Query()); err != nil {
		return smtpConfig{}, err
	}
	return cfg, nil
}

// applyQuery reads the optional query parameters and refuses unknown ones, so a typo does
// not silently change behaviour.
func (cfg *smtpConfig) applyQuery(q url.Values) error {
	for key, values := range q {
		if len(values) != 1 {
			return fmt.Errorf("parameter %q given %d times", key, len(values))
		}
		v := values[0]
		switch key {
		case "from":
			if _, err := mail.ParseAddress(v); err != nil || strings.ContainsAny(v, "\r\n") {
				return fmt.Errorf("from %q is not a valid address", v)
			}
			cfg.from = v
		case "insecure_skip_verify":
			b, err := strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("insecure_skip_verify %q is not a boolean", v)
			}
			cfg.skipVerify = b
		case "auth":
			a, ok := smtpAuthTypes[strings.ToLower(v)]
			if !ok {
				return fmt.Errorf("auth %q is not supported (plain, login, cram-md5, scram-sha-1, scram-sha-256)", v)
			}
			cfg.auth = a
		case "timeout":
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				return fmt.Errorf("timeout %q is not a positive duration", v)
			}
			cfg.timeout = d
		default:
			return fmt.Errorf("unknown parameter %q", key)
		}
	}
	return nil
}

// redacted returns the URL with the password replaced by "***", for logs.
func (cfg *smtpConfig) redacted() string {
	scheme := "smtp"
	if cfg.implicitTLS {
		scheme = "smtps"
	}
	hostPort := net.JoinHostPort(cfg.host, strconv.Itoa(cfg.port))
	switch {
	case cfg.username != "" && cfg.password != "":
		return scheme + "://" + url.User(cfg.username).String() + ":***@" + hostPort
	case cfg.username != "":
		return scheme + "://" + url.User(cfg.username).String() + "@" + hostPort
	}
	return scheme + "://" + hostPort
}
