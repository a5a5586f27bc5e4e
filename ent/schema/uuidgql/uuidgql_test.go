package uuidgql

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
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

// TestMarshalUUIDAtWritesWhatMarshalUUIDWrites, without an allocation for the marshaller.
func TestMarshalUUIDAtWritesWhatMarshalUUIDWrites(t *testing.T) {
	u := uuid.New()
	var at, copied bytes.Buffer
	MarshalUUIDAt(&u).MarshalGQL(&at)
	MarshalUUID(u).MarshalGQL(&copied)
	if at.String() != copied.String() {
		t.Errorf("MarshalUUIDAt wrote %s, MarshalUUID %s", at.String(), copied.String())
	}
	var m graphql.Marshaler
	if n := testing.AllocsPerRun(100, func() { m = MarshalUUIDAt(&u) }); n != 0 {
		t.Errorf("%v allocations per marshaller, want 0", n)
	}
	_ = m
}
