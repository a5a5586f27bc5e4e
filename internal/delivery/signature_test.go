package delivery

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func TestVerifySignature(t *testing.T) {
	secret := []byte("s3cret")
	body := []byte(`{"a":1}`)
	// Computed independently of Sign, straight from the documented scheme.
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("1700000000." + string(body)))
	good := "sha256=" + hex.EncodeToString(h.Sum(nil))

	if got := Sign(secret, "1700000000", body); got != good {
		t.Fatalf("Sign = %s, want %s", got, good)
	}
	tests := []struct {
		name      string
		secret    []byte
		timestamp string
		body      []byte
		header    string
		want      bool
	}{
		{"valid", secret, "1700000000", body, good, true},
		{"wrong secret", []byte("other"), "1700000000", body, good, false},
		{"empty secret", nil, "1700000000", body, good, false},
		{"other timestamp", secret, "1700000001", body, good, false},
		{"tampered body", secret, "1700000000", []byte(`{"a":2}`), good, false},
		{"missing prefix", secret, "1700000000", body, good[len("sha256="):], false},
		{"not hex", secret, "1700000000", body, "sha256=zz", false},
		{"empty header", secret, "1700000000", body, "", false},
		{"truncated", secret, "1700000000", body, good[:len(good)-2], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := VerifySignature(tt.secret, tt.timestamp, tt.body, tt.header); got != tt.want {
				t.Fatalf("VerifySignature = %v, want %v", got, tt.want)
			}
		})
	}
}
