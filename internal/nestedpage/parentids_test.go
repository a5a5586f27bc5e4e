package nestedpage

import (
	"database/sql/driver"
	"testing"

	"github.com/google/uuid"
)

// TestParentIDsLiteral: the array literal PostgreSQL reads for "= ANY($n)".
func TestParentIDsLiteral(t *testing.T) {
	u := uuid.MustParse("01a23b21-15c3-7532-91ea-6a5228529b6e")
	for _, c := range []struct {
		ids  []driver.Value
		want string
	}{
		{nil, "{}"},
		{[]driver.Value{u, u}, "{" + u.String() + "," + u.String() + "}"},
		{[]driver.Value{int64(7), 8}, "{7,8}"},
		{[]driver.Value{`a"b\c`, "d"}, `{"a\"b\\c","d"}`},
	} {
		v, err := parentIDs(c.ids).Value()
		if err != nil || v != c.want {
			t.Errorf("%v: %v, %v; want %s", c.ids, v, err, c.want)
		}
	}
	if _, err := parentIDs([]driver.Value{1.5}).Value(); err == nil {
		t.Error("a float id was accepted")
	}
}
