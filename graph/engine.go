package graph

import (
	"context"
	"encoding/json"
	"errors"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/graph/model"
	"github.com/flowline/flowline/internal/apierr"
	"github.com/flowline/flowline/internal/engine"
	"github.com/flowline/flowline/internal/events"
)

// Limits of the engine mutations' inputs.
const (
	maxDocumentNameLength = 500
	maxContentTypeLength  = 255
)

// raiser creates the executions that the API's events trigger. API changes are made by
// people, at causation depth 0, so the loop limit never refuses them.
func (r *Resolver) raiser() events.Raiser { return events.Raiser{Dialect: r.Dialect} }

// raise raises events in the mutation's transaction: the executions they start commit or
// roll back with the change.
func (r *Resolver) raise(ctx context.Context, db *ent.Client, evs ...events.Event) error {
	_, err := r.raiser().RaiseAll(ctx, db, evs)
	return err
}

// checkDocument validates registerDocument's input and returns the trimmed name.
func checkDocument(ctx context.Context, in model.RegisterDocumentInput) (string, error) {
	name := strings.TrimSpace(in.Name)
	switch {
	case name == "":
		return "", badInput(ctx, "input.name", "name must not be empty")
	case utf8.RuneCountInString(name) > maxDocumentNameLength:
		return "", badInput(ctx, "input.name", "name is at most %d characters", maxDocumentNameLength)
	case len(in.ContentType) > maxContentTypeLength:
		return "", badInput(ctx, "input.contentType", "contentType is at most %d characters", maxContentTypeLength)
	case in.SizeBytes < 0:
		return "", badInput(ctx, "input.sizeBytes", "sizeBytes must be 0 or more, got %d", in.SizeBytes)
	}
	if mt, _, err := mime.ParseMediaType(in.ContentType); err != nil || !strings.Contains(mt, "/") {
		return "", badInput(ctx, "input.contentType", "%q is not a media type like application/pdf", in.ContentType)
	}
	return name, nil
}

// findClient reads a client for a mutation, NOT_FOUND (pointing at field) when it does not
// exist.
func findClient(ctx context.Context, db *ent.Client, id uuid.UUID, field string) (*ent.Contact, error) {
	c, err := db.Contact.Query().Where(contact.ID(id)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, notFound(ctx, field, "client "+id.String())
	}
	return c, err
}

// checkTriggerData refuses payloads too large to store with an execution.
func checkTriggerData(ctx context.Context, data map[string]any) error {
	b, err := json.Marshal(data)
	if err != nil {
		return badInput(ctx, "data", "data cannot be encoded as JSON: %v", err)
	}
	if len(b) > events.MaxTriggerDataBytes {
		return badInput(ctx, "data", "data is %d bytes as JSON; at most %d are allowed", len(b), events.MaxTriggerDataBytes)
	}
	return nil
}

// executionError translates the engine's cancel and retry refusals into API errors.
func executionError(ctx context.Context, id uuid.UUID, err error) error {
	var state *engine.StateError
	switch {
	case errors.Is(err, engine.ErrExecutionNotFound):
		return notFound(ctx, "id", "execution "+id.String())
	case errors.Is(err, engine.ErrLoopLimited), errors.Is(err, engine.ErrAnotherActive):
		return inputError(ctx, apierr.Conflict, "id", "%s", err.Error())
	case errors.As(err, &state):
		return inputError(ctx, apierr.Conflict, "id", "%s", state.Error())
	}
	return err
}
