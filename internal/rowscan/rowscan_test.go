package rowscan

import (
	"database/sql/driver"
	"testing"

	"entgo.io/ent/dialect/sql"
	"github.com/google/uuid"
)

// scanRow stands in for database/sql's Rows.Scan: each target's Scan receives the column.
func scanRow(t *testing.T, targets []any, src ...driver.Value) {
	t.Helper()
	for i, v := range src {
		s, ok := targets[i].(interface{ Scan(any) error })
		if !ok {
			continue
		}
		if err := s.Scan(v); err != nil {
			t.Fatalf("scan column %d: %v", i, err)
		}
	}
}

func TestReuseResetsTargets(t *testing.T) {
	calls := 0
	targets := Reuse(func([]string) ([]any, error) {
		calls++
		return []any{new(uuid.UUID), new(sql.NullString), &sql.NullScanner{S: new(uuid.UUID)}, new([]byte)}, nil
	})
	columns := []string{"id", "name", "owner_id", "data"}
	id, owner := uuid.New(), uuid.New()
	first, _ := targets.Next(columns)
	scanRow(t, first, []byte(id.String()), "a", owner[:], nil)
	*first[3].(*[]byte) = []byte("x")
	values := targets.Values(first)
	if *values[0].(*uuid.UUID) != id || *values[1].(*sql.NullString) != (sql.NullString{String: "a", Valid: true}) ||
		!values[2].(*sql.NullScanner).Valid || *values[2].(*sql.NullScanner).S.(*uuid.UUID) != owner {
		t.Fatalf("first row read as %v", values)
	}
	second, _ := targets.Next(columns)
	if calls != 1 {
		t.Fatalf("scan ran %d times; want the first row's targets again", calls)
	}
	scanRow(t, second, nil, nil, nil, nil)
	values = targets.Values(second)
	if *values[0].(*uuid.UUID) != uuid.Nil || *values[1].(*sql.NullString) != (sql.NullString{}) ||
		values[2].(*sql.NullScanner).Valid || *values[2].(*sql.NullScanner).S.(*uuid.UUID) != uuid.Nil || *values[3].(*[]byte) != nil {
		t.Fatalf("targets not reset: %v", values)
	}
}

func TestUUIDTargetReadsAsUUIDScan(t *testing.T) {
	id := uuid.New()
	for _, src := range []any{[]byte(id.String()), id.String(), id[:], []byte("{" + id.String() + "}"), []byte("not-a-uuid-but-thirty-six-characters"), 42} {
		var want, got uuid.UUID
		wantErr := want.Scan(src)
		gotErr := uuidTarget{&got}.Scan(src)
		if got != want || (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Errorf("Scan(%v) = %v, %v; uuid.UUID reads %v, %v", src, got, gotErr, want, wantErr)
		}
	}
}

func TestReuseKeepsFreshTargetsForUnknownTypes(t *testing.T) {
	calls := 0
	targets := Reuse(func([]string) ([]any, error) {
		calls++
		return []any{new(uuid.UUID), new(sql.UnknownType)}, nil
	})
	for range 3 {
		v, err := targets.Next([]string{"id", "extra"})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := v[0].(*uuid.UUID); !ok {
			t.Fatalf("target %T; want the *uuid.UUID scan made", v[0])
		}
	}
	if calls != 3 {
		t.Fatalf("scan ran %d times; a selected value is kept by the node, so each row needs its own", calls)
	}
}
