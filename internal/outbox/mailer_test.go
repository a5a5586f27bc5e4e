package outbox_test

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/email"
	"github.com/flowline/flowline/internal/delivery"
	"github.com/flowline/flowline/internal/outbox"
	"github.com/flowline/flowline/internal/testsupport"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// scriptedSender fails or succeeds per message according to a script, and records sends.
type scriptedSender struct {
	mu     sync.Mutex
	script map[string][]error // by To: the result of each successive try
	sent   map[string]int
}

func (s *scriptedSender) Send(_ context.Context, m delivery.Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.sent[m.To]
	s.sent[m.To]++
	if results := s.script[m.To]; n < len(results) {
		return results[n]
	}
	return nil
}

func queue(t *testing.T, db *testsupport.DB, to string) *ent.Email {
	t.Helper()
	return db.Client.Email.Create().SetTo(to).SetSubject("s").SetBody("b").
		SetMessageID("<" + to + ">").SaveX(testsupport.Ctx())
}

// TestMailerRetriesAndGivesUp: a temporary failure is retried after a backoff, a permanent
// one fails at once, and a message abandoned while SENDING is requeued and sent.
func TestMailerRetriesAndGivesUp(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		ctx := testsupport.Ctx()
		temp := errors.New("421 try again later")
		sender := &scriptedSender{sent: map[string]int{}, script: map[string][]error{
			"flaky@example.com":  {temp},
			"bounce@example.com": {&delivery.PermanentError{Err: errors.New("550 no such user")}},
			"never@example.com":  {temp, temp, temp},
		}}
		flaky, bounce, never := queue(t, db, "flaky@example.com"), queue(t, db, "bounce@example.com"), queue(t, db, "never@example.com")
		abandoned := db.Client.Email.Create().SetTo("orphan@example.com").SetSubject("s").SetBody("b").
			SetMessageID("<orphan>").SetStatus(email.StatusSENDING).SetAttempts(1).
			SetNextAttemptAt(time.Now().Add(-time.Minute)).SaveX(ctx)

		m := outbox.New(db.DB, outbox.Config{
			Sender: sender, PollInterval: 20 * time.Millisecond, MaxAttempts: 3,
			Backoff: spec.RetryPolicy{InitialBackoff: "100ms", MaxBackoff: "100ms"},
			Logger:  slog.New(slog.DiscardHandler),
		})
		runCtx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); _ = m.Run(runCtx) }()
		defer func() { cancel(); <-done }()

		final := func(e *ent.Email) *ent.Email {
			deadline := time.Now().Add(30 * time.Second)
			for {
				got := db.Client.Email.GetX(ctx, e.ID)
				if got.Status == email.StatusSENT || got.Status == email.StatusFAILED {
					return got
				}
				if time.Now().After(deadline) {
					t.Fatalf("email to %s still %s", e.To, got.Status)
				}
				time.Sleep(10 * time.Millisecond)
			}
		}
		if got := final(flaky); got.Status != email.StatusSENT || got.Attempts != 2 || got.SentAt == nil {
			t.Errorf("flaky: %s after %d attempts", got.Status, got.Attempts)
		}
		if got := final(bounce); got.Status != email.StatusFAILED || got.Attempts != 1 || got.LastError == nil {
			t.Errorf("bounce: %s after %d attempts", got.Status, got.Attempts)
		}
		if got := final(never); got.Status != email.StatusFAILED || got.Attempts != 3 {
			t.Errorf("never: %s after %d attempts, want FAILED after 3", got.Status, got.Attempts)
		}
		if got := final(abandoned); got.Status != email.StatusSENT || got.Attempts != 2 {
			t.Errorf("abandoned: %s after %d attempts", got.Status, got.Attempts)
		}
	})
}
