package customfields

import (
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Types lists every type.
var Types = []Type{Text, Number, Date, DateTime, Boolean, Select}

// IsValid reports whether t is a known type.
func (t Type) IsValid() bool { return slices.Contains(Types, t) }

// MarshalGQL writes the type as a GraphQL enum value.
func (t Type) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(t))) }

// UnmarshalGQL reads a GraphQL enum value.
func (t *Type) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok || !Type(s).IsValid() {
		return fmt.Errorf("%v is not a valid ClientFieldType", v)
	}
	*t = Type(s)
	return nil
}
