package delivery

import (
	"errors"
	"fmt"
	"strings"
)

// ErrHeaderInjection is wrapped by the error Send returns when a header value contains a
// line break or NUL, which could otherwise smuggle extra headers into the message.
var ErrHeaderInjection = errors.New("header value contains a line break or NUL")

// Message is one outgoing e-mail in plain text. From may be empty when the sender has a
// default (the SMTP URL's from parameter). MessageID is required: it is the step's stable
// identity, usually built with MessageID, so a re-sent message is recognisable.
type Message struct {
	From      string
	To        string
	Cc        []string
	Subject   string
	Body      string
	MessageID string
}

// MessageID returns the Message-ID for the e-mail sent by one workflow step,
// "<executionID.stepIndex@domain>". Sending the same step again yields the same id.
func MessageID(executionID string, stepIndex int, domain string) string {
	return fmt.Sprintf("<%s.%d@%s>", executionID, stepIndex, domain)
}

// checkHeaderValues refuses messages whose header fields hold CR, LF or NUL. The error
// names the field, not the value.
func checkHeaderValues(m Message) error {
	fields := []struct{ name, value string }{
		{"From", m.From}, {"To", m.To}, {"Subject", m.Subject}, {"Message-ID", m.MessageID},
	}
	for _, cc := range m.Cc {
		fields = append(fields, struct{ name, value string }{"Cc", cc})
	}
	for _, f := range fields {
		if strings.ContainsAny(f.value, "\r\n\x00") {
			return fmt.Errorf("%s: %w", f.name, ErrHeaderInjection)
		}
	}
	return nil
}

// messageIDValue checks a Message-ID and returns it without its angle brackets. It must be
// of the form <left@right> with no spaces, brackets or control characters inside.
func messageIDValue(id string) (string, error) {
	v := strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")
	left, right, ok := strings.Cut(v, "@")
	if !ok || left == "" || right == "" || strings.Contains(right, "@") {
		return "", fmt.Errorf("Message-ID %q is not of the form <left@right>", id)
	}
	for _, c := range v {
		if c <= ' ' || c == 0x7f || c == '<' || c == '>' {
			return "", fmt.Errorf("Message-ID %q contains a forbidden character", id)
		}
	}
	return v, nil
}
