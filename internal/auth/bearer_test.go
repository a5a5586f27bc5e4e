package auth

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestBearerToken(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		want    string
		wantOK  bool
	}{
		{"bearer", []string{"Bearer abc.def.ghi"}, "abc.def.ghi", true},
		{"lower-case scheme", []string{"bearer flw_x"}, "flw_x", true},
		{"extra spaces", []string{"Bearer   tok  "}, "tok", true},
		{"missing", nil, "", false},
		{"basic scheme", []string{"Basic dXNlcjpwYXNz"}, "", false},
		{"no token", []string{"Bearer "}, "", false},
		{"scheme only", []string{"Bearer"}, "", false},
		{"space inside token", []string{"Bearer a b"}, "", false},
		{"two headers", []string{"Bearer a", "Bearer b"}, "", false},
		{"at the limit", []string{"Bearer " + strings.Repeat("a", MaxAuthorizationLen-7)}, strings.Repeat("a", MaxAuthorizationLen-7), true},
		{"over 8 KiB", []string{"Bearer " + strings.Repeat("a", MaxAuthorizationLen)}, "", false},
		{"a megabyte of dots", []string{"Bearer " + strings.Repeat(".", 1<<20)}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			for _, h := range tt.headers {
				r.Header.Add("Authorization", h)
			}
			got, ok := BearerToken(r)
			if got != tt.want || ok != tt.wantOK {
				t.Fatalf("BearerToken = %.20q, %v; want %.20q, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}
