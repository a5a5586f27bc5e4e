package engine_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/outbox"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// welcomeEmail sends a rendered welcome e-mail to each new client.
var welcomeEmail = spec.Definition{
	TriggerType: spec.TriggerClientCreated,
	Actions: []spec.Action{{Type: spec.ActionSendEmail, Config: map[string]any{
		"to":      "{{client.email}}",
		"subject": "Welcome, {{client.name}}",
		"body":    "Hello {{client.name}}, your manager is {{client.owner.name}}.",
	}}},
}

// startMailer runs the outbox sender against smtpURL until the test ends.
func startMailer(t *testing.T, db *testsupport.DB, smtpURL string) {
	t.Helper()
	sender, err := delivery.NewSMTPSender(smtpURL)
	if err != nil {
		t.Fatal(err)
	}
	m := outbox.New(db.DB, outbox.Config{Sender: sender, PollInterval: 50 * time.Millisecond, Logger: testLogger(t)})
	ctx, cancel := context.WithCancel(testsupport.Ctx())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = m.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

type emailNode struct {
	ID, To, Subject, Body, MessageID, Status string
	Attempts                                 int
	ExecutionID                              string
	StepIndex                                int
}

const emailsQuery = `{ emails(first: 10) { totalCount edges { node {
	id to subject body messageID status attempts executionID stepIndex } } } }`

func (a *api) emails() []emailNode {
	a.t.Helper()
	var out struct {
		Emails struct{ Edges []struct{ Node emailNode } }
	}
	a.MustData(emailsQuery, nil, &out)
	var list []emailNode
	for _, e := range out.Emails.Edges {
		list = append(list, e.Node)
	}
	return list
}

// TestEmailDeliveredOverSMTP: SEND_EMAIL writes the rendered message to the outbox in the
// step's transaction; the mailer delivers it to a real SMTP server exactly once, with the
// Message-ID derived from <executionId>.<stepIndex>.
func TestEmailDeliveredOverSMTP(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		srv := testsupport.StartSMTP(t)
		a := newAPI(t, db)
		cfg := testConfig(t)
		cfg.MessageIDDomain = "example.com"
		startEngine(t, db, cfg)
		startMailer(t, db, "smtp://"+srv.Addr+"?from=flowline@example.com")
		owner := a.createUser("owner@example.com")
		wf := a.createWorkflow(owner, "Welcome", welcomeEmail)
		a.createClient(map[string]any{"name": "Ada Lovelace", "email": "ada@example.com", "ownerID": owner})

		exs := a.executionsOf(wf)
		if len(exs) != 1 {
			t.Fatalf("want 1 execution, got %d", len(exs))
		}
		ex := a.waitStatus(exs[0].ID, "COMPLETED")
		if got := statuses(ex.Logs); len(got) != 1 || got[0] != "0:SEND_EMAIL:SUCCESS#1" {
			t.Fatalf("logs = %v", got)
		}
		var sent emailNode
		waitUntil(t, "sent", func() bool {
			list := a.emails()
			if len(list) == 1 && list[0].Status == "SENT" {
				sent = list[0]
				return true
			}
			return len(list) == 1 && list[0].Status == "FAILED"
		})
		wantID := "<" + ex.ID + ".0@example.com>"
		if sent.Status != "SENT" || sent.To != "ada@example.com" || sent.Subject != "Welcome, Ada Lovelace" ||
			sent.MessageID != wantID || sent.Attempts != 1 || sent.ExecutionID != ex.ID || sent.StepIndex != 0 {
			t.Fatalf("outbox row = %+v", sent)
		}

		msgs := srv.Messages()
		if len(msgs) != 1 {
			t.Fatalf("SMTP server received %d messages, want exactly 1", len(msgs))
		}
		m := msgs[0]
		data := strings.ReplaceAll(m.Data, "=\r\n", "") // undo quoted-printable soft breaks
		for _, want := range []string{
			"Subject: Welcome, Ada Lovelace",
			"Message-ID: " + wantID,
			"Hello Ada Lovelace, your manager is User owner@example.com.",
		} {
			if !strings.Contains(data, want) {
				t.Errorf("message lacks %q:\n%s", want, m.Data)
			}
		}
		if m.From != "flowline@example.com" || len(m.Rcpts) != 1 || m.Rcpts[0] != "ada@example.com" {
			t.Errorf("envelope from %q to %v", m.From, m.Rcpts)
		}
		if strings.Contains(data, "{{") {
			t.Errorf("unrendered placeholder in message:\n%s", m.Data)
		}
	})
}

// TestEmailWithoutSMTPStaysQueued: with no SMTP configured the message waits in the outbox,
// visible through the emails connection.
func TestEmailWithoutSMTPStaysQueued(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		a := newAPI(t, db)
		startEngine(t, db, testConfig(t))
		owner := a.createUser("owner@example.com")
		wf := a.createWorkflow(owner, "Welcome", welcomeEmail)
		a.createClient(map[string]any{"name": "Ada", "email": "ada@example.com", "ownerID": owner})
		ex := a.waitStatus(a.executionsOf(wf)[0].ID, "COMPLETED")
		list := a.emails()
		if len(list) != 1 || list[0].Status != "QUEUED" || list[0].Subject != "Welcome, Ada" || list[0].ExecutionID != ex.ID || list[0].Attempts != 0 {
			t.Fatalf("outbox = %+v", list)
		}
	})
}

// TestEmailFromBuiltInTemplate: a SEND_EMAIL step that names a built-in template (templateId)
// instead of a body queues the template's text, rendered for the client.
func TestEmailFromBuiltInTemplate(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	a := newAPI(t, db)
	startEngine(t, db, testConfig(t))
	owner := a.createUser("owner@example.com")
	wf := a.createWorkflow(owner, "Welcome", spec.Definition{
		TriggerType: spec.TriggerClientCreated,
		Actions: []spec.Action{{Type: spec.ActionSendEmail, Config: map[string]any{
			"to": "{{client.email}}", "subject": "Welcome", "templateId": "welcome",
		}}},
	})
	a.createClient(map[string]any{"name": "Grace", "email": "grace@example.com"})
	a.waitStatus(a.executionsOf(wf)[0].ID, "COMPLETED")
	list := a.emails()
	if len(list) != 1 || !strings.HasPrefix(list[0].Body, "Hello Grace,") {
		t.Fatalf("outbox = %+v", list)
	}
}
