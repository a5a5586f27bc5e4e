package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
)

// APITokenPrefix starts every API token, so tokens are recognisable in an Authorization
// header and by secret scanners.
const APITokenPrefix = "flw_"

const apiTokenRandomBytes = 32

// apiTokenLen is the prefix plus 32 random bytes in unpadded base64url (43 characters).
var apiTokenLen = len(APITokenPrefix) + base64.RawURLEncoding.EncodedLen(apiTokenRandomBytes)

// NewSecret creates a bearer secret: prefix (which makes a leaked secret recognisable, to
// secret scanners too) and 256 random bits in unpadded base64url. The plaintext is shown to
// its owner once; only the hash (HashSecret) is stored. API tokens and webhook secrets are
// both made this way.
func NewSecret(prefix string) (plaintext string, hash string, err error) {
	b := make([]byte, apiTokenRandomBytes)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("generate secret: %w", err)
	}
	plaintext = prefix + base64.RawURLEncoding.EncodeToString(b)
	return plaintext, HashSecret(plaintext), nil
}

// HashSecret returns the SHA-256 of a secret in hex, which is what the database stores and
// looks secrets up by.
//
// A fast unsalted hash is right here, unlike for passwords: the secret carries 256 random
// bits, so guessing it from a leaked hash is infeasible however fast the hash, and a
// deterministic hash lets every request find its secret through an index instead of running
// a deliberately slow bcrypt comparison per request.
func HashSecret(plaintext string) string {
	sum := sha256.Sum256([]byte(plaintext))
	return hex.EncodeToString(sum[:])
}

// NewAPIToken creates an API token (NewSecret with APITokenPrefix).
func NewAPIToken() (plaintext string, hash string, err error) { return NewSecret(APITokenPrefix) }

// HashAPIToken is what the database stores of an API token (HashSecret).
func HashAPIToken(plaintext string) string { return HashSecret(plaintext) }

// LooksLikeAPIToken reports whether s has the shape of an API token (prefix, length and
// base64url alphabet), so a caller can tell API tokens from JWTs without a database lookup.
func LooksLikeAPIToken(s string) bool {
	if len(s) != apiTokenLen || !strings.HasPrefix(s, APITokenPrefix) {
		return false
	}
	for _, c := range s[len(APITokenPrefix):] {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
		default:
			return false
		}
	}
	return true
}
