package gqlguard

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/flowline/flowline/internal/apierr"
	"github.com/flowline/flowline/internal/nulcheck"
)

// NULMessage explains the refusal of input that holds a NUL character.
const NULMessage = "text must not contain NUL (\\u0000) characters"

// RejectNUL refuses GraphQL requests whose query text or variables hold a NUL character
// (400 BAD_USER_INPUT), before any resolver runs: PostgreSQL can store it neither in text
// nor in jsonb, and SQLite would keep it silently. It must run inside BodyLimit, since it
// reads the whole body.
func RejectNUL(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var query string
		var variables json.RawMessage
		switch {
		case r.Method == http.MethodGet:
			q := r.URL.Query()
			query, variables = q.Get("query"), json.RawMessage(q.Get("variables"))
		case r.Body != nil && r.Body != http.NoBody:
			body, err := io.ReadAll(r.Body)
			_ = r.Body.Close()
			if err != nil {
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					WriteError(w, http.StatusRequestEntityTooLarge, apierr.RequestTooLarge, "request body too large")
					return
				}
				WriteError(w, http.StatusBadRequest, apierr.BadRequest, "could not read request body")
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			var params struct {
				Query     string          `json:"query"`
				Variables json.RawMessage `json:"variables"`
			}
			// Decoded as gqlgen's POST transport does (the first JSON value; text after it is
			// ignored), so the check reads exactly what will run.
			if json.NewDecoder(bytes.NewReader(body)).Decode(&params) != nil {
				break // gqlgen explains a body it cannot decode
			}
			query, variables = params.Query, params.Variables
		}
		if nulcheck.InRequest(query, variables) {
			WriteError(w, http.StatusBadRequest, apierr.BadUserInput, NULMessage)
			return
		}
		next.ServeHTTP(w, r)
	})
}
