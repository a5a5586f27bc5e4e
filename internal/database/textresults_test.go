package database

import (
	"net/url"
	"testing"
)

// TestTextResults: every PostgreSQL URL asks for text results, unless it chose for itself;
// its other parameters stay.
func TestTextResults(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"postgres://u@127.0.0.1:5432/test?sslmode=disable", "yes"},
		{"postgresql://u@h/db", "yes"},
		{"postgres://u@h/db?disable_prepared_binary_result=no&sslmode=require", "no"},
	} {
		u, err := url.Parse(textResults(c.in))
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		in, _ := url.Parse(c.in)
		if got := u.Query().Get("disable_prepared_binary_result"); got != c.want {
			t.Errorf("%s: disable_prepared_binary_result=%q, want %q", c.in, got, c.want)
		}
		if u.Query().Get("sslmode") != in.Query().Get("sslmode") || u.Host != in.Host || u.Path != in.Path {
			t.Errorf("%s became %s", c.in, u)
		}
	}
}
