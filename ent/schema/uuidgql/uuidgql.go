// Package uuidgql maps the GraphQL ID scalar to uuid.UUID, so that every ID argument is
// parsed (and a malformed one refused) before any resolver runs.
package uuidgql

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"
)

// MarshalUUID writes a UUID as a GraphQL ID string: the canonical 36 characters in quotes,
// which need no escaping (an answer has thousands of IDs).
// The marshaller is the UUID's 16 bytes themselves (one small allocation when it is boxed),
// not a closure holding them.
func MarshalUUID(u uuid.UUID) graphql.Marshaler {
	return id(u)
}

// MarshalUUIDAt is MarshalUUID for a UUID that outlives the marshalling of the answer (a
// field of a loaded node): the marshaller points at it instead of holding a copy, and a
// pointer needs no allocation to become an interface value.
func MarshalUUIDAt(u *uuid.UUID) graphql.Marshaler {
	return idAt{u}
}

// idAt is a UUID, read when written, as a GraphQL ID.
type idAt struct{ u *uuid.UUID }

// MarshalGQL writes the ID as id does.
func (a idAt) MarshalGQL(w io.Writer) { id(*a.u).MarshalGQL(w) }

// id is a UUID written as a GraphQL ID.
type id uuid.UUID

// MarshalGQL writes the quoted canonical form, straight into the buffer when w is one (the
// executor's is): a [38]byte handed to an io.Writer would be moved to the heap.
func (u id) MarshalGQL(w io.Writer) {
	if buf, ok := w.(*bytes.Buffer); ok {
		buf.Grow(38)
		b := buf.AvailableBuffer()[:38]
		u.encode(b)
		_, _ = buf.Write(b)
		return
	}
	var b [38]byte
	u.encode(b[:])
	_, _ = w.Write(b[:])
}

// encode writes the quoted form into b[:38].
func (u id) encode(b []byte) {
	b[0], b[37] = '"', '"'
	AppendCanonical(b[1:1:37], uuid.UUID(u))
}

// AppendCanonical appends u's canonical form (uuid.UUID.String's) to b without allocating
// when b has room for its 36 bytes.
func AppendCanonical(b []byte, u uuid.UUID) []byte {
	n := len(b)
	b = append(b, "00000000-0000-0000-0000-000000000000"...)
	s := b[n:]
	hex.Encode(s[0:8], u[0:4])
	hex.Encode(s[9:13], u[4:6])
	hex.Encode(s[14:18], u[6:8])
	hex.Encode(s[19:23], u[8:10])
	hex.Encode(s[24:36], u[10:16])
	return b
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
