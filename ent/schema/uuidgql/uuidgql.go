// Package uuidgql maps the GraphQL ID scalar to uuid.UUID, so that every ID argument is
// parsed (and a malformed one refused) before any resolver runs.
package uuidgql

import (
	"encoding/hex"
	"fmt"
	"io"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"
)

// MarshalUUID writes a UUID as a GraphQL ID string: the canonical 36 characters in quotes,
// which need no escaping, so they are written from the stack (an answer has thousands of IDs).
func MarshalUUID(u uuid.UUID) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		var b [38]byte
		b[0], b[37] = '"', '"'
		hex.Encode(b[1:9], u[0:4])
		b[9] = '-'
		hex.Encode(b[10:14], u[4:6])
		b[14] = '-'
		hex.Encode(b[15:19], u[6:8])
		b[19] = '-'
		hex.Encode(b[20:24], u[8:10])
		b[24] = '-'
		hex.Encode(b[25:37], u[10:16])
		_, _ = w.Write(b[:])
	})
}

// UnmarshalUUID reads a GraphQL ID into a UUID.
func UnmarshalUUID(v any) (uuid.UUID, error) {
	s, ok := v.(string)
	if !ok {
		return uuid.UUID{}, fmt.Errorf("ID must be a string, got %T", v)
	}
	// uuid.Parse also accepts the urn: and braced forms; IDs are the canonical 36 characters.
	if len(s) != 36 {
		return uuid.UUID{}, fmt.Errorf("%q is not a valid ID (a UUID like 0eebf4c3-89cf-4354-bb3f-fca3c7851aff)", truncate(s))
	}
	u, err := uuid.Parse(s)
	if err != nil {
		return uuid.UUID{}, fmt.Errorf("%q is not a valid ID (a UUID like 0eebf4c3-89cf-4354-bb3f-fca3c7851aff)", truncate(s))
	}
	return u, nil
}

func truncate(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}
