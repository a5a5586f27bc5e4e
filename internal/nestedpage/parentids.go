package nestedpage

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"unsafe"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent/schema/uuidgql"
)

// parentIDs are the parents' ids as one PostgreSQL array value, {id,id,...}, for
// "= ANY($n)" (PostgreSQL takes the parameter's type from the column).
type parentIDs []driver.Value

// Value writes the array literal: UUIDs and integers as they are, strings quoted.
func (ids parentIDs) Value() (driver.Value, error) {
	b := make([]byte, 0, 2+len(ids)*37)
	b = append(b, '{')
	for i, v := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		switch v := v.(type) {
		case uuid.UUID:
			b = uuidgql.AppendCanonical(b, v)
		case int64:
			b = strconv.AppendInt(b, v, 10)
		case int:
			b = strconv.AppendInt(b, int64(v), 10)
		case string:
			b = appendQuoted(b, v)
		default:
			return nil, fmt.Errorf("nested page: a parent id of type %T", v)
		}
	}
	b = append(b, '}')
	// b is not written again: the string shares it instead of copying 7 KB for 200 parents.
	return unsafe.String(unsafe.SliceData(b), len(b)), nil
}

// appendQuoted appends s as a quoted array element: backslash before " and \.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}
