package delivery

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Headers Flowline adds to every webhook request.
//
// Signature scheme: X-Flowline-Timestamp holds the send time in Unix seconds, and
// X-Flowline-Signature holds "sha256=" followed by the lower-case hex HMAC-SHA256, keyed
// with the workflow's signing secret, of the timestamp, a full stop and the raw request
// body: HMAC(secret, "<timestamp>.<body>"). Receivers recompute it over the exact bytes
// received (VerifySignature does this in constant time) and should also refuse timestamps
// far from their own clock (a few minutes) to limit replays; Idempotency-Key lets them drop
// repeats of the same step.
const (
	HeaderIdempotencyKey = "Idempotency-Key"
	HeaderTimestamp      = "X-Flowline-Timestamp"
	HeaderSignature      = "X-Flowline-Signature"
)

const signaturePrefix = "sha256="

// Sign returns the X-Flowline-Signature value for body sent at timestamp (Unix seconds as a
// decimal string).
func Sign(secret []byte, timestamp string, body []byte) string {
	return signaturePrefix + hex.EncodeToString(mac(secret, timestamp, body))
}

// VerifySignature reports whether header is the X-Flowline-Signature of body sent at
// timestamp under secret. The comparison is constant-time. It does not judge the timestamp's
// age; receivers should check that separately.
func VerifySignature(secret []byte, timestamp string, body []byte, header string) bool {
	if len(secret) == 0 || !strings.HasPrefix(header, signaturePrefix) {
		return false
	}
	got, err := hex.DecodeString(strings.TrimPrefix(header, signaturePrefix))
	if err != nil {
		return false
	}
	return hmac.Equal(got, mac(secret, timestamp, body))
}

func mac(secret []byte, timestamp string, body []byte) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte(timestamp))
	h.Write([]byte{'.'})
	h.Write(body)
	return h.Sum(nil)
}
