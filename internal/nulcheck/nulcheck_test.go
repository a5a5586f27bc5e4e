package nulcheck

import "testing"

func TestInGraphQL(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want bool
	}{
		{`{ a(x: "plain") }`, false},
		{`{ a(x: "a\u0000b") }`, true},
		{`{ a(x: "a\\u0000b") }`, false}, // an escaped backslash, then the text u0000
		{`{ a(x: "a\\\u0000b") }`, true},
		{"{ a(x: \"a\x00b\") }", true},
		{`{ u0000 }`, false},
		{`{ a(x: "a\u{0}b") }`, true},
		{`{ a(x: "a\u{0000}b") }`, true},
		{`{ a(x: "a\u{41}b") }`, false},
		{`{ a(x: "a\\u{0}b") }`, false},
	} {
		if got := InGraphQL(c.doc); got != c.want {
			t.Errorf("InGraphQL(%q) = %v, want %v", c.doc, got, c.want)
		}
	}
}

func TestInJSON(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want bool
	}{
		{`{"k":"v"}`, false},
		{`{"k":"a\u0000b"}`, true},
		{`{"a\u0000":1}`, true},
		{`{"k":["x",{"y":"\u0000"}]}`, true},
		{`{"k":"a\\u0000b"}`, false},
		{`not json \u0000`, false},
	} {
		if got := InJSON([]byte(c.doc)); got != c.want {
			t.Errorf("InJSON(%s) = %v, want %v", c.doc, got, c.want)
		}
	}
	if !InRequest(`{ a }`, []byte(`{"in":{"name":"\u0000"}} trailing text`)) || InRequest(`{ a }`, nil) {
		t.Error("InRequest")
	}
}
