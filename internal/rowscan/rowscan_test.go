package rowscan

import (
	"testing"

	"entgo.io/ent/dialect/sql"
	"github.com/google/uuid"
)

func TestReuseResetsTargets(t *testing.T) {
	calls := 0
	scan := Reuse(func([]string) ([]any, error) {
		calls++
		return []any{new(uuid.UUID), new(sql.NullString), &sql.NullScanner{S: new(uuid.UUID)}, new([]byte)}, nil
	})
	columns := []string{"id", "name", "owner_id", "data"}
	first, _ := scan(columns)
	*first[0].(*uuid.UUID) = uuid.New()
	*first[1].(*sql.NullString) = sql.NullString{String: "a", Valid: true}
	ns := first[2].(*sql.NullScanner)
	ns.Valid, *ns.S.(*uuid.UUID) = true, uuid.New()
	*first[3].(*[]byte) = []byte("x")
	second, _ := scan(columns)
	if calls != 1 || second[0] != first[0] {
		t.Fatalf("scan ran %d times; want the first row's targets again", calls)
	}
	if *second[0].(*uuid.UUID) != uuid.Nil || *second[1].(*sql.NullString) != (sql.NullString{}) ||
		second[2].(*sql.NullScanner).Valid || *second[2].(*sql.NullScanner).S.(*uuid.UUID) != uuid.Nil || *second[3].(*[]byte) != nil {
		t.Fatalf("targets not reset: %v", second)
	}
}

func TestReuseKeepsFreshTargetsForUnknownTypes(t *testing.T) {
	calls := 0
	scan := Reuse(func([]string) ([]any, error) {
		calls++
		return []any{new(uuid.UUID), new(sql.UnknownType)}, nil
	})
	for range 3 {
		if _, err := scan([]string{"id", "extra"}); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 3 {
		t.Fatalf("scan ran %d times; a selected value is kept by the node, so each row needs its own", calls)
	}
}
