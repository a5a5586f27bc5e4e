package auth

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Role is what a user may do: ADMIN manages everything including users, EDITOR creates
// workflows and edits its own and manages clients, VIEWER only reads.
type Role string

// The roles a user may have.
const (
	RoleAdmin  Role = "ADMIN"
	RoleEditor Role = "EDITOR"
	RoleViewer Role = "VIEWER"
)

// Roles lists every role from most to least privileged.
var Roles = []Role{RoleAdmin, RoleEditor, RoleViewer}

// Values lets ent store Role as an enum column.
func (Role) Values() []string {
	out := make([]string, len(Roles))
	for i, r := range Roles {
		out[i] = string(r)
	}
	return out
}

// IsValid reports whether r is one of the declared roles.
func (r Role) IsValid() bool { return slices.Contains(Roles, r) }

// AtLeast reports whether r grants at least the privileges of floor. An invalid role grants
// nothing.
func (r Role) AtLeast(floor Role) bool {
	ri, mi := slices.Index(Roles, r), slices.Index(Roles, floor)
	return ri >= 0 && mi >= 0 && ri <= mi
}

// String returns the role's name.
func (r Role) String() string { return string(r) }

// MarshalGQL writes the role as a GraphQL enum value.
func (r Role) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(r))) }

// UnmarshalGQL reads the role from a GraphQL value.
func (r *Role) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return errors.New("role must be a string")
	}
	if !Role(s).IsValid() {
		return fmt.Errorf("%q is not a valid Role", s)
	}
	*r = Role(s)
	return nil
}
