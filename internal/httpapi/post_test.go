package httpapi

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestWriteResponseEncodesAsEncodingJSON: writeResponse writes the bytes encoding/json writes
// for a graphql.Response (errors, data, label, path, hasNext, extensions, in that order,
// empty ones left out), and the same JSON value when the data has characters that
// encoding/json would escape for HTML.
func TestWriteResponseEncodesAsEncodingJSON(t *testing.T) {
	yes := true
	for _, c := range []struct {
		name string
		resp *graphql.Response
		same bool // byte for byte
	}{
		{"nil", nil, true},
		{"data", &graphql.Response{Data: json.RawMessage(`{"workflows":{"edges":[{"node":{"id":"a","n":1}}]}}`)}, true},
		{"no data", &graphql.Response{Errors: gqlerror.List{{Message: "bad <input>", Extensions: map[string]any{"code": "BAD_USER_INPUT"}}}}, true},
		{"everything", &graphql.Response{
			Errors:     gqlerror.List{{Message: "m", Path: ast.Path{ast.PathName("a"), ast.PathIndex(2)}}},
			Data:       json.RawMessage(`{"a":null}`),
			Label:      "l",
			Path:       ast.Path{ast.PathName("a")},
			HasNext:    &yes,
			Extensions: map[string]any{"cost": 12, "b": []int{1}},
		}, true},
		{"HTML characters in data", &graphql.Response{Data: json.RawMessage(`{"name":"<b>Tom & Jerry</b>"}`)}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, err := json.Marshal(c.resp)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			writeResponse(&got, c.resp)
			if c.same && got.String() != string(want) {
				t.Fatalf("writeResponse wrote\n%s\nencoding/json writes\n%s", got.String(), want)
			}
			var a, b any
			if err := json.Unmarshal(got.Bytes(), &a); err != nil {
				t.Fatalf("invalid JSON %s: %v", got.String(), err)
			}
			_ = json.Unmarshal(want, &b)
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("writeResponse wrote %s, a different value from %s", got.String(), want)
			}
		})
	}
}
