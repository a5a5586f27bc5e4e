package uuidgql

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// TestMarshalUUIDWritesTheQuotedCanonicalForm: the same bytes as strconv.Quote(u.String()).
func TestMarshalUUIDWritesTheQuotedCanonicalForm(t *testing.T) {
	for _, u := range []uuid.UUID{uuid.Nil, uuid.Max, uuid.MustParse("0eebf4c3-89cf-4354-bb3f-fca3c7851aff"), uuid.New()} {
		var buf bytes.Buffer
		MarshalUUID(u).MarshalGQL(&buf)
		if want := strconv.Quote(u.String()); buf.String() != want {
			t.Errorf("MarshalUUID(%s) wrote %s, want %s", u, buf.String(), want)
		}
		// Through a writer that is not a bytes.Buffer, after other output.
		var sb strings.Builder
		sb.WriteString("x")
		MarshalUUID(u).MarshalGQL(&sb)
		if want := "x" + strconv.Quote(u.String()); sb.String() != want {
			t.Errorf("MarshalUUID(%s) into a strings.Builder wrote %s, want %s", u, sb.String(), want)
		}
	}
}
