package auth

import (
	"bytes"
	"slices"
	"testing"
)

func TestRoleValues(t *testing.T) {
	if got := Role("").Values(); !slices.Equal(got, []string{"ADMIN", "EDITOR", "VIEWER"}) {
		t.Fatalf("Values = %v", got)
	}
}

func TestRoleGQL(t *testing.T) {
	tests := []struct {
		name    string
		in      any
		want    Role
		wantErr bool
	}{
		{"admin", "ADMIN", RoleAdmin, false},
		{"viewer", "VIEWER", RoleViewer, false},
		{"lower case", "admin", "", true},
		{"unknown", "ROOT", "", true},
		{"not a string", 1, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Role
			err := r.UnmarshalGQL(tt.in)
			if (err != nil) != tt.wantErr || r != tt.want {
				t.Fatalf("UnmarshalGQL(%v) = %q, %v", tt.in, r, err)
			}
			if err != nil {
				return
			}
			var buf bytes.Buffer
			r.MarshalGQL(&buf)
			if buf.String() != `"`+string(tt.want)+`"` {
				t.Fatalf("MarshalGQL = %s", buf.String())
			}
		})
	}
}

func TestRoleAtLeast(t *testing.T) {
	tests := []struct {
		r, min Role
		want   bool
	}{
		{RoleAdmin, RoleViewer, true},
		{RoleAdmin, RoleAdmin, true},
		{RoleEditor, RoleAdmin, false},
		{RoleEditor, RoleEditor, true},
		{RoleViewer, RoleEditor, false},
		{"ROOT", RoleViewer, false},
		{RoleAdmin, "ROOT", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.r)+">="+string(tt.min), func(t *testing.T) {
			if got := tt.r.AtLeast(tt.min); got != tt.want {
				t.Fatalf("AtLeast = %v, want %v", got, tt.want)
			}
			if tt.r.IsValid() != slices.Contains(Roles, tt.r) {
				t.Fatal("IsValid disagrees with Roles")
			}
		})
	}
}
