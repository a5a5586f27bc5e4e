// Package inbound serves POST /hooks/{workflowId}: an incoming webhook that starts a WEBHOOK
// workflow. The caller proves it knows the workflow's secret with the X-Flowline-Webhook-Secret
// header or "Authorization: Bearer <secret>"; a wrong or missing secret answers 401 and
// creates nothing. The JSON body becomes the run's trigger.data.
package inbound

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/workflowstore"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/events"
	"github.com/flowline/flowline/internal/nulcheck"
	"github.com/flowline/flowline/internal/reqid"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// Request headers the handler reads.
const (
	HeaderSecret         = "X-Flowline-Webhook-Secret" //nolint:gosec // G101: a header name, not a credential
	HeaderIdempotencyKey = "Idempotency-Key"
)

// maxIdempotencyKeyLength bounds a caller's Idempotency-Key.
const maxIdempotencyKeyLength = 150

// Response is the JSON answer to an accepted call.
type Response struct {
	ExecutionID string `json:"executionId"`
	Status      string `json:"status"`
}

// Handler returns the POST /hooks/{workflowId} handler. The caller bounds the body size.
func Handler(db *database.DB, logger *slog.Logger) http.Handler {
	h := &handler{db: db, log: logger, raiser: events.Raiser{Dialect: db.Dialect}}
	return http.HandlerFunc(h.serve)
}

type handler struct {
	db     *database.DB
	log    *slog.Logger
	raiser events.Raiser
}

// httpError is an answer other than success.
type httpError struct {
	status int
	msg    string
}

// Error returns the message sent to the caller.
func (e *httpError) Error() string { return e.msg }

// errUnauthorized is the same answer for an unknown workflow, a non-WEBHOOK workflow and a
// wrong secret, so the endpoint does not reveal which workflows exist.
var errUnauthorized = &httpError{http.StatusUnauthorized, "missing or wrong webhook secret"}

func (h *handler) serve(w http.ResponseWriter, r *http.Request) {
	res, created, err := h.accept(r)
	var he *httpError
	switch {
	case errors.As(err, &he):
		writeError(w, he.status, he.msg)
	case err != nil:
		id := reqid.FromContext(r.Context())
		h.log.ErrorContext(r.Context(), "incoming webhook", "request_id", id, "error", err)
		writeError(w, http.StatusInternalServerError, "internal error (request id "+id+")")
	case created:
		writeResponse(w, http.StatusAccepted, res)
	default:
		writeResponse(w, http.StatusOK, res)
	}
}

// accept authenticates the call and starts the workflow. created is false when the same
// Idempotency-Key had already started it.
func (h *handler) accept(r *http.Request) (Response, bool, error) {
	id, err := uuid.Parse(r.PathValue("workflowId"))
	if err != nil {
		return Response{}, false, errUnauthorized
	}
	secret := secretOf(r)
	if secret == "" {
		return Response{}, false, errUnauthorized
	}
	// The body is read before the transaction, so a slow sender cannot hold it open.
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return Response{}, false, &httpError{http.StatusRequestEntityTooLarge, "body too large or unreadable"}
	}
	ref, err := requestRef(r)
	if err != nil {
		return Response{}, false, err
	}
	var res Response
	created := false
	// Nobody is signed in: the workflow's own secret authenticates the call, so reading the
	// workflow to check it is a system read (authz.ReasonAuthenticate).
	ctx := authz.System(r.Context(), authz.ReasonAuthenticate)
	err = h.inTx(ctx, func(tx *ent.Client) error {
		wf, err := tx.Workflow.Get(ctx, id)
		if ent.IsNotFound(err) {
			return errUnauthorized
		}
		if err != nil {
			return fmt.Errorf("read workflow %s: %w", id, err)
		}
		if wf.TriggerType != spec.TriggerWebhook || !workflowstore.WebhookSecretMatches(wf.WebhookSecret, secret) {
			return errUnauthorized
		}
		if !wf.IsActive || wf.IsTemplate {
			return &httpError{http.StatusConflict, "workflow is not active"}
		}
		data, err := parseBody(raw)
		if err != nil {
			return err
		}
		client, err := clientOf(ctx, r, tx)
		if err != nil {
			return err
		}
		ev := events.Targeted(spec.TriggerWebhook, wf.ID, ref, client, data)
		ex, isNew, err := h.raiser.StartOnce(ctx, tx, wf, ev)
		if err != nil {
			return err
		}
		if ex == nil {
			// A WEBHOOK event always matches: the enrollment rule skipped it.
			return &httpError{http.StatusConflict, events.SkippedMessage(wf)}
		}
		res = Response{ExecutionID: ex.ID.String(), Status: string(ex.Status)}
		created = isNew
		return nil
	})
	return res, created, err
}

// secretOf reads the secret from X-Flowline-Webhook-Secret or a bearer Authorization header.
func secretOf(r *http.Request) string {
	if s := r.Header.Get(HeaderSecret); s != "" {
		return s
	}
	if auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return strings.TrimSpace(auth)
	}
	return ""
}

// parseBody decodes the payload: empty, or a JSON object of at most
// events.MaxTriggerDataBytes (the cap of triggerWorkflow's data).
func parseBody(raw []byte) (map[string]any, error) {
	if len(strings.TrimSpace(string(raw))) == 0 {
		return map[string]any{}, nil
	}
	if len(raw) > events.MaxTriggerDataBytes {
		return nil, &httpError{http.StatusRequestEntityTooLarge,
			fmt.Sprintf("the body is %d bytes; at most %d are stored as trigger data", len(raw), events.MaxTriggerDataBytes)}
	}
	var data map[string]any
	if err := json.Unmarshal(raw, &data); err != nil || data == nil {
		return nil, &httpError{http.StatusBadRequest, "the body must be a JSON object"}
	}
	if nulcheck.InValue(data) {
		return nil, &httpError{http.StatusBadRequest, "the body must not contain NUL (\\u0000) characters"}
	}
	return data, nil
}

// requestRef identifies the call for deduplication: the caller's Idempotency-Key, so a
// retried delivery starts the workflow once, or a fresh id.
func requestRef(r *http.Request) (string, error) {
	key := r.Header.Get(HeaderIdempotencyKey)
	if key == "" {
		return uuid.Must(uuid.NewV7()).String(), nil
	}
	if len(key) > maxIdempotencyKeyLength || strings.ContainsFunc(key, func(c rune) bool { return c < ' ' || c > '~' }) {
		return "", &httpError{http.StatusBadRequest, fmt.Sprintf("Idempotency-Key must be at most %d printable ASCII characters", maxIdempotencyKeyLength)}
	}
	return "key:" + key, nil
}

// clientOf reads the optional ?clientId= naming the client the run is about.
func clientOf(ctx context.Context, r *http.Request, tx *ent.Client) (*ent.Contact, error) {
	raw := r.URL.Query().Get("clientId")
	if raw == "" {
		return nil, nil
	}
	id, err := uuid.Parse(raw)
	if err != nil {
		return nil, &httpError{http.StatusBadRequest, "clientId is not a valid id"}
	}
	c, err := tx.Contact.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, &httpError{http.StatusNotFound, "client not found"}
	}
	return c, err
}

// inTx runs fn in one transaction: the execution commits with nothing else, or not at all.
func (h *handler) inTx(ctx context.Context, fn func(tx *ent.Client) error) error {
	return database.InTx(ctx, h.db.Client, fn)
}

// errorBody is the JSON answer to a refused or failed call: {"error":"..."}.
type errorBody struct {
	Error string `json:"error"`
}

// writeError answers {"error":msg}.
func writeError(w http.ResponseWriter, status int, msg string) {
	body, _ := json.Marshal(errorBody{Error: msg}) // strings only: cannot fail
	writeJSON(w, status, body)
}

// writeResponse answers res.
func writeResponse(w http.ResponseWriter, status int, res Response) {
	body, _ := json.Marshal(res) // strings only: cannot fail
	writeJSON(w, status, body)
}

// writeJSON answers with the JSON document body and a newline, as json.Encoder writes it.
func writeJSON(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
